package io.shardgate.router.parse;

import java.util.Set;

/** Character set names MariaDB accepts as string introducers ({@code _latin1'x'}). */
final class Charsets {

    private static final Set<String> INTRODUCERS = Set.of(
            "armscii8", "ascii", "big5", "binary", "cp1250", "cp1251", "cp1256", "cp1257", "cp850",
            "cp852", "cp866", "cp932", "dec8", "eucjpms", "euckr", "gb2312", "gbk", "geostd8", "greek",
            "hebrew", "hp8", "keybcs2", "koi8r", "koi8u", "latin1", "latin2", "latin5", "latin7",
            "macce", "macroman", "sjis", "swe7", "tis620", "ucs2", "ujis", "utf16", "utf16le",
            "utf32", "utf8", "utf8mb3", "utf8mb4");

    private Charsets() {
    }

    static boolean isKnownCharset(String name) {
        return INTRODUCERS.contains(name.toLowerCase(java.util.Locale.ROOT));
    }
}
