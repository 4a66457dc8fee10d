"""Records exact MariaDB 10.11 packets (with 4-byte headers) as hex, one packet per line."""
import socket, struct, sys
from capture_lib import *
import capture_lib

OUT = sys.argv[1]

def save(name, packets, comment):
    capture_lib.save(OUT, name, packets, comment)

# --- setup, with the CLI-independent connection
s, greeting, ok = connect()
assert ok[4] == 0, ok
for sql in ["DROP DATABASE IF EXISTS capdb", "CREATE DATABASE capdb",
            "CREATE TABLE capdb.t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
            "name VARCHAR(20) CHARACTER SET utf8mb4 NOT NULL, price DECIMAL(10,2), "
            "created DATETIME, note VARCHAR(10) CHARACTER SET utf8mb4 DEFAULT 'n/a', data BLOB)"]:
    r = query(s, sql)
    assert r[4] == 0, r
save("greeting", [greeting], "server greeting (HandshakeV10) of a fresh connection")
save("ok-after-auth", [ok], "OK answering the handshake response (user test, mysql_native_password)")
r = query(s, "INSERT INTO capdb.t (name, price, created, note, data) VALUES "
             "('h\u00e9llo \u2713', 12.50, '2024-02-29 13:45:07', NULL, x'00ff10'), "
             "('b', -0.01, NULL, 'x', '')")
save("ok-after-insert", [r], "OK after a 2-row INSERT ... VALUES into capdb.t (affected 2, last insert id 1, info)")
r = query(s, "UPDATE capdb.t SET price = price WHERE id = 1")
save("ok-after-noop-update", [r], "OK after UPDATE that matched 1 row and changed 0 (info 'Rows matched: 1  Changed: 0  Warnings: 0')")
r = query(s, "SELECT * FROM capdb.nosuch")
save("err-no-such-table", [r], "ERR for SELECT * FROM capdb.nosuch")
r = query(s, "SELECT id, name, price, created, note, data FROM capdb.t ORDER BY id")
save("resultset-eof", read_result(s, r, False),
     "SELECT id,name,price,created,note,data FROM capdb.t without CLIENT_DEPRECATE_EOF, charset 45 "
     "(column count, 6 column definitions, EOF, 2 text rows, EOF)")
# COM_FIELD_LIST: column definitions carry a default value; ends with EOF
send(s, 0, b"\x04t\0")  # no db selected yet -> ERR; select db first
r = read_packet(s)
save("err-field-list-no-db", [r], "ERR for COM_FIELD_LIST t without a default database")
r = query(s, "USE capdb")
pkts = []
send(s, 0, b"\x04t\0")
while True:
    p = read_packet(s); pkts.append(p)
    if p[4] in (0xFE, 0xFF) and len(p) - 4 < 9:
        break
save("field-list", pkts, "COM_FIELD_LIST t in capdb: 6 column definitions with default values, then EOF")
s.close()

# --- CLIENT_DEPRECATE_EOF: result set ends with a 0xFE-headed OK
s, _, ok = connect(CLIENT_DEPRECATE_EOF, db=b"capdb")
assert ok[4] == 0, ok
r = query(s, "SELECT id, name FROM t ORDER BY id")
save("resultset-deprecate-eof", read_result(s, r, True),
     "SELECT id, name FROM t with CLIENT_DEPRECATE_EOF (no EOF after columns, 0xFE OK at the end)")
s.close()

# --- auth switch: the client names a plugin the server does not use for this account
s = socket.create_connection((HOST, PORT))
g = read_packet(s)
caps = CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH
resp = struct.pack("<IIB", caps, 16 * 1024 * 1024, 45) + bytes(23) + b"test\0" + b"\x00" + b"client_ed25519\0"
send(s, 1, resp)
sw = read_packet(s)
save("auth-switch", [g, sw], "greeting, then AuthSwitchRequest after a response naming plugin client_ed25519")
send(s, 3, scramble(b"test", sw[4 + 1 + len(b"mysql_native_password") + 1:][:20]))
save("ok-after-auth-switch", [read_packet(s)], "OK after answering the auth switch")
s.close()

# --- a packet over max_allowed_packet: the server answers ERR 1153 and closes. The read limit is
# max(max_allowed_packet, net_buffer_length = 16384), hence 40000 bytes.
s, _, _ = connect()
query(s, "SET GLOBAL max_allowed_packet = 1024")
s.close()
s, _, _ = connect()
send(s, 0, b"\x03SELECT '" + b"x" * 40000 + b"'")
save("err-packet-too-large", [read_packet(s)],
     "ERR answering a 40009-byte COM_QUERY when max_allowed_packet = 1024 (server then closes)")
s.close()
s, _, _ = connect()
query(s, "SET GLOBAL max_allowed_packet = 16777216")
s.close()
print("done")
