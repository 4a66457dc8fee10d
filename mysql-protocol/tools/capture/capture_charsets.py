"""Records MariaDB 10.11 packets for a latin1 client (handshake charset 8): names and messages in latin1.

Same server and user as capture.py (127.0.0.1:34999, test/test). Usage: python3 capture_charsets.py OUTDIR
"""
import socket, struct, sys

OUT = sys.argv[1]
HOST, PORT = "127.0.0.1", 34999

from wire import read_packet, save, scramble, seed_of, send  # noqa: E402

s = socket.create_connection((HOST, PORT))
greeting = read_packet(s)
caps = 1 | 512 | 8192 | 32768 | (1 << 17) | (1 << 19)  # as capture.py, without CONNECT_WITH_DB
auth = scramble(b"test", seed_of(greeting))
send(s, 1, struct.pack("<IIB", caps, 16 * 1024 * 1024, 8) + bytes(23) + b"test\0" + bytes([len(auth)]) + auth
     + b"mysql_native_password\0")
assert read_packet(s)[4] == 0

def query(sql):
    send(s, 0, b"\x03" + sql.encode("cp1252"))
    return read_packet(s)

query("SELECT 'caf\u00e9' AS `\u00e9t\u00e9`")
column = read_packet(s)
for _ in range(3):  # EOF, the row, EOF
    read_packet(s)
save(OUT, "latin1-column-definition", [column],
     "column definition of SELECT 'caf\u00e9' AS `\u00e9t\u00e9` for a client with handshake charset 8 "
     "(latin1): name in latin1, charset 8, length 4")
save(OUT, "latin1-err-unknown-column", [query("SELECT nichts_\u00e9")],
     "ERR for SELECT nichts_\u00e9 from a latin1 client: the message in latin1")
s.close()
