"""Replays a captured greeting to one client and records the client's first reply."""
import socket, sys
greeting_hex, out_file, port, set_ssl, comment = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "ssl", sys.argv[5]
greeting = bytes.fromhex([l for l in open(greeting_hex) if not l.startswith("#")][0].strip())
if set_ssl:
    g = bytearray(greeting)
    p = 4 + g.index(0, 5) - 4 + 1 + 4 + 8 + 1  # caps low offset in packet
    g[p + 1] |= 0x08                           # CLIENT_SSL = 0x800
    greeting = bytes(g)
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port)); srv.listen(1)
c, _ = srv.accept()
c.sendall(greeting)
def rx(n):
    b = b""
    while len(b) < n:
        x = c.recv(n - len(b))
        if not x: raise EOFError
        b += x
    return b
h = rx(4); n = h[0] | h[1] << 8 | h[2] << 16
pkt = h + rx(n)
with open(out_file, "w") as f:
    f.write(f"# {comment}\n")
    if set_ssl:
        f.write(greeting.hex() + "\n")
    f.write(pkt.hex() + "\n")
err = b"\xff\x15\x04#28000capture only"
c.sendall(len(err).to_bytes(3, "little") + bytes([h[3] + 1]) + err)
c.close(); srv.close()
