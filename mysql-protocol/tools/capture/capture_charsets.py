"""Records MariaDB 10.11 packets for a latin1 client (handshake charset 8): names and messages in latin1.

Same server and user as capture.py (CAPTURE_PORT, default 34999; test/test). Usage: python3 capture_charsets.py OUTDIR
"""
import sys
import capture_lib as c

OUT = sys.argv[1]

s, greeting, ok = c.connect(charset=8)
assert ok[4] == 0

def query(sql):
    return c.query(s, sql, "cp1252")

query("SELECT 'caf\u00e9' AS `\u00e9t\u00e9`")
column = c.read_packet(s)
for _ in range(3):  # EOF, the row, EOF
    c.read_packet(s)
c.save(OUT, "latin1-column-definition", [column],
       "column definition of SELECT 'caf\u00e9' AS `\u00e9t\u00e9` for a client with handshake charset 8 "
       "(latin1): name in latin1, charset 8, length 4")
c.save(OUT, "latin1-err-unknown-column", [query("SELECT nichts_\u00e9")],
       "ERR for SELECT nichts_\u00e9 from a latin1 client: the message in latin1")
s.close()
