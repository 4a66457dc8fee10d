"""Records MariaDB 10.11's prepared-statement packets (binary protocol) as hex, one packet per line.

Usage: capture_stmt.py OUT_DIR, after capture.py, against the same server (CAPTURE_PORT, default 34999)
"""
import socket, struct, sys
import capture_lib as c

OUT = sys.argv[1]

T2 = ("CREATE TABLE capdb.t2 (id INT PRIMARY KEY, a TINYINT, b SMALLINT UNSIGNED, c MEDIUMINT, "
      "d BIGINT UNSIGNED, e FLOAT, f DOUBLE, g DECIMAL(10,3), h DATE, i TIME(6), j DATETIME(6), "
      "k TIMESTAMP(3) NULL, l YEAR, m VARCHAR(10) CHARACTER SET utf8mb4, n BLOB, o BIT(10), p ENUM('x','y'), q JSON, r TIME, "
      "s2 DATETIME, u INT UNSIGNED, v BIGINT)")
ROWS = [
    "(1, -128, 65535, -8388608, 18446744073709551615, 1.5, 0.30000000000000004, -1234567.125, '2024-02-29', "
    "'-838:59:59.000001', '2024-02-29 13:45:07.123456', '2024-02-29 13:45:07.120', 2024, 'h\u00e9llo \U0001F600', x'00ff', "
    "b'1010101010', 'y', '{\"a\":1}', '12:00:00', '2024-01-01 00:00:00', 4294967295, -9223372036854775808)",
    "(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "NULL, NULL, NULL, NULL)",
    "(3, 127, 0, 8388607, 0, 1e-5, 1e300, 0.000, '0000-00-00', '00:00:00', '0000-00-00 00:00:00', NULL, 1901, '', "
    "'', b'0', 'x', '[]', '-01:00:00', '2024-01-01 10:00:00', 0, 9223372036854775807)",
]


def prepare(s, sql):
    c.send(s, 0, b"\x16" + sql.encode())
    return c.read_until_quiet(s)


def execute(s, stmt, flags, params=b""):
    c.send(s, 0, b"\x17" + struct.pack("<IBI", stmt, flags, 1) + params)
    return c.read_until_quiet(s)


s, _, _ = c.connect(db=b"capdb")
for sql in ["DROP TABLE IF EXISTS capdb.t2", T2, "INSERT INTO capdb.t2 VALUES " + ", ".join(ROWS)]:
    r = c.query(s, sql)
    assert r[4] == 0, r
sel = "SELECT * FROM capdb.t2 WHERE id > ? ORDER BY id"
r = prepare(s, "SELECT id, name FROM capdb.t WHERE id = ?")
c.save(OUT, "stmt-prepare-select", r,
       "COM_STMT_PREPARE 'SELECT id, name FROM capdb.t WHERE id = ?' without CLIENT_DEPRECATE_EOF: "
       "COM_STMT_PREPARE_OK (2 columns, 1 parameter), parameter definition, EOF, 2 column definitions, EOF")
r = prepare(s, "INSERT INTO capdb.t (name, price) VALUES (?, ?)")
c.save(OUT, "stmt-prepare-insert", r,
       "COM_STMT_PREPARE of an INSERT with 2 parameters: COM_STMT_PREPARE_OK, 2 parameter definitions, EOF")
r = prepare(s, "SELEC 1")
c.save(OUT, "stmt-prepare-syntax-error", r, "COM_STMT_PREPARE 'SELEC 1': ERR 1064")
r = c.query(s, "SELECT * FROM capdb.t2 ORDER BY id")
c.save(OUT, "stmt-t2-text", c.read_result(s, r, False),
       "SELECT * FROM capdb.t2 ORDER BY id in the text protocol (22 columns of every type, 3 rows)")
r = prepare(s, sel)
stmt = struct.unpack("<I", r[0][5:9])[0]
c.save(OUT, "stmt-t2-execute", execute(s, stmt, 0, b"\x00\x01\x08\x00" + struct.pack("<q", 0)),
       "COM_STMT_EXECUTE of '" + sel + "' with BIGINT 0: the same rows in the binary protocol")
c.save(OUT, "stmt-unknown-handler", execute(s, 999, 0),
       "COM_STMT_EXECUTE of statement 999, never prepared: ERR 1243")
c.save(OUT, "stmt-incorrect-arguments", execute(s, stmt, 0, b"\x00\x01\x08\x00\x05"),
       "COM_STMT_EXECUTE of that statement whose BIGINT value is cut short: ERR 1210")
c.send(s, 0, b"\x1a" + struct.pack("<I", stmt))
c.save(OUT, "stmt-reset-ok", c.read_until_quiet(s), "COM_STMT_RESET of that statement: OK")
c.send(s, 0, b"\x1c" + struct.pack("<II", stmt, 1))
c.save(OUT, "stmt-no-open-cursor", c.read_until_quiet(s), "COM_STMT_FETCH of that statement with no open cursor: ERR 1421")
r = c.query(s, "PREPARE p1 FROM 'SELECT ?'")
c.save(OUT, "stmt-sql-prepare-ok", [r], "PREPARE p1 FROM 'SELECT ?' (text protocol): OK 'Statement prepared'")
s.close()

for caps, suffix in [(0, "eof"), (c.CLIENT_DEPRECATE_EOF, "deprecate-eof")]:
    s, _, _ = c.connect(caps, db=b"capdb")
    r = prepare(s, "SELECT id, a FROM t2 ORDER BY id")
    stmt = struct.unpack("<I", r[0][5:9])[0]
    if caps:
        c.save(OUT, "stmt-prepare-deprecate-eof", r,
               "COM_STMT_PREPARE 'SELECT id, a FROM t2 ORDER BY id' with CLIENT_DEPRECATE_EOF: no EOF after the definitions")
    packets = execute(s, stmt, 1)
    for n in [2, 2]:
        c.send(s, 0, b"\x1c" + struct.pack("<II", stmt, n))
        packets += c.read_until_quiet(s)
    c.save(OUT, "stmt-cursor-" + suffix, packets,
           "COM_STMT_EXECUTE with CURSOR_TYPE_READ_ONLY of 'SELECT id, a FROM t2 ORDER BY id' (column count, 2 definitions, "
           "end with CURSOR_EXISTS), then COM_STMT_FETCH 2 (2 rows, end with CURSOR_EXISTS) and COM_STMT_FETCH 2 (1 row, end "
           "with LAST_ROW_SENT)" + (", CLIENT_DEPRECATE_EOF" if caps else ""))
    s.close()

s, _, _ = c.connect(db=b"capdb")
c.query(s, "SET GLOBAL max_prepared_stmt_count = 1")
s2, _, _ = c.connect(db=b"capdb")
prepare(s2, "DO 1")
c.save(OUT, "stmt-too-many", prepare(s2, "DO 2"),
       "COM_STMT_PREPARE past max_prepared_stmt_count = 1: ERR 1461")
c.query(s, "SET GLOBAL max_prepared_stmt_count = DEFAULT")
