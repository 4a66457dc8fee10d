package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.mariadb.LocalMariaDb;
import io.shardgate.router.collation.Collation;
import io.shardgate.router.collation.Collations;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proxy's collations against a real MariaDB: values the server sorted with ORDER BY must be in the
 * same order for {@link Collation#compare} and {@link Collation#sortKey}, with ties exactly where the
 * server's STRCMP sees them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollationsIT {

    private static final List<String> COLLATIONS = List.of("binary", "utf8mb4_general_ci", "utf8mb4_bin",
            "utf8mb4_unicode_ci", "utf8mb4_unicode_520_ci", "utf8mb4_general_nopad_ci", "utf8mb4_nopad_bin",
            "utf8mb3_general_ci", "utf8mb3_bin", "utf8mb3_unicode_ci", "latin1_swedish_ci", "latin1_bin",
            "latin1_general_ci", "ascii_general_ci", "ascii_bin");
    private static final int RANDOM_VALUES = 3_000;

    private LocalMariaDb db;
    private Connection connection;

    @BeforeAll
    void start() throws SQLException {
        db = LocalMariaDb.builder().start();
        db.execute("CREATE DATABASE collations");
        // Values come back as utf8mb4, as on the proxy's backend connections; without characterSetResults
        // Connector/J sets character_set_results to NULL and latin1 columns would come back as latin1.
        connection = DriverManager.getConnection(db.jdbcUrl("collations") + "?characterEncoding=UTF-8"
                + "&characterSetResults=UTF-8&rewriteBatchedStatements=true", db.user(), db.password());
        try (Statement st = connection.createStatement()) {
            // Not strict: a character the column's charset lacks is stored as '?', as a real column holds it.
            st.execute("SET sql_mode = ''");
            try (ResultSet rs = st.executeQuery("SELECT @@character_set_results")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("utf8mb4");
            }
        }
    }

    @AfterAll
    void stop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (db != null) {
            db.close();
        }
    }

    static List<String> collations() {
        return COLLATIONS;
    }

    @Test
    void idsAndPadSpaceAreTheServers() throws SQLException {
        for (String name : COLLATIONS) {
            Collation collation = Collations.byName(name).orElseThrow();
            String sql = "SELECT c.ID, " + (name.equals("binary") ? "_binary'a' = _binary'a '"
                    : "_" + charset(name) + "'a' COLLATE " + name + " = 'a '")
                    + " FROM information_schema.COLLATIONS c WHERE c.COLLATION_NAME = '" + name + "'";
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                assertThat(rs.next()).as(name).isTrue();
                assertThat(rs.getInt(1)).as(name).isEqualTo(collation.id());
                assertThat(rs.getBoolean(2)).as(name + " pads with spaces").isEqualTo(collation.padSpace());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("collations")
    void randomValuesSortAsOnTheServer(String name) throws SQLException {
        String table = createTable(name);
        Random random = new Random(name.hashCode());
        List<String> values = RandomText.values(random, RANDOM_VALUES);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            for (int i = 0; i < values.size(); i++) {
                insert.setInt(1, i);
                if (name.equals("binary")) {
                    insert.setBytes(2, values.get(i).getBytes(StandardCharsets.UTF_8));
                } else {
                    insert.setString(2, values.get(i));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        checkOrder(name, table, RANDOM_VALUES);
    }

    /** Every character one by one: all of the BMP and a sample of the rest, or all 256 latin1 bytes. */
    @ParameterizedTest
    @MethodSource("collations")
    void everySingleCharacterSortsAsOnTheServer(String name) throws SQLException {
        String table = createTable(name);
        String charset = charset(name);
        String select = switch (charset) {
            case "binary" -> "SELECT seq, UNHEX(LPAD(HEX(seq), 2, '0')) FROM seq_0_to_255";
            case "latin1", "ascii" -> "SELECT seq, CONVERT(UNHEX(LPAD(HEX(seq), 2, '0')) USING " + charset
                    + ") FROM seq_0_to_" + (charset.equals("ascii") ? 127 : 255);
            default -> "SELECT seq, CONVERT(CHAR(seq USING utf32) USING " + charset + ") FROM "
                    + "(SELECT seq FROM seq_0_to_65535 WHERE seq NOT BETWEEN 55296 AND 57343"
                    + " UNION ALL SELECT seq FROM seq_65536_to_1114111_step_61) cps";
        };
        int rows;
        try (Statement st = connection.createStatement()) {
            rows = st.executeUpdate("INSERT INTO " + table + " " + select);
        }
        checkOrder(name, table, rows);
    }

    private String createTable(String name) throws SQLException {
        String table = "t_" + name + "_" + System.nanoTime();
        String column = name.equals("binary") ? "VARBINARY(200)"
                : "VARCHAR(60) CHARACTER SET " + charset(name) + " COLLATE " + name;
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, s " + column + " NOT NULL)");
        }
        return table;
    }

    /**
     * Reads the table in the server's order with each row's STRCMP against the previous one, and checks
     * that Java agrees on every adjacent pair: equal exactly where the server says so, else ascending.
     * That fixes the whole order; the count of distinct sort keys must match COUNT(DISTINCT) as well.
     */
    private void checkOrder(String name, String table, int expectedRows) throws SQLException {
        Collation collation = Collations.byName(name).orElseThrow();
        List<String> mismatches = new ArrayList<>();
        Set<ByteBuffer> distinctKeys = new HashSet<>();
        int rows = 0;
        String sql = "SELECT id, s, STRCMP(LAG(s) OVER w, s) FROM " + table
                + " WINDOW w AS (ORDER BY s, id) ORDER BY s, id";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            byte[] previous = null;
            while (rs.next()) {
                rows++;
                byte[] current = rs.getBytes(2);
                byte[] key = collation.sortKey(current);
                distinctKeys.add(ByteBuffer.wrap(key));
                if (previous != null) {
                    int server = rs.getInt(3);
                    int compared = Integer.signum(collation.compare(previous, current));
                    int keys = Integer.signum(Arrays.compareUnsigned(collation.sortKey(previous), key));
                    if (server > 0 || compared != server || keys != server) {
                        mismatches.add(hex(previous) + " then " + hex(current) + " (id " + rs.getInt(1)
                                + "): server " + server + ", compare " + compared + ", sort keys " + keys);
                    }
                }
                previous = current;
            }
        }
        assertThat(rows).isEqualTo(expectedRows);
        assertThat(mismatches).as("%s: adjacent pairs where Java disagrees with the server", name).isEmpty();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(DISTINCT s) FROM " + table)) {
            rs.next();
            assertThat(distinctKeys).as("%s: distinct sort keys", name).hasSize(rs.getInt(1));
        }
    }

    private static String charset(String collation) {
        return collation.equals("binary") ? "binary" : collation.substring(0, collation.indexOf('_'));
    }

    private static String hex(byte[] value) {
        return "X'" + HexFormat.of().formatHex(value) + "'";
    }

    /**
     * Random short text: ASCII, accented Latin-1 and cp1252 letters, Greek, Cyrillic, CJK, emoji, with
     * spaces, tabs and newlines inside and at the end. Two in three values are variants of an earlier one
     * (case changed, accents dropped, spaces or a tab appended, a character added), so ties and
     * near-ties are common.
     */
    private static final class RandomText {

        private static final String[] PIECES = {
            "a", "b", "e", "o", "s", "z", "A", "E", "O", "S", "Z", "ss", "ae", "1", "?", "-", "_", "'",
            "\u00e1", "\u00e0", "\u00e4", "\u00e5", "\u00e9", "\u00c9", "\u00f6", "\u00d6", "\u00f8", "\u00df",
            "\u00e6", "\u00c6", "\u00fc", "\u00ff", "\u00f1", "\u00e7", "\u20ac", "\u0152", "\u0161", "\u017d",
            "\u03b1", "\u0391", "\u03c3", "\u03c2", "\u03a3", "\u03ac", "\u0436", "\u0416", "\u0451", "\u0435",
            "\u4e2d", "\u6587", "\u56fd", "\u3042", "\uac00", "\ud83d\ude00", "\ud83d\ude80", "\ud83c\udf89",
            "\ud840\udc00", " ", " ", "\t", "\n", "\u00a0", "\u0301", "\ufb01", "\uff21",
        };
        private static final String[] TAILS = {" ", "  ", "\t", " \t", "\n", "   "};

        static List<String> values(Random random, int count) {
            List<String> values = new ArrayList<>();
            while (values.size() < count) {
                if (values.isEmpty() || random.nextInt(3) == 0) {
                    StringBuilder value = new StringBuilder();
                    int pieces = random.nextInt(9);
                    for (int i = 0; i < pieces; i++) {
                        value.append(PIECES[random.nextInt(PIECES.length)]);
                    }
                    values.add(value.toString());
                } else {
                    values.add(variant(values.get(random.nextInt(values.size())), random));
                }
            }
            return values;
        }

        private static String variant(String base, Random random) {
            String variant = switch (random.nextInt(5)) {
                case 0 -> base.toUpperCase(java.util.Locale.ROOT);
                case 1 -> base.toLowerCase(java.util.Locale.ROOT);
                case 2 -> java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "");
                case 3 -> base + TAILS[random.nextInt(TAILS.length)];
                default -> base + PIECES[random.nextInt(PIECES.length)];
            };
            return variant.length() <= 40 ? variant : base; // fits VARCHAR(60) even with a tail added later
        }
    }
}
