package io.shardgate.router.collation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The collations the proxy can merge by, with MariaDB 10.11's numbers and names.
 *
 * <p>Mind where the number comes from: with {@code character_set_results} set (utf8mb4 here), MariaDB's
 * column definitions report that charset's default collation (45, utf8mb4_general_ci) for every
 * text column, whatever the column's own collation. The real one is in {@code information_schema.COLUMNS}
 * or in the column definitions sent with {@code character_set_results=NULL}.
 */
public final class Collations {

    private static final TableResource GENERAL = new TableResource("utf8mb4_general_ci.weights.gz");
    private static final TableResource UNICODE = new TableResource("utf8mb4_unicode_ci.weights.gz");
    private static final TableResource UNICODE_520 = new TableResource("utf8mb4_unicode_520_ci.weights.gz");
    private static final TableResource LATIN1_SWEDISH = new TableResource("latin1_swedish_ci.weights.gz");
    private static final TableResource LATIN1_GENERAL = new TableResource("latin1_general_ci.weights.gz");
    private static final TableResource ASCII_GENERAL = new TableResource("ascii_general_ci.weights.gz");

    private static final boolean PAD = true;
    private static final boolean NO_PAD = false;
    // Bytes per weight in sort keys.
    private static final int BYTE = 1;
    private static final int UCS2 = 2;
    private static final int CODE_POINT = 3;

    // Ids and PAD SPACE as generate.sh found them on the server (tables' README); CollationsIT checks them.
    private static final List<Collation> ALL = List.of(
            new BinaryCollation(),
            weighted(45, "utf8mb4_general_ci", PAD, Repertoire.UTF8MB4, GENERAL, UCS2),
            weighted(46, "utf8mb4_bin", PAD, Repertoire.UTF8MB4, null, CODE_POINT),
            weighted(224, "utf8mb4_unicode_ci", PAD, Repertoire.UTF8MB4, UNICODE, UCS2),
            weighted(246, "utf8mb4_unicode_520_ci", PAD, Repertoire.UTF8MB4, UNICODE_520, UCS2),
            weighted(1069, "utf8mb4_general_nopad_ci", NO_PAD, Repertoire.UTF8MB4, GENERAL, UCS2),
            weighted(1070, "utf8mb4_nopad_bin", NO_PAD, Repertoire.UTF8MB4, null, CODE_POINT),
            weighted(33, "utf8mb3_general_ci", PAD, Repertoire.UTF8MB3, GENERAL, UCS2),
            weighted(83, "utf8mb3_bin", PAD, Repertoire.UTF8MB3, null, UCS2),
            weighted(192, "utf8mb3_unicode_ci", PAD, Repertoire.UTF8MB3, UNICODE, UCS2),
            weighted(8, "latin1_swedish_ci", PAD, Repertoire.LATIN1, LATIN1_SWEDISH, BYTE),
            weighted(47, "latin1_bin", PAD, Repertoire.LATIN1, null, BYTE),
            weighted(48, "latin1_general_ci", PAD, Repertoire.LATIN1, LATIN1_GENERAL, BYTE),
            weighted(11, "ascii_general_ci", PAD, Repertoire.ASCII, ASCII_GENERAL, BYTE),
            weighted(65, "ascii_bin", PAD, Repertoire.ASCII, null, BYTE));

    private static final Map<Integer, Collation> BY_ID = new HashMap<>();
    private static final Map<String, Collation> BY_NAME = new HashMap<>();

    static {
        for (Collation c : ALL) {
            BY_ID.put(c.id(), c);
            BY_NAME.put(c.name(), c);
            if (c.name().startsWith("utf8mb3_")) {
                // 10.11's default old_mode UTF8_IS_UTF8MB3 makes utf8 mean utf8mb3; SHOW output uses both.
                BY_NAME.put("utf8_" + c.name().substring("utf8mb3_".length()), c);
            }
        }
    }

    private Collations() {
    }

    /** The collation with this number, if the proxy knows it. */
    public static Optional<Collation> byId(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The collation with this name, in any case; {@code utf8_*} names mean {@code utf8mb3_*}. */
    public static Optional<Collation> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every collation the proxy knows, in no particular order. */
    static List<Collation> all() {
        return ALL;
    }

    private static Collation weighted(int id, String name, boolean padSpace, Repertoire repertoire,
                                      TableResource table, int keyWidth) {
        // No table: a *_bin collation, where each character weighs its code point or byte.
        return new WeightedCollation(id, name, padSpace, repertoire,
                table != null ? table : () -> CodePointWeights.INSTANCE, keyWidth);
    }
}
