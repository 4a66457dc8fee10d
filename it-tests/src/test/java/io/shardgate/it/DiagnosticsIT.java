package io.shardgate.it;

import static io.shardgate.it.TwinSessions.one;
import static io.shardgate.it.TwinSessions.same;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.server.RawClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Warnings, errors, ROW_COUNT(), FOUND_ROWS() and SHOW STATUS as MariaDB keeps them: warning counts
 * in OK and EOF packets, SHOW WARNINGS / SHOW ERRORS / SHOW COUNT(*) / @@warning_count with the
 * backends' conditions (every shard's for a statement that ran on several), compared with the same
 * statements on a plain MariaDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiagnosticsIT {

    private TwinSessions twins;

    @BeforeAll
    void start() throws Exception {
        twins = TwinSessions.start("CREATE TABLE items (id INT PRIMARY KEY, n INT, v VARCHAR(5))",
                "CREATE TABLE notes (id INT PRIMARY KEY, v VARCHAR(5))");
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
                "INSERT INTO items VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 3, 'c'), (4, 4, 'd'), (5, 5, 'e'), (6, 6, 'f')",
                "INSERT INTO notes VALUES (1, 'x'), (2, 'y'), (3, 'z')");
    }

    @Test
    void warningsAndErrorsAsMariaDbKeepsThem() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "SET sql_mode = 'ERROR_FOR_DIVISION_BY_ZERO'");
            same(p, d, "SELECT id, n / 0 FROM items WHERE id = 1");
            same(p, d, "SELECT @@warning_count, @@error_count");
            // every shard's warnings, together
            TwinSessions.Answer all = same(p, d, "SELECT id, n / 0 FROM items");
            assertThat(all.warnings()).hasSize(6);
            same(p, d, "SHOW COUNT(*) WARNINGS");
            same(p, d, "SHOW WARNINGS LIMIT 2, 3");
            // a statement without tables keeps the list; one with tables clears it
            same(p, d, "SELECT 1");
            same(p, d, "SELECT @@warning_count");
            same(p, d, "SELECT v FROM notes WHERE id = 1");
            same(p, d, "SELECT @@warning_count");
            same(p, d, "UPDATE items SET v = 'far too long' WHERE id = 3");
            same(p, d, "INSERT INTO notes VALUES (4, 'also too long')");
            same(p, d, "CREATE TABLE IF NOT EXISTS notes (id INT)");
            // errors are conditions too
            same(p, d, "SELECT nosuch FROM notes");
            same(p, d, "SHOW ERRORS");
            same(p, d, "SHOW COUNT(*) ERRORS");
            same(p, d, "SELECT @@warning_count, @@error_count");
            // max_error_count bounds the list, not the count
            same(p, d, "SET max_error_count = 2");
            same(p, d, "SELECT id, n / 0 FROM items");
            same(p, d, "SHOW COUNT(*) WARNINGS");
        }
    }

    /** The warning count of the packet that ends a statement, byte for byte beside MariaDB's. */
    @Test
    void okAndEofPacketsCountTheStatementsWarnings() throws Exception {
        try (RawClient d = RawResult.login(twins, false, 45); RawClient p = RawResult.login(twins, true, 45)) {
            for (String sql : new String[] {"SET sql_mode = 'ERROR_FOR_DIVISION_BY_ZERO'", "SELECT id, n / 0 FROM items", "SHOW WARNINGS",
                "SELECT 1", "INSERT INTO items VALUES (7, 7, 'too long'), (9, 9, 'x')", "SELECT v FROM items WHERE id = 7",
                "UPDATE items SET n = n / 0 WHERE id = 2", "SELECT COUNT(*) FROM items WHERE n / 0 IS NULL"}) {
                RawResult expected = RawResult.query(d, sql);
                RawResult actual = RawResult.query(p, sql);
                assertThat(actual.error()).as(sql).isNull();
                assertThat(actual.warnings()).as(sql).isEqualTo(expected.warnings());
                assertThat(actual.affectedRows()).as(sql).isEqualTo(expected.affectedRows());
                assertThat(actual.rows()).as(sql).hasSameSizeAs(expected.rows());
            }
        }
    }

    @Test
    void rowCountAndFoundRowsAsOnMariaDb() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            String[] script = {
                "INSERT INTO items VALUES (10, 10, 'j'), (11, 11, 'k')", "SELECT ROW_COUNT()", "SELECT ROW_COUNT()",
                "UPDATE items SET n = n + 1 WHERE id >= 10", "SELECT ROW_COUNT()",
                "DELETE FROM items WHERE id = 11", "SET @a = 1", "SELECT ROW_COUNT()",
                "SELECT id FROM items WHERE id IN (2, 4) ORDER BY id", "SELECT FOUND_ROWS()", "SELECT FOUND_ROWS()",
                "SELECT SQL_CALC_FOUND_ROWS id FROM items WHERE id IN (2, 4, 6, 10) ORDER BY id LIMIT 1", "SELECT FOUND_ROWS()",
                "SELECT SQL_CALC_FOUND_ROWS id FROM items WHERE id IN (2, 4, 6) ORDER BY id LIMIT 1, 1", "SET @x = 1",
                "INSERT INTO notes VALUES (5, 'q')", "SHOW VARIABLES LIKE 'sql_mode'", "SELECT FOUND_ROWS()",
                "SELECT SQL_CALC_FOUND_ROWS v FROM notes ORDER BY id LIMIT 2", "SELECT FOUND_ROWS()",
                "SELECT id FROM items ORDER BY id LIMIT 0", "SELECT FOUND_ROWS()", "SELECT ROW_COUNT()",
                "SELECT id FROM items ORDER BY id LIMIT 3", "SELECT FOUND_ROWS()",
                "BEGIN", "SELECT ROW_COUNT()", "COMMIT"};
            for (String sql : script) {
                same(p, d, sql, true);
            }
            // Across shards SQL_CALC_FOUND_ROWS is refused rather than answered wrongly
            assertThat(TwinSessions.answer(p, "SELECT SQL_CALC_FOUND_ROWS id FROM items ORDER BY id LIMIT 1").outcome())
                    .isInstanceOfSatisfying(Outcome.Failure.class, f -> assertThat(f.errorCode()).isEqualTo(1235));
        }
    }

    @Test
    void showStatusCountsTheSessionsAndTheProxysStatements() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            assertThat(TwinSessions.answer(p, "SHOW STATUS LIKE 'Com_select'").outcome())
                    .isInstanceOfSatisfying(Outcome.Rows.class, r -> assertThat(r.labels()).containsExactly("Variable_name", "Value"));
            long before = value(p, "SHOW SESSION STATUS LIKE 'Com_select'");
            long globalBefore = value(p, "SHOW GLOBAL STATUS LIKE 'Questions'");
            try (Statement st = p.createStatement()) {
                for (int i = 0; i < 3; i++) {
                    st.executeQuery("SELECT id FROM items WHERE id = " + (i + 1)).close();
                }
            }
            assertThat(value(p, "SHOW SESSION STATUS LIKE 'Com_select'")).isEqualTo(before + 3);
            assertThat(value(p, "SHOW GLOBAL STATUS LIKE 'Questions'")).isGreaterThanOrEqualTo(globalBefore + 5);
            assertThat(value(p, "SHOW STATUS LIKE 'Threads_connected'")).isGreaterThanOrEqualTo(1);
            assertThat(value(p, "SHOW GLOBAL STATUS LIKE 'Uptime'")).isGreaterThanOrEqualTo(0);
            try (Connection another = twins.proxy("")) {
                assertThat(value(p, "SHOW STATUS LIKE 'Threads_connected'")).isGreaterThanOrEqualTo(2);
            }
            assertThat(value(p, "SHOW STATUS LIKE 'Connections'")).isGreaterThanOrEqualTo(2);
            same(p, d, "SHOW STATUS LIKE 'No\\_such\\_counter'");
        }
    }

    private static long value(Connection c, String sql) throws SQLException {
        String row = one(c, sql);
        return Long.parseLong(row.substring(row.indexOf('|') + 1));
    }
}
