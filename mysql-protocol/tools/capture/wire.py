"""What the capture scripts share: plain packet I/O, the native-password scramble and saving fixtures."""
import hashlib, struct


def recv_exact(s, n):
    b = b""
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c:
            raise EOFError("closed")
        b += c
    return b


def read_packet(s):
    """One packet with its 4-byte header."""
    h = recv_exact(s, 4)
    return h + recv_exact(s, h[0] | h[1] << 8 | h[2] << 16)


def send(s, seq, payload):
    s.sendall(struct.pack("<I", len(payload))[:3] + bytes([seq]) + payload)


def scramble(pw, seed):
    """mysql_native_password: SHA1(pw) XOR SHA1(seed + SHA1(SHA1(pw)))."""
    h1 = hashlib.sha1(pw).digest()
    h3 = hashlib.sha1(seed + hashlib.sha1(h1).digest()).digest()
    return bytes(a ^ b for a, b in zip(h1, h3))


def seed_of(greeting):
    """The 20-byte scramble of a HandshakeV10 packet (with its header)."""
    p = greeting[4:]
    i = p.index(0, 1) + 1 + 4
    return p[i:i + 8] + p[i + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10:][:12]


def save(out_dir, name, packets, comment):
    """A fixture: a '#' comment line, then one packet a line as hex, header included."""
    with open(f"{out_dir}/{name}.hex", "w") as f:
        f.write(f"# {comment}\n")
        for p in packets:
            f.write(p.hex() + "\n")
