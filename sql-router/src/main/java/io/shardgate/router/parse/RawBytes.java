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

    public static boolean isRawByte(char c) {
        return c >= 0xDC80 && c <= 0xDCFF;
    }

    public static boolean hasRawBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isRawByte(s.charAt(i))) {
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
            if (isRawByte(c)) {
                out.writeBytes(s.substring(run, i).getBytes(StandardCharsets.UTF_8));
                out.write(c & 0xFF);
                run = i + 1;
            }
        }
        out.writeBytes(s.substring(run).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** {@code X'...'} of {@code bytes}. */
    public static String hexLiteral(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2 + 3).append("X'");
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.append('\'').toString();
    }
}
