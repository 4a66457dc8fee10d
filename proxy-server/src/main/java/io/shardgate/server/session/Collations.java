package io.shardgate.server.session;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Collation numbers as MariaDB 10.11 assigns them, for the handshake's character set byte and
 * {@code SET NAMES}. MySQL 8 clients announce 255 (utf8mb4_0900_ai_ci), which MariaDB lacks; like
 * MariaDB, ShardGate answers with utf8mb4's default collation.
 */
public final class Collations {

    /** A collation and the character set it belongs to. */
    public record Collation(int id, String name, String charset, boolean isDefault) {
    }

    private static final Map<Integer, Collation> BY_ID = new HashMap<>();
    private static final Map<String, Collation> BY_NAME = new HashMap<>();
    private static final Map<String, Collation> DEFAULT_OF_CHARSET = new HashMap<>();

    public static final Collation UTF8MB4_GENERAL_CI;

    static {
        add(8, "latin1_swedish_ci", "latin1", true);
        add(47, "latin1_bin", "latin1", false);
        add(48, "latin1_general_ci", "latin1", false);
        add(11, "ascii_general_ci", "ascii", true);
        add(65, "ascii_bin", "ascii", false);
        add(33, "utf8mb3_general_ci", "utf8mb3", true);
        add(83, "utf8mb3_bin", "utf8mb3", false);
        add(192, "utf8mb3_unicode_ci", "utf8mb3", false);
        add(45, "utf8mb4_general_ci", "utf8mb4", true);
        add(46, "utf8mb4_bin", "utf8mb4", false);
        add(224, "utf8mb4_unicode_ci", "utf8mb4", false);
        add(246, "utf8mb4_unicode_520_ci", "utf8mb4", false);
        add(63, "binary", "binary", true);
        add(28, "gbk_chinese_ci", "gbk", true);
        add(24, "gb2312_chinese_ci", "gb2312", true);
        add(13, "sjis_japanese_ci", "sjis", true);
        add(1, "big5_chinese_ci", "big5", true);
        add(9, "latin2_general_ci", "latin2", true);
        add(51, "cp1251_general_ci", "cp1251", true);
        add(54, "utf16_general_ci", "utf16", true);
        add(35, "ucs2_general_ci", "ucs2", true);
        add(60, "utf32_general_ci", "utf32", true);
        UTF8MB4_GENERAL_CI = BY_ID.get(45);
    }

    private Collations() {
    }

    private static void add(int id, String name, String charset, boolean isDefault) {
        Collation c = new Collation(id, name, charset, isDefault);
        BY_ID.put(id, c);
        BY_NAME.put(name, c);
        if (isDefault) {
            DEFAULT_OF_CHARSET.put(charset, c);
        }
    }

    /** The collation for a handshake's id; unknown ids fall back to utf8mb4_general_ci. */
    public static Collation ofId(int id) {
        return BY_ID.getOrDefault(id, UTF8MB4_GENERAL_CI);
    }

    public static Optional<Collation> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT).replace("utf8_", "utf8mb3_")));
    }

    public static Optional<Collation> defaultOf(String charset) {
        String c = charset.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(DEFAULT_OF_CHARSET.get(c.equals("utf8") ? "utf8mb3" : c));
    }
}
