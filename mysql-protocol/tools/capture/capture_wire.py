"""Records MariaDB 10.11 packets of the wire layer: compression, COM_SET_OPTION, COM_RESET_CONNECTION,
COM_DEBUG, COM_STATISTICS, COM_PROCESS_KILL / KILL, and a stored procedure's several result sets.

Needs a throwaway server on 127.0.0.1:PORT with user test/test (all privileges, WITH GRANT OPTION)
and user other/other (privileges on capdb.* only). Usage: CAPTURE_PORT=PORT python3 capture_wire.py OUTDIR
Compressed exchanges are saved as the raw compressed packets (7-byte header + body), one a line.
"""
import socket, struct, sys, time, zlib
import capture_lib
from capture_lib import read_packet, recv_exact, scramble, seed_of, send
OUT, PORT = sys.argv[1], capture_lib.PORT

def thread_id(greeting):
    p = greeting[4:]
    i = p.index(0, 1) + 1
    return struct.unpack("<I", p[i:i + 4])[0]

def save(name, packets, comment):
    capture_lib.save(OUT, name, packets, comment)

CLIENT_LONG_PASSWORD = 1; CLIENT_CONNECT_WITH_DB = 8; CLIENT_COMPRESS = 32; CLIENT_PROTOCOL_41 = 512
CLIENT_TRANSACTIONS = 8192; CLIENT_SECURE_CONNECTION = 32768; CLIENT_MULTI_STATEMENTS = 1 << 16
CLIENT_MULTI_RESULTS = 1 << 17; CLIENT_PLUGIN_AUTH = 1 << 19; CLIENT_DEPRECATE_EOF = 1 << 24
BASE = (CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_TRANSACTIONS | CLIENT_SECURE_CONNECTION
        | CLIENT_MULTI_RESULTS | CLIENT_PLUGIN_AUTH)

def connect(caps=BASE, db=None, user=b"test", pw=b"test"):
    s = socket.create_connection(("127.0.0.1", PORT))
    greeting = read_packet(s)
    if db:
        caps |= CLIENT_CONNECT_WITH_DB
    auth = scramble(pw, seed_of(greeting))
    resp = struct.pack("<IIB", caps, 16 * 1024 * 1024, 45) + bytes(23) + user + b"\0"
    resp += bytes([len(auth)]) + auth
    if db:
        resp += db + b"\0"
    resp += b"mysql_native_password\0"
    send(s, 1, resp)
    ok = read_packet(s)
    assert ok[4] == 0, ok
    return s, greeting, ok

def query(s, sql):
    send(s, 0, b"\x03" + sql.encode())
    return read_packet(s)

def read_reply(s, first=None, deprecate_eof=False):
    """Every packet of one reply: OK/ERR, or result sets (column count, definitions, EOF unless
    deprecated, rows, end), following SERVER_MORE_RESULTS_EXISTS to the last result."""
    pkts = []
    p = first if first else read_packet(s)
    while True:
        pkts.append(p)
        kind = p[4]
        if kind == 0xFF:
            return pkts
        if kind not in (0x00, 0xFE):
            for _ in range(lenenc_int(p[4:])):
                pkts.append(read_packet(s))
            if not deprecate_eof:
                pkts.append(read_packet(s))
            while True:
                p = read_packet(s)
                pkts.append(p)
                if p[4] == 0xFF:
                    return pkts
                if p[4] == 0xFE and len(p) - 4 < 0xFFFFFF:
                    break
        if not status_of(pkts[-1]) & 8:
            return pkts
        p = read_packet(s)

def lenenc_int(body):
    b = body[0]
    if b < 0xFB:
        return b
    size = {0xFC: 2, 0xFD: 3, 0xFE: 8}[b]
    return int.from_bytes(body[1:1 + size], "little")

def status_of(p):
    body = p[4:]
    if body[0] == 0xFE and len(body) == 5:
        return struct.unpack("<H", body[3:5])[0]
    i = 1
    for _ in range(2):
        i += lenenc_size(body[i])
    return struct.unpack("<H", body[i:i + 2])[0]

def lenenc_size(b):
    return 1 if b < 0xFB else {0xFC: 3, 0xFD: 4, 0xFE: 9}[b]

# --- setup
s, _, _ = connect()
for sql in ["DROP DATABASE IF EXISTS capdb", "CREATE DATABASE capdb",
            "CREATE PROCEDURE capdb.two_results() BEGIN SELECT 1 AS a; SELECT 'x' AS b, 2 AS c; END",
            "CREATE PROCEDURE capdb.no_result() BEGIN DO 1; END"]:
    r = query(s, sql)
    assert r[4] == 0, r

# --- COM_SET_OPTION
for caps, suffix in ((BASE, ""), (BASE | CLIENT_DEPRECATE_EOF, "-deprecate-eof")):
    c, _, _ = connect(caps)
    packets = []
    send(c, 0, b"\x1b\x00\x00"); packets.append(read_packet(c))
    send(c, 0, b"\x03SELECT 1; SELECT 2"); packets += read_reply(c, deprecate_eof=bool(suffix))
    send(c, 0, b"\x1b\x01\x00"); packets.append(read_packet(c))
    send(c, 0, b"\x03SELECT 1; SELECT 2"); packets.append(read_packet(c))
    send(c, 0, b"\x1b\x05\x00"); packets.append(read_packet(c))
    save("set-option" + suffix, packets,
         "COM_SET_OPTION 0 (multi statements on) reply, 'SELECT 1; SELECT 2' replies, COM_SET_OPTION 1 (off) reply, "
         "'SELECT 1; SELECT 2' error, COM_SET_OPTION 5 (unknown) error" + (", client with CLIENT_DEPRECATE_EOF" if suffix else ""))
    c.close()
c, _, _ = connect()
send(c, 0, b"\x1b\x00")
save("set-option-short", [read_packet(c)], "COM_SET_OPTION with a 1-byte option (truncated)")
c.close()

# --- COM_RESET_CONNECTION, COM_DEBUG, COM_STATISTICS, unknown command
c, _, _ = connect(db=b"capdb")
packets = []
query(c, "SET @v = 7")
query(c, "BEGIN")
send(c, 0, b"\x1f"); packets.append(read_packet(c))
send(c, 0, b"\x03SELECT @v, DATABASE(), @@in_transaction"); packets += read_reply(c)
save("reset-connection", packets, "COM_RESET_CONNECTION after SET @v = 7 and BEGIN in capdb, then "
     "SELECT @v, DATABASE(), @@in_transaction (NULL, capdb, 0)")
send(c, 0, b"\x0d"); save("debug", [read_packet(c)], "COM_DEBUG reply (user with all privileges)")
d, _, _ = connect(BASE | CLIENT_DEPRECATE_EOF)
send(d, 0, b"\x0d"); save("debug-deprecate-eof", [read_packet(d)], "COM_DEBUG reply to a client with CLIENT_DEPRECATE_EOF")
d.close()
send(c, 0, b"\x09"); save("statistics", [read_packet(c)], "COM_STATISTICS reply")
send(c, 0, b"\x1d"); save("unknown-command", [read_packet(c)], "COM_DAEMON (0x1d) from a client: unknown command")
c.close()

# --- KILL and COM_PROCESS_KILL
victim, vg, _ = connect()
vid = thread_id(vg)
other, _, _ = connect(user=b"other", pw=b"other")
killer, _, _ = connect()
packets = []
send(killer, 0, b"\x0c" + struct.pack("<I", 999999)); packets.append(read_packet(killer))
packets.append(query(killer, "KILL 999999"))
packets.append(query(other, f"KILL {vid}"))
packets.append(query(other, f"KILL QUERY {vid}"))
send(other, 0, b"\x0c" + struct.pack("<I", vid)); packets.append(read_packet(other))
save("kill-errors", packets, f"COM_PROCESS_KILL of unknown id 999999, KILL 999999, then user 'other' "
     f"(no SUPER) trying KILL {vid}, KILL QUERY {vid} and COM_PROCESS_KILL {vid} of user test's connection")
# KILL QUERY of a running SLEEP: what the killed session gets, and that it stays usable
send(victim, 0, b"\x03SELECT SLEEP(10)")
time.sleep(0.5)
r = query(killer, f"KILL QUERY {vid}")
killed = read_reply(victim)
after = read_reply(victim, query(victim, "SELECT 1"))
save("kill-query", [r] + killed + after, f"KILL QUERY {vid} (OK to the killer), what the victim running "
     "SELECT SLEEP(10) receives, then its SELECT 1")
# KILL CONNECTION of a running SLEEP
send(victim, 0, b"\x03SELECT SLEEP(10)")
time.sleep(0.5)
r = query(killer, f"KILL CONNECTION {vid}")
got = []
try:
    while True:
        got.append(read_packet(victim))
except EOFError:
    pass
save("kill-connection", [r] + got, f"KILL CONNECTION {vid} (OK to the killer), then every packet the victim "
     "running SELECT SLEEP(10) receives before the server closes the connection")
# COM_PROCESS_KILL of an idle connection of the same user
idle, ig, _ = connect()
send(killer, 0, b"\x0c" + struct.pack("<I", thread_id(ig))); r = read_packet(killer)
got = []
idle.settimeout(2)
try:
    while True:
        got.append(read_packet(idle))
except EOFError:
    outcome = "then the server closed it"
except socket.timeout:
    outcome = "and it stayed open for 2 s"
save("process-kill-idle", [r] + got, "COM_PROCESS_KILL of an idle connection of the same user: the reply, "
     "and every packet the idle connection received; " + outcome)
# own connection
own, og, _ = connect()
r1 = query(own, f"KILL QUERY {thread_id(og)}")
r2 = read_reply(own, query(own, "SELECT 1"))
r3 = [query(own, f"KILL {thread_id(og)}")]
try:
    while True:
        r3.append(read_packet(own))
except EOFError:
    pass
save("kill-self", [r1] + r2 + r3, "KILL QUERY of the own connection id, SELECT 1, then KILL of the own id "
     "(and anything after it before the close)")
# KILL QUERY of an idle connection: does its next statement notice?
idle, ig, _ = connect()
r = query(killer, f"KILL QUERY {thread_id(ig)}")
save("kill-query-idle", [r] + read_reply(idle, query(idle, "SELECT 1")),
     "KILL QUERY of an idle connection (reply to the killer), then that connection's SELECT 1")
idle.close()
killer.close(); other.close()

# --- CALL with several result sets
for caps, suffix in ((BASE, ""), (BASE | CLIENT_DEPRECATE_EOF, "-deprecate-eof")):
    c, _, _ = connect(caps, db=b"capdb")
    save("call-two-results" + suffix, read_reply(c, query(c, "CALL two_results()"), bool(suffix)),
         "CALL two_results(): SELECT 1 AS a; SELECT 'x' AS b, 2 AS c, then the final OK"
         + (" (CLIENT_DEPRECATE_EOF)" if suffix else ""))
    c.close()
c, _, _ = connect(db=b"capdb")
save("call-no-result", read_reply(c, query(c, "CALL no_result()")), "CALL no_result() (no SELECT inside)")
c.close()
c, _, _ = connect(BASE & ~CLIENT_MULTI_RESULTS, db=b"capdb")
save("call-without-multi-results", [query(c, "CALL two_results()")],
     "CALL two_results() from a client without CLIENT_MULTI_RESULTS")
c.close()

# --- compression
def cframe(seq, payload, compress):
    if compress and len(payload) >= 50:
        body = zlib.compress(payload)
        return struct.pack("<I", len(body))[:3] + bytes([seq]) + struct.pack("<I", len(payload))[:3] + body
    return struct.pack("<I", len(payload))[:3] + bytes([seq]) + b"\0\0\0" + payload

def read_compressed(s):
    h = recv_exact(s, 7)
    n = h[0] | h[1] << 8 | h[2] << 16
    return h + recv_exact(s, n)

def inflate(cp):
    u = cp[4] | cp[5] << 8 | cp[6] << 16
    return cp[7:] if u == 0 else zlib.decompress(cp[7:])

def compressed_reply(s, count):
    return [read_compressed(s) for _ in range(count)]

c, _, ok = connect(BASE | CLIENT_COMPRESS)
packets = [ok]
inner = lambda seq, payload: struct.pack("<I", len(payload))[:3] + bytes([seq]) + payload
c.sendall(cframe(0, inner(0, b"\x03SELECT 1"), False))
packets += compressed_reply(c, 1)
c.sendall(cframe(0, inner(0, b"\x03SELECT REPEAT('abc', 40) AS r"), True))
packets += compressed_reply(c, 1)
c.sendall(cframe(0, inner(0, b"\x0e") + inner(0, b"\x0e"), False))
c.settimeout(2)
try:
    while True:
        packets.append(read_compressed(c))
except socket.timeout:
    pass
save("compressed", packets, "CLIENT_COMPRESS: the (uncompressed) OK after login; SELECT 1 sent uncompressed "
     "(length 0) and its reply; SELECT REPEAT('abc', 40) sent compressed and its reply; two COM_PINGs in one "
     "compressed packet and every compressed packet that came back. Lines after the first are compressed packets "
     "(7-byte header)")
c.close()
# a result of several compressed packets: 20000 rows of 100 bytes
c, _, _ = connect(BASE | CLIENT_COMPRESS, db=b"capdb")
c.sendall(cframe(0, inner(0, b"\x03SELECT REPEAT('y', 100) FROM seq_1_to_3000"), True))
headers = []
c.settimeout(3)
try:
    while True:
        cp = read_compressed(c)
        headers.append(cp[:7])
except socket.timeout:
    pass
save("compressed-headers-3000-rows", headers, "headers only (7 bytes) of the compressed packets answering "
     "SELECT REPEAT('y', 100) FROM seq_1_to_3000 (no DEPRECATE_EOF)")
c.close()
# a row over 16 MiB, compressed: headers only
c, _, _ = connect(BASE | CLIENT_COMPRESS)
c.sendall(cframe(0, inner(0, b"\x03SELECT REPEAT('z', 17000000)"), True))
headers = []
inflated = b""
c.settimeout(5)
try:
    while True:
        cp = read_compressed(c)
        headers.append(cp[:7])
        inflated += inflate(cp)
except socket.timeout:
    pass
frames = []
i = 0
while i < len(inflated):
    n = inflated[i] | inflated[i + 1] << 8 | inflated[i + 2] << 16
    frames.append(inflated[i:i + 4])
    i += 4 + n
save("compressed-headers-17mb-row", headers + [b"--"] + frames, "SELECT REPEAT('z', 17000000) compressed: the "
     "7-byte headers of the compressed packets, a line '--' (hex of b'--'), then the 4-byte headers of the "
     "packets inside them")
c.close()
# a bad compressed packet: claims 16 MiB uncompressed, carries 10 bytes of garbage
c, _, _ = connect(BASE | CLIENT_COMPRESS)
c.sendall(b"\x0a\x00\x00\x00\xff\xff\xff" + b"\x01" * 10)
got = []
c.settimeout(3)
try:
    while True:
        got.append(read_compressed(c))
except (EOFError, ConnectionResetError):
    outcome = "then the server closed the connection"
except socket.timeout:
    outcome = "and the connection stayed open for 3 s"
save("compressed-garbage", got, "what the server sends for a compressed packet claiming 0xFFFFFF uncompressed "
     "bytes whose body is 10 bytes of garbage (compressed packets, 7-byte headers); " + outcome)
c.close()
print("done")
