package io.shardgate.router.parse;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Locale;

/** Decoding and encoding of MySQL string literals. */
public final class MysqlStrings {

    private MysqlStrings() {
    }

    /**
     * Decodes a string literal token, e.g. {@code 'it''s'}, {@code "a\nb"}, {@code _utf8mb4'x'},
     * {@code N'x'}, {@code _binary'x'}, {@code x'4142'}, {@code 0x4142}, {@code b'101'}.
     */
    public static Object decode(String token, boolean backslashEscapes) {
        String t = token;
        char first = t.charAt(0);
        if ((first == 'x' || first == 'X') && t.length() > 1 && t.charAt(1) == '\'') {
            return hex(t.substring(2, t.length() - 1));
        }
        if (t.startsWith("0x")) {
            return hex(t.substring(2));
        }
        if ((first == 'b' || first == 'B') && t.length() > 1 && t.charAt(1) == '\'') {
            return bits(t.substring(2, t.length() - 1));
        }
        if (t.startsWith("0b")) {
            return bits(t.substring(2));
        }
        boolean binary = false;
        if (first == '_') {
            int quote = firstQuote(t);
            binary = t.substring(1, quote).trim().toLowerCase(Locale.ROOT).equals("binary");
            t = t.substring(quote);
        } else if (first == 'n' || first == 'N') {
            t = t.substring(1);
        }
        String text = unquote(t, backslashEscapes);
        return binary ? RawBytes.utf8(text) : text;
    }

    private static int firstQuote(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '\'' || t.charAt(i) == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("not a string literal: " + t);
    }

    /** Removes the quotes of {@code 'text'} / {@code "text"} and resolves escapes as MariaDB does. */
    public static String unquote(String quoted, boolean backslashEscapes) {
        char q = quoted.charAt(0);
        StringBuilder sb = new StringBuilder(quoted.length());
        int end = quoted.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = quoted.charAt(i);
            if (c == q && i + 1 < end && quoted.charAt(i + 1) == q) {
                sb.append(q);
                i++;
            } else if (c == '\\' && backslashEscapes && i + 1 < end) {
                char e = quoted.charAt(++i);
                switch (e) {
                    case '0' -> sb.append('\0');
                    case 'b' -> sb.append('\b');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'Z' -> sb.append('\u001a');
                    // LIKE wildcards keep their backslash so the pattern still sees an escaped wildcard.
                    case '%', '_' -> sb.append('\\').append(e);
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A single-quoted literal for {@code value} that MariaDB reads back as exactly {@code value}. */
    public static String quote(String value) {
        return quote(value, true);
    }

    /**
     * {@link #quote(String)} for a reader in the given mode: under {@code NO_BACKSLASH_ESCAPES} a
     * backslash is an ordinary character, so only the quote is doubled and the rest goes as it is.
     */
    public static String quote(String value, boolean backslashEscapes) {
        if (!backslashEscapes) {
            return "'" + value.replace("'", "''") + "'";
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\0' -> sb.append("\\0");
                case '\'' -> sb.append("''");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\u001a' -> sb.append("\\Z");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** {@code @name}, {@code @`name`}, {@code @"name"} or {@code @'name'}: the name after the {@code @}. */
    public static String userVariableName(String written, boolean backslashEscapes) {
        return written.startsWith("'") ? unquote(written, backslashEscapes) : unquoteIdentifier(written);
    }

    /** A backquoted identifier. */
    public static String quoteIdentifier(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    /** Strips backquotes (and doubled backquotes inside) or double quotes from an identifier. */
    public static String unquoteIdentifier(String name) {
        if (name.length() >= 2 && name.charAt(0) == '`' && name.charAt(name.length() - 1) == '`') {
            return name.substring(1, name.length() - 1).replace("``", "`");
        }
        if (name.length() >= 2 && name.charAt(0) == '"' && name.charAt(name.length() - 1) == '"') {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }

    private static byte[] hex(String digits) {
        String d = digits.length() % 2 == 1 ? "0" + digits : digits;
        byte[] out = new byte[d.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(d, 2 * i, 2 * i + 2, 16);
        }
        return out;
    }

    private static byte[] bits(String digits) {
        if (digits.isEmpty()) {
            return new byte[0];
        }
        byte[] raw = new BigInteger(digits, 2).toByteArray();
        int bytes = (digits.length() + 7) / 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes);
        for (int i = 0; i < bytes - raw.length; i++) {
            out.write(0);
        }
        out.write(raw, Math.max(0, raw.length - bytes), Math.min(raw.length, bytes));
        return out.toByteArray();
    }
}
