package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Loads the packets under {@code src/test/resources/captured/}, see the README there. */
final class Captured {

    private Captured() {}

    /** Every packet of a fixture, each with its 4-byte header. */
    static List<byte[]> packets(String name) {
        try (InputStream in = Captured.class.getResourceAsStream("/captured/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(HexFormat.of()::parseHex)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The only packet of a fixture, with its header. */
    static byte[] packet(String name) {
        List<byte[]> packets = packets(name);
        if (packets.size() != 1) {
            throw new IllegalStateException(name + " holds " + packets.size() + " packets");
        }
        return packets.getFirst();
    }

    /** A packet's payload (header checked and dropped). */
    static byte[] payload(byte[] packet) {
        int length = (packet[0] & 0xFF) | (packet[1] & 0xFF) << 8 | (packet[2] & 0xFF) << 16;
        if (length != packet.length - 4) {
            throw new IllegalStateException("header says " + length + ", packet has " + (packet.length - 4));
        }
        return Arrays.copyOfRange(packet, 4, packet.length);
    }

    static ByteBuf payloadBuf(byte[] packet) {
        return Unpooled.wrappedBuffer(payload(packet));
    }

    static int sequenceId(byte[] packet) {
        return packet[3] & 0xFF;
    }

    /** All packets of a fixture back to back, as they came over the socket. */
    static byte[] stream(String name) {
        List<byte[]> packets = packets(name);
        int size = packets.stream().mapToInt(p -> p.length).sum();
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : packets) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
