package io.shardgate.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** The client side of the compressed packet layer, for byte-level tests: MariaDB's rules, zlib. */
public final class CompressedFrames {

    /** Shorter data goes uncompressed, as MariaDB and its clients do it. */
    public static final int MIN_COMPRESS_LENGTH = 50;

    /** One compressed packet: its header fields and its data after inflating. */
    public record Packet(int compressedLength, int sequenceId, int uncompressedLength, byte[] data) {
    }

    private CompressedFrames() {
    }

    /** {@code data} as one compressed packet: deflated from 50 bytes on, else stored with length 0. */
    public static byte[] packet(int sequenceId, byte[] data) {
        boolean deflate = data.length >= MIN_COMPRESS_LENGTH;
        byte[] body = deflate ? deflate(data) : data;
        return packet(body.length, sequenceId, deflate ? data.length : 0, body);
    }

    /** A compressed packet with whatever header the test wants. */
    public static byte[] packet(int compressedLength, int sequenceId, int uncompressedLength, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(compressedLength);
        out.write(compressedLength >> 8);
        out.write(compressedLength >> 16);
        out.write(sequenceId);
        out.write(uncompressedLength);
        out.write(uncompressedLength >> 8);
        out.write(uncompressedLength >> 16);
        out.writeBytes(body);
        return out.toByteArray();
    }

    public static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[65536];
            while (!d.finished()) {
                out.write(chunk, 0, d.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** Reads one compressed packet and inflates it. */
    public static Packet read(DataInputStream in) throws IOException {
        byte[] header = new byte[7];
        in.readFully(header);
        int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
        int uncompressed = (header[4] & 0xff) | (header[5] & 0xff) << 8 | (header[6] & 0xff) << 16;
        byte[] body = new byte[length];
        in.readFully(body);
        return new Packet(length, header[3] & 0xff, uncompressed, uncompressed == 0 ? body : inflate(body, uncompressed));
    }

    private static byte[] inflate(byte[] body, int length) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            byte[] out = new byte[length];
            int n = inflater.inflate(out);
            if (n != length || !inflater.finished()) {
                throw new IOException("compressed packet inflates to " + n + " bytes, header says " + length);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException(e);
        } finally {
            inflater.end();
        }
    }
}
