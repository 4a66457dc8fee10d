"""Records MariaDB 10.11 packets of re-authentication (COM_CHANGE_USER) and of a REQUIRE SSL refusal.

Needs a throwaway server on 127.0.0.1:PORT with user test/test (all privileges) and user req/req
created with REQUIRE SSL, and /usr/bin/python3 with python3-mysqldb (libmariadb) for the client
side. Usage: /usr/bin/python3 capture_auth.py OUTDIR PORT
"""
import socket, struct, sys, threading
OUT, PORT = sys.argv[1], int(sys.argv[2])

import capture_lib as lib  # noqa: E402
from capture_lib import read_packet, scramble, seed_of, send  # noqa: E402
lib.PORT = PORT

def save(name, packets, comment):
    lib.save(OUT, name, packets, comment)

def connect(user=b"test", password=b"test"):
    """As capture.py's client (charset 45, no CONNECT_WITH_DB)."""
    return lib.connect(user=user, password=password)

def query(s, sql):
    return lib.query(s, sql)

import MySQLdb  # noqa: E402

# --- what libmariadb sends for mysql_change_user, through a forwarder that logs client packets
client_packets = []
lsock = socket.socket(); lsock.bind(("127.0.0.1", 0)); lsock.listen(1)
def forward():
    c, _ = lsock.accept()
    s = socket.create_connection(("127.0.0.1", PORT))
    def pump(src, dst, log):
        buf = b""
        while True:
            d = src.recv(65536)
            if not d:
                dst.close(); return
            dst.sendall(d)
            if log is not None:
                buf += d
                while len(buf) >= 4 and len(buf) >= 4 + (buf[0] | buf[1] << 8 | buf[2] << 16):
                    n = 4 + (buf[0] | buf[1] << 8 | buf[2] << 16)
                    log.append(buf[:n]); buf = buf[n:]
    threading.Thread(target=pump, args=(s, c, None), daemon=True).start()
    pump(c, s, client_packets)
threading.Thread(target=forward, daemon=True).start()
db = MySQLdb.connect(host="127.0.0.1", port=lsock.getsockname()[1], user="test", passwd="test")
db.change_user("test", "test", "mysql")
db.close()
change = [p for p in client_packets if p[4] == 0x11]
save("cli-change-user", change, "COM_CHANGE_USER of libmariadb 3.3 (mysql_change_user('test', 'test', 'mysql'));"
     " the auth response is scrambled with the connection's greeting seed")

# --- the server's answers
def change_user(s, seed, user, password, db, plugin):
    auth = scramble(password, seed) if plugin == b"mysql_native_password" else b""
    body = b"\x11" + user + b"\0" + bytes([len(auth)]) + auth + db + b"\0" + struct.pack("<H", 45) + plugin + b"\0"
    send(s, 0, body)
    return read_packet(s)

def switch_seed(switch):
    return switch[4 + 1 + len(b"mysql_native_password") + 1:][:20]

# MariaDB never reuses the greeting's scramble: it answers every COM_CHANGE_USER with an
# AuthSwitchRequest carrying a fresh one, even when the client named the right plugin.
s, greeting, ok = connect()
seed = seed_of(greeting)
sw = change_user(s, seed, b"test", b"test", b"mysql", b"mysql_native_password")
send(s, 2, scramble(b"test", switch_seed(sw)))
save("change-user-ok", [sw, read_packet(s)], "COM_CHANGE_USER test/test, schema mysql, mysql_native_password:"
     " AuthSwitchRequest with a fresh scramble, then (after the client's answer, sequence 2) OK")
sw = change_user(s, seed, b"test", b"wrong", b"", b"mysql_native_password")
send(s, 2, scramble(b"wrong", switch_seed(sw)))
save("change-user-denied", [sw, read_packet(s)], "COM_CHANGE_USER with a wrong password: AuthSwitchRequest, then ERR 1045")
r = query(s, "DO 1")
assert r[4] == 0, r  # the connection still works
s.close()

s, greeting, ok = connect()
sw = change_user(s, seed_of(greeting), b"test", b"test", b"", b"client_ed25519")
save("change-user-other-plugin", [sw], "AuthSwitchRequest answering COM_CHANGE_USER that names plugin client_ed25519")
s.close()

# --- REQUIRE SSL over plain TCP: refused like a wrong password
s, greeting, err = connect(user=b"req")
save("err-require-ssl", [err], "ERR answering user req (REQUIRE SSL) logging in over plain TCP with its right password")
s.close()
print("done")
