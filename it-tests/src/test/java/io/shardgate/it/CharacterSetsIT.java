package io.shardgate.it;

import static io.shardgate.it.TwinSessions.rows;
import static io.shardgate.it.TwinSessions.same;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.protocol.ColumnDefinition41;
import io.shardgate.server.RawClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client's character set both ways: statements decoded from character_set_client, results,
 * column names and errors sent in character_set_results with the column definitions MariaDB would
 * send; 4-byte characters, zero bytes and binary data unchanged. Compared byte for byte with a
 * plain MariaDB where the protocol shows bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharacterSetsIT {

    private static final int LATIN1 = 8;
    private static final int UTF8MB3 = 33;
    private static final int UTF8MB4 = 45;
    private static final int BINARY = 63;
    private static final String EMOJI = "\uD83D\uDE00";
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private TwinSessions twins;

    @BeforeAll
    void start() throws Exception {
        twins = TwinSessions.start(
                "CREATE TABLE items (id INT PRIMARY KEY, v VARCHAR(20), t TEXT, b BLOB, l VARCHAR(10) CHARACTER SET latin1)",
                "CREATE TABLE notes (k VARCHAR(20) PRIMARY KEY)");
    }

    @AfterAll
    void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    @BeforeEach
    void freshRows() throws Exception {
        twins.runOnBoth("DELETE FROM items", "DELETE FROM notes",
                "INSERT INTO items (id, v, t, l) VALUES (1, 'Crème €', 'brûlée " + EMOJI + "', 'été'), (2, 'b', 'b', 'b')");
    }

    @Test
    void latin1ClientsWriteAndReadThroughConnectorJ() throws Exception {
        String latin1 = "characterEncoding=Cp1252";
        try (Connection p = twins.proxy(latin1); Connection d = twins.plain(latin1)) {
            same(p, d, "INSERT INTO items (id, v, l) VALUES (3, 'Smörgåsbord €', 'Ärger'), (4, 'naïve', 'ça')");
            same(p, d, "SELECT id, v, HEX(v), LENGTH(v), CHAR_LENGTH(v), l, HEX(l) FROM items");
            same(p, d, "SELECT 'é' = 'É', LENGTH('é'), CHARSET('é')");
        }
        try (Connection p = twins.proxy(latin1 + "&characterSetResults=Cp1252");
             Connection d = twins.plain(latin1 + "&characterSetResults=Cp1252")) {
            same(p, d, "SELECT @@character_set_client, @@character_set_results, @@collation_connection");
            same(p, d, "SELECT id, v, t, l FROM items");
        }
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "SELECT id, v, HEX(v), l FROM items");
        }
    }

    /** Statement bytes in latin1 in, result bytes in latin1 out, as MariaDB reads and writes them. */
    @Test
    void latin1BytesOnTheWireBothWays() throws Exception {
        byte[] query = "SELECT 'é€' AS `é`, v, l, t, b, id FROM items WHERE id = 1".getBytes(CP1252);
        RawResult expected;
        RawResult actual;
        try (RawClient d = RawResult.login(twins, false, LATIN1); RawClient p = RawResult.login(twins, true, LATIN1)) {
            expected = RawResult.query(d, query);
            actual = RawResult.query(p, query);
        }
        assertSameBytes(actual, expected);
        assertThat(actual.rows().getFirst()[0]).isEqualTo(new byte[] {(byte) 0xE9, (byte) 0x80});
        assertThat(actual.rows().getFirst()[1]).isEqualTo("Crème €".getBytes(CP1252));
        // The TEXT column holds an emoji latin1 cannot show: one '?'
        assertThat(actual.rows().getFirst()[3]).isEqualTo("brûlée ?".getBytes(CP1252));
        assertThat(actual.columns()).extracting(ColumnDefinition41::characterSet).containsExactly(LATIN1, LATIN1, LATIN1, LATIN1, BINARY, BINARY);
    }

    /**
     * Column definitions and values for each results character set. With character_set_results
     * NULL or binary MariaDB sends each column in its own character set, ShardGate in utf8mb4: the
     * same for utf8mb4 columns, which are the ones compared then.
     */
    @Test
    void columnDefinitionsCarryTheResultsCharacterSet() throws Exception {
        for (int collation : new int[] {LATIN1, UTF8MB3, UTF8MB4, BINARY}) {
            try (RawClient d = RawResult.login(twins, false, collation); RawClient p = RawResult.login(twins, true, collation)) {
                String latin1Column = collation == BINARY ? "" : "l, ";
                for (String sql : new String[] {"SELECT v, t, b, " + latin1Column + "id, 'x' FROM items WHERE id = 1",
                    "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci", "SELECT v, t, 'x' FROM items WHERE id = 1",
                    "SET character_set_results = NULL", "SELECT v, t, b, id FROM items WHERE id = 2",
                    "SET NAMES latin1 COLLATE latin1_general_ci", "SELECT v, 'x' FROM items ORDER BY id"}) {
                    assertSameBytes(RawResult.query(p, sql), RawResult.query(d, sql));
                }
            }
        }
    }

    @Test
    void fourByteCharactersSurviveEveryPath() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "INSERT INTO notes (k) VALUES ('" + EMOJI + "'), ('a" + EMOJI + "b')");
            same(p, d, "SELECT k, HEX(k), LENGTH(k), CHAR_LENGTH(k) FROM notes ORDER BY k", true);
            same(p, d, "SELECT '" + EMOJI + "', 'x" + EMOJI + "' AS x");
            // The error repeats the value: as MariaDB writes it, emoji included
            same(p, d, "INSERT INTO notes (k) VALUES ('" + EMOJI + "')");
            same(p, d, "SELECT id, t FROM items WHERE t LIKE '%" + EMOJI + "'");
            assertThat(rows(p, "SELECT k FROM notes WHERE k = '" + EMOJI + "'")).containsExactly(EMOJI);
        }
        // A utf8mb3 client gets '?' for what utf8mb3 cannot hold, as from MariaDB
        try (RawClient d = RawResult.login(twins, false, UTF8MB3); RawClient p = RawResult.login(twins, true, UTF8MB3)) {
            assertSameBytes(RawResult.query(p, "SELECT k FROM notes ORDER BY k"), RawResult.query(d, "SELECT k FROM notes ORDER BY k"));
        }
    }

    @Test
    void binaryDataWithZeroBytesSurvivesBothDrivers() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        String hex = HexFormat.of().withUpperCase().formatHex(all);
        try (Connection p = twins.proxy(""); Connection m = twins.proxyMariaDbDriver()) {
            for (Connection c : new Connection[] {p, m}) {
                int id = c == p ? 10 : 11;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, b) VALUES (?, ?)")) {
                    ps.setInt(1, id);
                    ps.setBytes(2, all);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT b, HEX(b) FROM items WHERE b = ? AND id = ?")) {
                    ps.setBytes(1, all);
                    ps.setInt(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getBytes(1)).isEqualTo(all);
                        assertThat(rs.getString(2)).isEqualTo(hex);
                    }
                }
            }
        }
        // Raw bytes inside a _binary literal, the way drivers send them: only quote and backslash escaped
        ByteArrayOutputStream sql = new ByteArrayOutputStream();
        sql.writeBytes("INSERT INTO items (id, b) VALUES (12, _binary'".getBytes(StandardCharsets.US_ASCII));
        for (byte b : all) {
            if (b == '\'' || b == '\\') {
                sql.write('\\');
            }
            sql.write(b);
        }
        sql.writeBytes("')".getBytes(StandardCharsets.US_ASCII));
        for (int collation : new int[] {UTF8MB4, LATIN1, BINARY}) {
            try (RawClient p = RawResult.login(twins, true, collation)) {
                RawResult.query(p, "DELETE FROM items WHERE id = 12");
                RawResult inserted = RawResult.query(p, sql.toByteArray());
                assertThat(inserted.error()).as("collation %d", collation).isNull();
                RawResult read = RawResult.query(p, "SELECT b, HEX(b) FROM items WHERE id = 12");
                assertThat(read.rows().getFirst()[0]).as("collation %d", collation).isEqualTo(all);
                assertThat(new String(read.rows().getFirst()[1], StandardCharsets.US_ASCII)).isEqualTo(hex);
            }
        }
    }

    /**
     * PyMySQL sends bytes as a plain literal holding the raw bytes, no {@code _binary}: MariaDB takes
     * them unchecked. A BLOB stores them, HEX() shows them, a text column refuses them (1366). (The
     * literal reaches the backends as {@code _binary X'...'}, so HEX()'s column is shorter: 2 per
     * byte instead of MariaDB's 8.)
     */
    @Test
    void rawBytesInAPlainLiteralAreTakenAsMariaDbTakesThem() throws Exception {
        byte[] raw = {0x00, (byte) 0xFF, 0x7F, (byte) 0x80, (byte) 0xC3};
        ByteArrayOutputStream literal = new ByteArrayOutputStream();
        literal.write('\'');
        for (byte b : raw) {
            if (b == 0) {
                literal.writeBytes("\\0".getBytes(StandardCharsets.US_ASCII));
            } else {
                literal.write(b);
            }
        }
        literal.write('\'');
        try (RawClient d = RawResult.login(twins, false, UTF8MB4); RawClient p = RawResult.login(twins, true, UTF8MB4)) {
            for (String sql : List.of("INSERT INTO items (id, b) VALUES (13, ?)", "SELECT HEX(?) AS h",
                    "SELECT id FROM items WHERE b = ?", "INSERT INTO items (id, v) VALUES (14, ?)")) {
                ByteArrayOutputStream query = new ByteArrayOutputStream();
                int at = sql.indexOf('?');
                query.writeBytes(sql.substring(0, at).getBytes(StandardCharsets.US_ASCII));
                query.writeBytes(literal.toByteArray());
                query.writeBytes(sql.substring(at + 1).getBytes(StandardCharsets.US_ASCII));
                RawResult proxy = RawResult.query(p, query.toByteArray());
                RawResult plain = RawResult.query(d, query.toByteArray());
                assertThat(proxy.error() == null ? null : proxy.error().errorCode()).as(sql)
                        .isEqualTo(plain.error() == null ? null : plain.error().errorCode());
                assertThat(proxy.rows()).as(sql).hasSameSizeAs(plain.rows());
                for (int i = 0; i < plain.rows().size(); i++) {
                    assertThat(proxy.rows().get(i)).as(sql).isDeepEqualTo(plain.rows().get(i));
                }
                assertThat(proxy.affectedRows()).as(sql).isEqualTo(plain.affectedRows());
            }
            RawResult stored = RawResult.query(p, "SELECT b FROM items WHERE id = 13");
            assertThat(stored.rows().getFirst()[0]).isEqualTo(raw);
        }
    }

    @Test
    void errorsComeInTheResultsCharacterSet() throws Exception {
        byte[] query = "SELECT nichts_é FROM items".getBytes(CP1252);
        for (int collation : new int[] {LATIN1, UTF8MB4}) {
            try (RawClient d = RawResult.login(twins, false, collation); RawClient p = RawResult.login(twins, true, collation)) {
                byte[] q = collation == LATIN1 ? query : "SELECT nichts_é FROM items".getBytes(StandardCharsets.UTF_8);
                assertSameBytes(RawResult.query(p, q), RawResult.query(d, q));
            }
        }
    }

    @Test
    void unknownAndRefusedCharacterSetsAreMariaDbsErrors() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "SET NAMES nosuch");
            same(p, d, "SET NAMES ucs2");
            same(p, d, "SET NAMES utf8mb4 COLLATE latin1_bin");
            same(p, d, "SET character_set_client = NULL");
            same(p, d, "SET character_set_connection = 'latin1'");
            same(p, d, "SELECT @@character_set_connection, @@collation_connection");
            same(p, d, "SELECT v FROM items WHERE id = 1");
        }
    }

    /** Same status, warnings, column definitions (schema aside), rows and error, byte for byte. */
    private static void assertSameBytes(RawResult actual, RawResult expected) {
        if (expected.error() != null) {
            assertThat(actual.error()).isNotNull();
            assertThat(actual.error().errorCode()).isEqualTo(expected.error().errorCode());
            assertThat(TwinSessions.comparable(actual.error().message())).isEqualTo(TwinSessions.comparable(expected.error().message()));
            return;
        }
        assertThat(actual.error()).isNull();
        assertThat(definitions(actual)).isEqualTo(definitions(expected));
        assertThat(actual.rows()).hasSameSizeAs(expected.rows());
        for (int i = 0; i < expected.rows().size(); i++) {
            assertThat(actual.rows().get(i)).as("row %d", i).isDeepEqualTo(expected.rows().get(i));
        }
        assertThat(actual.warnings()).isEqualTo(expected.warnings());
        assertThat(actual.status()).isEqualTo(expected.status());
    }

    private static List<String> definitions(RawResult r) {
        List<String> out = new ArrayList<>();
        for (ColumnDefinition41 c : r.columns()) {
            out.add(c.name() + " " + c.orgName() + " " + c.table() + " charset=" + c.characterSet() + " length="
                    + c.columnLength() + " type=" + c.type() + " flags=" + c.flags() + " decimals=" + c.decimals());
        }
        return out;
    }
}
