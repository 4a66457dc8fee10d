package io.shardgate.router.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text that may hold bytes a client sent that were no characters of its character set: the
 * proxy's front end decodes such a byte {@code b} as the lone surrogate {@code U+DC00 + b}
 * (U+DC80..U+DCFF), so a {@code _binary'...'} literal keeps its bytes through decoding.
 */
public final class RawBytes {

    private RawBytes() {
    }

    /**
     * Whether the character at {@code i} stands for a raw byte: U+DC80..U+DCFF on its own. The
     * same code units are the low half of some surrogate pairs (U+1F480 is D83D DC80), which are
     * characters.
     */
    static boolean isRawByte(String s, int i) {
        char c = s.charAt(i);
        return c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    public static boolean hasRawBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isRawByte(s, i)) {
                return true;
            }
        }
        return false;
    }

    /** The bytes the client sent: UTF-8 for characters, each raw byte as itself. */
    public static byte[] utf8(String s) {
        if (!hasRawBytes(s)) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isRawByte(s, i)) {
                out.writeBytes(s.substring(run, i).getBytes(StandardCharsets.UTF_8));
                out.write(c & 0xFF);
                run = i + 1;
            }
        }
        out.writeBytes(s.substring(run).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
