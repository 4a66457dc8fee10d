package io.shardgate.it;

import static io.shardgate.it.TwinSessions.one;
import static io.shardgate.it.TwinSessions.onNode;
import static io.shardgate.it.TwinSessions.rows;
import static io.shardgate.it.TwinSessions.run;
import static io.shardgate.it.TwinSessions.same;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Session variables a client sets are in force on the backend connections that run its statements,
 * answered as one MariaDB answers them (compared with the same statements on a plain database), and
 * gone when the next session gets those connections. The pools hold one connection per backend, so
 * every session here runs on the same two backend connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionVariablesIT {

    private static final String ITEMS = "CREATE TABLE items (id INT PRIMARY KEY, v VARCHAR(5), n INT, ts TIMESTAMP NULL)";
    /** What a backend connection's session holds, asked of the backend itself (hinted: sent as written). */
    private static final String BACKEND_STATE = "SELECT @@session.sql_mode, @@session.time_zone, @@session.tx_read_only, "
            + "@@session.group_concat_max_len, @@session.collation_connection, @@session.tx_isolation";

    private TwinSessions twins;

    @BeforeAll
    void start() throws Exception {
        twins = TwinSessions.start(1, ITEMS);
    }

    @AfterAll
    void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    @BeforeEach
    void freshRows() throws Exception {
        twins.runOnBoth("DELETE FROM items",
                "INSERT INTO items (id, v, n) VALUES (1, 'aaa', 10), (2, 'bbb', 0), (3, 'ccc', 30), (4, 'ddd', 0)");
    }

    @Test
    void strictSqlModeRefusesWhatANonStrictOneTruncatesWithAWarning() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "SET sql_mode = 'STRICT_ALL_TABLES'");
            same(p, d, "INSERT INTO items (id, v) VALUES (11, 'too long')");
            same(p, d, "INSERT INTO items (id, v) VALUES (12, 'too long')");
            same(p, d, "SET sql_mode = ''");
            // 11 and 13 are rows of one shard: the warnings number them as the statement does
            TwinSessions.Answer truncated = same(p, d, "INSERT INTO items (id, v) VALUES (11, 'too long'), (13, 'too long')");
            assertThat(truncated.warnings()).hasSize(2).allMatch(w -> w.startsWith("Warning|1265|Data truncated for column 'v'"));
            same(p, d, "INSERT INTO items (id, v) VALUES (12, 'too long')");
            same(p, d, "SELECT id, v FROM items WHERE id > 10");
            same(p, d, "SET sql_mode = 'PIPES_AS_CONCAT'");
            same(p, d, "SELECT 'a' || 'b'");
        }
    }

    @Test
    void valuesAreCheckedAndShownAsMariaDbShowsThem() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "SET sql_mode = 'ansi'");
            same(p, d, "SELECT @@sql_mode, @@SESSION.sql_mode");
            same(p, d, "SET sql_mode = 'NO_SUCH_MODE'");
            same(p, d, "SET time_zone = '+1:00'");
            same(p, d, "SELECT @@time_zone");
            same(p, d, "SET time_zone = 'Nowhere/Nothing'");
            same(p, d, "SET group_concat_max_len = 1");
            same(p, d, "SELECT @@group_concat_max_len");
            same(p, d, "SET max_statement_time = 1.5");
            same(p, d, "SELECT @@max_statement_time");
            same(p, d, "SET foreign_key_checks = 'OFF', unique_checks = 0");
            same(p, d, "SELECT @@foreign_key_checks, @@unique_checks");
            same(p, d, "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
            same(p, d, "SELECT @@tx_isolation");
        }
    }

    @Test
    void timeZoneChangesNowAndTimestampColumns() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "SET time_zone = '+00:00'");
            same(p, d, "UPDATE items SET ts = '2026-01-01 12:00:00' WHERE id IN (1, 2)");
            same(p, d, "SET time_zone = '+05:00'");
            same(p, d, "SELECT id, ts FROM items WHERE ts IS NOT NULL");
            same(p, d, "SELECT TIMESTAMPDIFF(HOUR, UTC_TIMESTAMP(), NOW())");
            assertThat(one(p, "SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW())")).isEqualTo("300");
        }
    }

    @Test
    void readOnlySessionsCannotWrite() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "SET SESSION TRANSACTION READ ONLY");
            same(p, d, "INSERT INTO items (id) VALUES (21)");
            same(p, d, "UPDATE items SET n = 1");
            same(p, d, "SELECT COUNT(*) FROM items");
            same(p, d, "SET SESSION TRANSACTION READ WRITE");
            same(p, d, "INSERT INTO items (id) VALUES (21)");
        }
    }

    @Test
    void groupConcatMaxLenCutsMergedResultsWithMariaDbsWarning() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "SET group_concat_max_len = 6");
            same(p, d, "SELECT GROUP_CONCAT(v ORDER BY id) FROM items");
            same(p, d, "SELECT n, GROUP_CONCAT(v ORDER BY v) FROM items GROUP BY n");
        }
    }

    /** The proxy computes AVG across shards and divisions over aggregates with the session's digits. */
    @Test
    void divPrecisionIncrementReachesWhatTheProxyComputes() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            for (String digits : new String[] {"8", "0", "DEFAULT"}) {
                same(p, d, "SET div_precision_increment = " + digits);
                same(p, d, "SELECT AVG(n), SUM(n) / 7, COUNT(*) / 3 FROM items");
                same(p, d, "SELECT n, AVG(id) FROM items GROUP BY n");
                same(p, d, "SELECT id, n / 3 FROM items WHERE id = 1");
            }
        }
    }

    @Test
    void sqlSelectLimitCapsTheWholeResultNotEachShard() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "SET sql_select_limit = 3");
            same(p, d, "SELECT id FROM items ORDER BY id", true);
            same(p, d, "SELECT id FROM items ORDER BY id LIMIT 4", true);
            same(p, d, "SELECT COUNT(*) FROM items");
            same(p, d, "SELECT @@sql_select_limit");
            same(p, d, "SET sql_select_limit = DEFAULT");
            same(p, d, "SELECT id FROM items ORDER BY id", true);
        }
    }

    @Test
    void userVariablesReachTheShardsAsValues() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "SET @k = 3, @s = 'bbb', @none = NULL");
            same(p, d, "SELECT id, v FROM items WHERE id = @k");
            same(p, d, "SELECT id FROM items WHERE v = @s OR id = @none");
            same(p, d, "SELECT @k, @s, @none, @k + 1, @unset");
            same(p, d, "UPDATE items SET n = @k WHERE id = @k");
            same(p, d, "SELECT id, n FROM items");
            same(p, d, "INSERT INTO items (id, v) VALUES (@k, @s)");
        }
    }

    /**
     * A session with a special sql_mode, time zone, read-only mode, group_concat_max_len and
     * character set uses both backend connections (the pools hold one each); the next session gets
     * those same connections back in the backends' default state.
     */
    @Test
    void aPooledConnectionIsCleanWhenTheNextSessionGetsIt() throws Exception {
        String defaults;
        try (Connection d = twins.plain("")) {
            defaults = one(d, BACKEND_STATE);
        }
        try (Connection p = twins.proxy("")) {
            run(p, "SET sql_mode = 'ANSI_QUOTES', time_zone = '+05:00', group_concat_max_len = 77",
                    "SET SESSION TRANSACTION READ ONLY", "SET NAMES latin1",
                    "SET SESSION TRANSACTION ISOLATION LEVEL SERIALIZABLE");
            assertThat(rows(p, "SELECT id FROM items")).hasSize(4);
            for (String node : new String[] {"dn0", "dn1"}) {
                assertThat(onNode(p, node, BACKEND_STATE)).as(node)
                        .isEqualTo("ANSI_QUOTES|+05:00|1|77|latin1_swedish_ci|SERIALIZABLE");
            }
        }
        try (Connection p = twins.proxy("")) {
            for (String node : new String[] {"dn0", "dn1"}) {
                assertThat(onNode(p, node, BACKEND_STATE)).as(node).isEqualTo(defaults);
            }
            try (Connection d = twins.plain("")) {
                same(p, d, "INSERT INTO items (id, v) VALUES (31, 'too long')");
                same(p, d, "SELECT \"double quotes are a string\"");
            }
        }
    }

    @Test
    void mariaDbConnectorJConnectsAndKeepsStrictMode() throws Exception {
        try (Connection p = twins.proxyMariaDbDriver(); Connection d = twins.plainMariaDbDriver()) {
            same(p, d, "SELECT @@sql_mode");
            same(p, d, "INSERT INTO items (id, v) VALUES (41, 'too long')");
        }
    }
}
