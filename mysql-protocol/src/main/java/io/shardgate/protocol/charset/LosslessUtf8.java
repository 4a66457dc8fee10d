package io.shardgate.protocol.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * UTF-8 that keeps every byte, for text a client sends: a byte that is not part of a well-formed
 * sequence decodes to the lone surrogate {@code U+DC80 + (byte & 0x7F)} ("surrogate escape") and
 * encodes back to the same byte. A client's binary data inside a string literal
 * ({@code _binary'...'}) therefore survives decoding, and the literal's bytes can be recovered.
 *
 * <p>{@code utf8mb3} differs only in that 4-byte sequences are not characters: their bytes are
 * escaped, as MariaDB would reject them. Supplementary characters encode to {@code ?} there.
 *
 * <p>The decoder handles whole inputs (a packet), not streams split inside a sequence: a sequence
 * cut by the end of the input is escaped byte by byte.
 */
final class LosslessUtf8 extends Charset {

    private final boolean fourByte;

    LosslessUtf8(String name, boolean fourByte) {
        super(name, null);
        this.fourByte = fourByte;
    }

    /** Whether {@code c} stands for a raw byte. */
    static boolean isEscapedByte(char c) {
        return c >= 0xDC80 && c <= 0xDCFF;
    }

    @Override
    public boolean contains(Charset cs) {
        return cs == this;
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder();
    }

    @Override
    public CharsetEncoder newEncoder() {
        return new Encoder();
    }

    /** The length of the well-formed sequence at {@code in[i..]}, or 0 when its first byte must be escaped. */
    private int sequence(ByteBuffer in, int i, int limit) {
        int b0 = in.get(i) & 0xFF;
        int length;
        int min;
        if (b0 < 0x80) {
            return 1;
        } else if (b0 >= 0xC2 && b0 <= 0xDF) {
            length = 2;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            length = 3;
            min = 0x800;
        } else if (fourByte && b0 >= 0xF0 && b0 <= 0xF4) {
            length = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + length > limit) {
            return 0;
        }
        int cp = b0 & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
            int b = in.get(i + k) & 0xFF;
            if ((b & 0xC0) != 0x80) {
                return 0;
            }
            cp = cp << 6 | (b & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not characters.
        if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            return 0;
        }
        return length;
    }

    private final class Decoder extends CharsetDecoder {

        Decoder() {
            super(LosslessUtf8.this, 1.0f, 2.0f);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            int limit = in.limit();
            while (in.position() < limit) {
                int i = in.position();
                int length = sequence(in, i, limit);
                if (length == 0) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    out.put((char) (0xDC00 | (in.get(i) & 0xFF)));
                    in.position(i + 1);
                    continue;
                }
                int b0 = in.get(i) & 0xFF;
                int cp = b0 & (length == 1 ? 0x7F : 0xFF >> (length + 1));
                for (int k = 1; k < length; k++) {
                    cp = cp << 6 | (in.get(i + k) & 0x3F);
                }
                int chars = Character.charCount(cp);
                if (out.remaining() < chars) {
                    return CoderResult.OVERFLOW;
                }
                if (chars == 1) {
                    out.put((char) cp);
                } else {
                    out.put(Character.highSurrogate(cp)).put(Character.lowSurrogate(cp));
                }
                in.position(i + length);
            }
            return CoderResult.UNDERFLOW;
        }
    }

    private final class Encoder extends CharsetEncoder {

        Encoder() {
            super(LosslessUtf8.this, 1.1f, 4.0f, new byte[] {'?'});
        }

        @Override
        public boolean canEncode(char c) {
            return !Character.isSurrogate(c) || isEscapedByte(c);
        }

        @Override
        protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
            while (in.hasRemaining()) {
                int p = in.position();
                char c = in.get(p);
                int cp = c;
                int consumed = 1;
                if (Character.isHighSurrogate(c) && p + 1 < in.limit() && Character.isLowSurrogate(in.get(p + 1))) {
                    cp = Character.toCodePoint(c, in.get(p + 1));
                    consumed = 2;
                }
                if (isEscapedByte(c)) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    out.put((byte) (c & 0xFF));
                } else if (Character.isSurrogate(c) && consumed == 1 || cp > 0xFFFF && !fourByte) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    out.put((byte) '?');
                } else if (!put(cp, out)) {
                    return CoderResult.OVERFLOW;
                }
                in.position(p + consumed);
            }
            return CoderResult.UNDERFLOW;
        }

        private static boolean put(int cp, ByteBuffer out) {
            if (cp < 0x80) {
                if (out.remaining() < 1) {
                    return false;
                }
                out.put((byte) cp);
            } else if (cp < 0x800) {
                if (out.remaining() < 2) {
                    return false;
                }
                out.put((byte) (0xC0 | cp >> 6)).put((byte) (0x80 | cp & 0x3F));
            } else if (cp < 0x10000) {
                if (out.remaining() < 3) {
                    return false;
                }
                out.put((byte) (0xE0 | cp >> 12)).put((byte) (0x80 | cp >> 6 & 0x3F)).put((byte) (0x80 | cp & 0x3F));
            } else {
                if (out.remaining() < 4) {
                    return false;
                }
                out.put((byte) (0xF0 | cp >> 18)).put((byte) (0x80 | cp >> 12 & 0x3F))
                        .put((byte) (0x80 | cp >> 6 & 0x3F)).put((byte) (0x80 | cp & 0x3F));
            }
            return true;
        }
    }
}
