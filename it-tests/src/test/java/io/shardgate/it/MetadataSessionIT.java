package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.server.RawClient;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Metadata statements under the session's state, compared with a plain MariaDB holding the same
 * logical tables ({@link MetadataFixture}): the session's {@code sql_mode} and
 * {@code sql_quote_show_create} reach the backend connections that run the proxy's own catalog
 * queries, results come in {@code character_set_results}, SHOW WARNINGS after a metadata statement
 * lists what MariaDB lists, and a metadata query inside a transaction takes part in it as
 * mariadb-dump {@code --single-transaction} needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataSessionIT {

    private static final int LATIN1 = 8;
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Pattern STATUS = Pattern.compile("status=(\\d+)");

    /** Statements whose answers depend on sql_mode, quoting and escaping. */
    private static final List<String> STATEMENTS = List.of("SHOW TABLES", "SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'",
            "SHOW TABLE STATUS LIKE 'customers'", "SHOW TABLE STATUS WHERE Comment = 'people'", "SHOW CREATE TABLE customers",
            "SHOW CREATE TABLE order_lines", "SHOW CREATE DATABASE shop", "SHOW FULL COLUMNS FROM customers",
            "SHOW FULL COLUMNS FROM customers WHERE Comment LIKE 'Zo%'", "SHOW INDEX FROM orders", "SHOW DATABASES LIKE 'sh%'",
            "SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' ORDER BY 1",
            "SELECT COLUMN_NAME, COLUMN_DEFAULT, COLUMN_COMMENT, 'a\\\\b' AS s FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customers' ORDER BY ORDINAL_POSITION",
            "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop'"
                    + " AND COLUMN_COMMENT LIKE '%\\\\%' ORDER BY 1, 2",
            "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS",
            "SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA ORDER BY 1");

    private MetadataFixture fixture;

    @BeforeAll
    void start() throws Exception {
        fixture = MetadataFixture.start();
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /**
     * The proxy's catalog queries run under the client's sql_mode on the backends: ANSI_QUOTES,
     * PIPES_AS_CONCAT, NO_BACKSLASH_ESCAPES, EMPTY_STRING_IS_NULL change how SQL reads, and
     * ANSI_QUOTES and sql_quote_show_create how SHOW CREATE writes names; the answers stay
     * MariaDB's, with no physical name.
     */
    @Test
    void metadataAnswersUnderTheSessionsSqlMode() throws SQLException {
        List<String> differences = new ArrayList<>();
        for (String settings : List.of("SET sql_mode = 'ANSI,NO_BACKSLASH_ESCAPES'",
                "SET sql_mode = 'EMPTY_STRING_IS_NULL,STRICT_ALL_TABLES,ONLY_FULL_GROUP_BY,NO_ZERO_DATE'",
                "SET sql_mode = 'ANSI', sql_quote_show_create = 0", "SET sql_mode = 'NO_BACKSLASH_ESCAPES', sql_quote_show_create = 0")) {
            try (Connection proxy = fixture.cluster().connect("shop"); Connection ref = fixture.reference("shop")) {
                TwinSessions.run(proxy, settings);
                TwinSessions.run(ref, settings);
                for (String sql : STATEMENTS) {
                    MetadataAnswer expected = MetadataAnswer.of(ref, sql, MetadataAnswer.PHYSICAL).without("performance_schema");
                    MetadataAnswer actual = MetadataAnswer.of(proxy, sql, MetadataAnswer.PHYSICAL);
                    MetadataIT.assertNoPhysicalNames(settings + "; " + sql, actual);
                    if (!expected.equals(actual)) {
                        differences.add(settings + "; " + sql + "\nreference: " + expected + "\nShardGate: " + actual);
                    }
                }
            }
        }
        assertThat(differences).as("statements answered differently").isEmpty();
    }

    /**
     * A latin1 client, byte for byte: its statements (with latin1 literals) decoded, metadata
     * converted to latin1 (a character latin1 lacks as '?'), column definitions carrying latin1,
     * status flags and warning counts as MariaDB sends them; then the same with the results'
     * character set switched.
     */
    @Test
    void metadataComesInTheClientsCharacterSet() throws Exception {
        List<String> differences = new ArrayList<>();
        List<String> statements = new ArrayList<>(STATEMENTS);
        statements.addAll(List.of("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE COLUMN_COMMENT LIKE 'Zoë%'",
                "SHOW FULL COLUMNS FROM customers WHERE Comment = 'Zoë''s \\\\ € name'",
                "SET character_set_results = utf8mb3", "SHOW FULL COLUMNS FROM customers",
                "SELECT COLUMN_COMMENT, CONCAT(COLUMN_COMMENT, '€') FROM information_schema.COLUMNS WHERE TABLE_NAME = 'customers'",
                "SET NAMES utf8mb4", "SHOW CREATE TABLE customers", "SELECT * FROM information_schema.COLUMNS WHERE"
                        + " TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'customers' ORDER BY ORDINAL_POSITION"));
        try (RawClient proxy = RawResult.login(fixture.cluster().port(), "app", "app-secret", "shop", LATIN1);
             RawClient ref = RawResult.login(fixture.reference().port(), "app", "app-secret", "shop", LATIN1)) {
            for (String sql : statements) {
                String expected = withoutIndexFlags(RawResult.query(ref, sql.getBytes(CP1252)).shown(MetadataAnswer.PHYSICAL));
                String actual = withoutIndexFlags(RawResult.query(proxy, sql.getBytes(CP1252)).shown(MetadataAnswer.PHYSICAL));
                if (!expected.equals(actual)) {
                    differences.add(sql + "\nreference:\n" + expected + "\nShardGate:\n" + actual);
                }
            }
        }
        assertThat(differences).as("answers that differ on the wire").isEmpty();
    }

    /**
     * The status flags without SERVER_QUERY_NO_INDEX_USED and SERVER_QUERY_NO_GOOD_INDEX_USED: a
     * MariaDB sets them by how its optimizer ran the statement (a scan of an information_schema
     * table, say), ShardGate by how the backends ran its catalog queries, which are other
     * statements (see docs/compatibility-metadata.md).
     */
    private static String withoutIndexFlags(String shown) {
        return STATUS.matcher(shown).replaceAll(r -> "status=" + (Integer.parseInt(r.group(1)) & ~(16 | 32)));
    }

    /**
     * SHOW WARNINGS after a metadata statement: a statement that uses tables (every SHOW of
     * tables and databases, every information_schema query) clears the previous list; the
     * conditions of the client's own query are listed once, those of the proxy's catalog
     * queries never; a failed metadata statement lists its error. For SHOW ... WHERE, MariaDB
     * evaluates the condition twice per row (filling the information_schema table and filtering
     * it), so it lists each row's warnings twice over; ShardGate evaluates it once per row, so it
     * lists MariaDB's first pass.
     */
    @Test
    void warningsAfterMetadataStatementsAreMariaDbs() throws SQLException {
        List<String> differences = new ArrayList<>();
        try (Connection proxy = fixture.cluster().connect("shop"); Connection ref = fixture.reference("shop")) {
            for (String sql : List.of("SHOW TABLES", "SHOW DATABASES", "SHOW TABLE STATUS", "SHOW CREATE TABLE orders",
                    "SHOW CREATE DATABASE shop", "SHOW COLUMNS FROM orders", "SHOW INDEX FROM orders", "DESCRIBE customers",
                    "SHOW FUNCTION STATUS", "SHOW TRIGGERS", "SHOW CHARACTER SET LIKE 'latin1'",
                    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop'",
                    "SELECT CAST(TABLE_NAME AS UNSIGNED) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' ORDER BY TABLE_NAME",
                    "SHOW TABLE STATUS WHERE CAST(Name AS UNSIGNED) = 0", "SHOW TABLES WHERE Tables_in_shop + 0 = 0",
                    "SHOW COLUMNS FROM nothing", "SHOW DATABASES WHERE nope = 1", "SELECT nope FROM information_schema.TABLES",
                    "SHOW CREATE TABLE nothing")) {
                String before = "SELECT CAST('1x' AS SIGNED)";
                List<String> expected = warningsAfter(ref, before, sql);
                if (sql.startsWith("SHOW TABLE STATUS WHERE") || sql.startsWith("SHOW TABLES WHERE")) {
                    expected = firstPass(expected);
                }
                List<String> actual = warningsAfter(proxy, before, sql);
                if (!expected.equals(actual)) {
                    differences.add(sql + "\nreference: " + expected + "\nShardGate: " + actual);
                }
            }
        }
        assertThat(differences).as("warnings that differ").isEmpty();
    }

    /**
     * Of {@link #warningsAfter}'s list when the statement's warnings are two passes over the same
     * rows (the row of {@code before}, the warnings, their count): the first pass.
     */
    private static List<String> firstPass(List<String> twice) {
        int warnings = twice.size() - 2;
        assertThat(warnings % 2).as("two passes: " + twice).isZero();
        assertThat(twice.subList(1, 1 + warnings / 2)).isEqualTo(twice.subList(1 + warnings / 2, 1 + warnings));
        List<String> once = new ArrayList<>(twice.subList(0, 1 + warnings / 2));
        once.add(String.valueOf(warnings / 2));
        return once;
    }

    /** SHOW WARNINGS and the warning count after {@code before} then {@code sql}. */
    private static List<String> warningsAfter(Connection c, String before, String sql) throws SQLException {
        List<String> out = new ArrayList<>(TwinSessions.rows(c, before));
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            out.add("error " + e.getErrorCode());
        }
        out.addAll(TwinSessions.rows(c, "SHOW WARNINGS"));
        out.addAll(TwinSessions.rows(c, "SHOW COUNT(*) WARNINGS"));
        return out;
    }

    /**
     * What mariadb-dump {@code --single-transaction} does, step by step: START TRANSACTION WITH
     * CONSISTENT SNAPSHOT takes the snapshot of every node of the schema, {@code ROLLBACK TO
     * SAVEPOINT sp} after each table keeps it, so a row written meanwhile is in no table of the
     * dump.
     */
    @Test
    void theDumpsTransactionReadsEachNodeInOneSnapshot() throws SQLException {
        try (Connection dump = fixture.cluster().connect("shop"); Connection writer = fixture.cluster().connect("shop");
             Statement st = dump.createStatement()) {
            TwinSessions.run(dump, "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ",
                    "START TRANSACTION /*!40100 WITH CONSISTENT SNAPSHOT */", "UNLOCK TABLES");
            TwinSessions.rows(dump, "SELECT DISTINCT TABLESPACE_NAME, FILE_NAME, LOGFILE_GROUP_NAME, EXTENT_SIZE,"
                    + " INITIAL_SIZE, ENGINE FROM INFORMATION_SCHEMA.FILES WHERE FILE_TYPE = 'DATAFILE' AND TABLESPACE_NAME IN"
                    + " (SELECT DISTINCT TABLESPACE_NAME FROM INFORMATION_SCHEMA.PARTITIONS WHERE TABLE_SCHEMA IN ('shop'))"
                    + " ORDER BY TABLESPACE_NAME, LOGFILE_GROUP_NAME");
            st.execute("SAVEPOINT sp");
            List<String> audit = TwinSessions.rows(dump, "SELECT * FROM audit ORDER BY id");
            st.execute("ROLLBACK TO SAVEPOINT sp");
            List<String> orders = TwinSessions.rows(dump, "SELECT id FROM orders ORDER BY id");
            st.execute("ROLLBACK TO SAVEPOINT sp");
            TwinSessions.run(writer, "INSERT INTO audit (what) VALUES ('during the dump')",
                    "INSERT INTO orders (id, customer_id, created) VALUES (101, 1, NOW()), (102, 1, NOW())");
            try {
                assertThat(TwinSessions.rows(dump, "SELECT * FROM audit ORDER BY id")).as("audit, on dn1").isEqualTo(audit);
                st.execute("ROLLBACK TO SAVEPOINT sp");
                assertThat(TwinSessions.rows(dump, "SELECT id FROM orders ORDER BY id")).as("orders, on both nodes")
                        .isEqualTo(orders);
                st.execute("ROLLBACK TO SAVEPOINT sp");
                st.execute("RELEASE SAVEPOINT sp");
                st.execute("ROLLBACK");
                assertThat(TwinSessions.rows(dump, "SELECT COUNT(*) FROM orders WHERE id > 100")).containsExactly("2");
            } finally {
                TwinSessions.run(writer, "DELETE FROM audit WHERE what = 'during the dump'", "DELETE FROM orders WHERE id > 100");
            }
        }
    }
}
