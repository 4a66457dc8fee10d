"""Packet helpers shared by the capture scripts: framing, native-password scramble, hex files."""
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
