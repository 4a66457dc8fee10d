"""Helpers shared by the capture scripts: a byte-level MySQL client for a local MariaDB."""
import hashlib, os, socket, struct

HOST, PORT = "127.0.0.1", int(os.environ.get("CAPTURE_PORT", "34999"))

def recv_exact(s, n):
    b = b""
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c:
            raise EOFError("closed")
        b += c
    return b

def read_packet(s):
    h = recv_exact(s, 4)
    n = h[0] | h[1] << 8 | h[2] << 16
    return h + recv_exact(s, n)

def send(s, seq, payload):
    s.sendall(struct.pack("<I", len(payload))[:3] + bytes([seq]) + payload)

def scramble(pw, seed):
    h1 = hashlib.sha1(pw).digest()
    h2 = hashlib.sha1(h1).digest()
    h3 = hashlib.sha1(seed + h2).digest()
    return bytes(a ^ b for a, b in zip(h1, h3))

def seed_of(greeting):
    p = greeting[4:]
    i = p.index(0, 1) + 1      # after server version NUL
    i += 4                     # connection id
    part1 = p[i:i + 8]
    i += 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10
    part2 = p[i:i + 12]
    return part1 + part2

def save(out, name, packets, comment):
    with open(f"{out}/{name}.hex", "w") as f:
        f.write(f"# {comment}\n")
        for p in packets:
            f.write(p.hex() + "\n")

CLIENT_LONG_PASSWORD = 1; CLIENT_CONNECT_WITH_DB = 8; CLIENT_PROTOCOL_41 = 512
CLIENT_TRANSACTIONS = 8192; CLIENT_SECURE_CONNECTION = 32768; CLIENT_MULTI_RESULTS = 1 << 17
CLIENT_PLUGIN_AUTH = 1 << 19; CLIENT_DEPRECATE_EOF = 1 << 24

def connect(extra_caps=0, db=None, plugin=b"mysql_native_password", user=b"test", charset=45, password=b"test"):
    s = socket.create_connection((HOST, PORT))
    greeting = read_packet(s)
    caps = (CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_TRANSACTIONS | CLIENT_SECURE_CONNECTION
            | CLIENT_MULTI_RESULTS | CLIENT_PLUGIN_AUTH | extra_caps)
    if db:
        caps |= CLIENT_CONNECT_WITH_DB
    auth = scramble(password, seed_of(greeting))
    resp = struct.pack("<IIB", caps, 16 * 1024 * 1024, charset) + bytes(23) + user + b"\0"
    resp += bytes([len(auth)]) + auth
    if db:
        resp += db + b"\0"
    resp += plugin + b"\0"
    send(s, 1, resp)
    return s, greeting, read_packet(s)

def query(s, sql, encoding="utf-8"):
    send(s, 0, b"\x03" + sql.encode(encoding))
    return read_packet(s)

def read_result(s, first, deprecate_eof):
    pkts = [first]
    ncols = first[4]
    for _ in range(ncols):
        pkts.append(read_packet(s))
    if not deprecate_eof:
        pkts.append(read_packet(s))
    while True:
        p = read_packet(s)
        pkts.append(p)
        if p[4] == 0xFE and len(p) < 4 + 0xFFFFFF - 1 and len(p) - 4 < 9:
            return pkts
        if p[4] == 0xFE and deprecate_eof and len(p) - 4 < 0xFFFFFF:
            return pkts


def read_until_quiet(s, timeout=0.5):
    """Every packet the server sends until it has been silent for timeout seconds."""
    packets = []
    s.settimeout(timeout)
    try:
        while True:
            packets.append(read_packet(s))
    except (socket.timeout, TimeoutError):
        pass
    s.settimeout(None)
    return packets
