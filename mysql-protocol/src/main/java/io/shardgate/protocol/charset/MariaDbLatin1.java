package io.shardgate.protocol.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.util.HashMap;
import java.util.Map;

/**
 * MariaDB's {@code latin1}: Windows-1252, with the five bytes Windows-1252 leaves undefined (0x81,
 * 0x8D, 0x8F, 0x90, 0x9D) mapped to the C1 controls of the same value, so every byte is a
 * character and decoding then encoding gives the bytes back. Characters outside it encode to
 * {@code ?}, as MariaDB converts them.
 */
final class MariaDbLatin1 extends Charset {

    private static final char[] TO_CHAR = new char[256];
    private static final Map<Character, Byte> TO_BYTE = new HashMap<>();

    static {
        CharsetDecoder cp1252 = Charset.forName("windows-1252").newDecoder();
        for (int b = 0; b < 256; b++) {
            char c;
            try {
                c = cp1252.decode(ByteBuffer.wrap(new byte[] {(byte) b})).charAt(0);
            } catch (java.nio.charset.CharacterCodingException e) {
                c = (char) b;
            }
            TO_CHAR[b] = c;
            TO_BYTE.put(c, (byte) b);
        }
    }

    MariaDbLatin1() {
        super("x-mariadb-latin1", null);
    }

    @Override
    public boolean contains(Charset cs) {
        return cs == this;
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new CharsetDecoder(this, 1.0f, 1.0f) {
            @Override
            protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                while (in.hasRemaining()) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    out.put(TO_CHAR[in.get() & 0xFF]);
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }

    @Override
    public CharsetEncoder newEncoder() {
        return new CharsetEncoder(this, 1.0f, 1.0f, new byte[] {'?'}) {
            @Override
            public boolean canEncode(char c) {
                return TO_BYTE.containsKey(c);
            }

            @Override
            protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
                while (in.hasRemaining()) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    char c = in.get();
                    Byte b = TO_BYTE.get(c);
                    if (b == null && Character.isHighSurrogate(c) && in.hasRemaining() && Character.isLowSurrogate(in.get(in.position()))) {
                        in.get(); // one character, one '?'
                    }
                    out.put(b == null ? (byte) '?' : b);
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }
}
