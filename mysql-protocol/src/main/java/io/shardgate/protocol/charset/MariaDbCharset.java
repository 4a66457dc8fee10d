package io.shardgate.protocol.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A MariaDB character set as the proxy speaks it with clients: its name, the Java charset that
 * reads and writes its bytes, and its longest character in bytes (MariaDB's {@code mbmaxlen},
 * which column lengths are counted in).
 *
 * <p>{@code utf8mb4}, {@code utf8mb3} and {@code binary} decode without losing bytes (see
 * {@link LosslessUtf8}): a binary client's bytes are taken as UTF-8 where they form it and kept
 * as escaped bytes where they do not. {@code latin1} is MariaDB's own variant of Windows-1252.
 * The other character sets clients can choose map to the JDK's charsets.
 *
 * @param maxBytes bytes of the longest character (1 for binary, latin1; 3 for utf8mb3; 4 for utf8mb4)
 */
public record MariaDbCharset(String name, Charset charset, int maxBytes) {

    private static final Charset LOSSLESS_UTF8MB4 = new LosslessUtf8("x-mariadb-utf8mb4", true);
    private static final Charset LOSSLESS_UTF8MB3 = new LosslessUtf8("x-mariadb-utf8mb3", false);

    public static final MariaDbCharset UTF8MB4 = new MariaDbCharset("utf8mb4", LOSSLESS_UTF8MB4, 4);
    public static final MariaDbCharset UTF8MB3 = new MariaDbCharset("utf8mb3", LOSSLESS_UTF8MB3, 3);
    public static final MariaDbCharset LATIN1 = new MariaDbCharset("latin1", new MariaDbLatin1(), 1);
    public static final MariaDbCharset BINARY = new MariaDbCharset("binary", LOSSLESS_UTF8MB4, 1);

    private static final Map<String, MariaDbCharset> BY_NAME = new HashMap<>();

    static {
        for (MariaDbCharset c : new MariaDbCharset[] {UTF8MB4, UTF8MB3, LATIN1, BINARY}) {
            BY_NAME.put(c.name(), c);
        }
        BY_NAME.put("utf8", UTF8MB3);
        BY_NAME.put("ascii", new MariaDbCharset("ascii", StandardCharsets.US_ASCII, 1));
        jdk("latin2", "ISO-8859-2", 1);
        jdk("latin5", "ISO-8859-9", 1);
        jdk("latin7", "ISO-8859-13", 1);
        jdk("greek", "ISO-8859-7", 1);
        jdk("hebrew", "ISO-8859-8", 1);
        jdk("cp1250", "windows-1250", 1);
        jdk("cp1251", "windows-1251", 1);
        jdk("cp1256", "windows-1256", 1);
        jdk("cp1257", "windows-1257", 1);
        jdk("cp850", "IBM850", 1);
        jdk("cp852", "IBM852", 1);
        jdk("cp866", "IBM866", 1);
        jdk("koi8r", "KOI8-R", 1);
        jdk("koi8u", "KOI8-U", 1);
        jdk("macroman", "x-MacRoman", 1);
        jdk("macce", "x-MacCentralEurope", 1);
        jdk("tis620", "TIS-620", 1);
        jdk("gbk", "GBK", 2);
        jdk("gb2312", "GB2312", 2);
        jdk("big5", "Big5", 2);
        jdk("sjis", "Shift_JIS", 2);
        jdk("cp932", "windows-31j", 2);
        jdk("euckr", "EUC-KR", 2);
        jdk("ujis", "EUC-JP", 3);
    }

    private static void jdk(String name, String javaName, int maxBytes) {
        if (Charset.isSupported(javaName)) {
            BY_NAME.put(name, new MariaDbCharset(name, Charset.forName(javaName), maxBytes));
        }
    }

    /**
     * The character set a client may use for its statements and results, by MariaDB name
     * ({@code utf8} is {@code utf8mb3}); empty for unknown ones and for those MariaDB refuses as a
     * client character set ({@code ucs2}, {@code utf16}, {@code utf32}).
     */
    public static Optional<MariaDbCharset> forClient(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Whether text in this charset is byte for byte the UTF-8 the backends receive and send. */
    public boolean isUtf8() {
        return this == UTF8MB4 || this == UTF8MB3;
    }

    public String decode(byte[] bytes) {
        return new String(bytes, charset);
    }

    public byte[] encode(String text) {
        return text.getBytes(charset);
    }

    @Override
    public String toString() {
        return name;
    }
}
