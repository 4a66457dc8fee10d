package io.shardgate.it;

import static io.shardgate.it.TwinSessions.rows;
import static io.shardgate.it.TwinSessions.run;
import static io.shardgate.it.TwinSessions.same;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.protocol.ServerStatus;
import io.shardgate.server.RawClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Transactions across shards: savepoints on every shard a transaction touched and on those it
 * touches later, and the status flags of every packet (IN_TRANS, AUTOCOMMIT, IN_TRANS_READONLY)
 * as MariaDB sets them, read from the raw packets beside a plain MariaDB's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionsIT {

    private TwinSessions twins;

    @BeforeAll
    void start() throws Exception {
        twins = TwinSessions.start("CREATE TABLE items (id INT PRIMARY KEY, n INT)");
    }

    @AfterAll
    void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    @BeforeEach
    void freshRows() throws Exception {
        twins.runOnBoth("DELETE FROM items", "INSERT INTO items VALUES (1, 1), (2, 2)");
    }

    @Test
    void statusFlagsOfEveryPacketAsMariaDbSetsThem() throws Exception {
        String[] script = {"SELECT 1", "BEGIN", "SELECT n FROM items WHERE id = 1", "COMMIT",
            "START TRANSACTION READ ONLY", "SELECT COUNT(*) FROM items", "ROLLBACK",
            "START TRANSACTION WITH CONSISTENT SNAPSHOT", "UPDATE items SET n = n + 1", "COMMIT AND CHAIN",
            "SELECT COUNT(*) FROM items", "ROLLBACK",
            "SET autocommit = 0", "SELECT 1", "SELECT n FROM items WHERE id = 2", "INSERT INTO items VALUES (3, 3)",
            "SAVEPOINT a", "INSERT INTO items VALUES (4, 4)", "ROLLBACK TO SAVEPOINT a", "RELEASE SAVEPOINT a", "COMMIT",
            "SELECT 1", "UPDATE items SET n = 0 WHERE id = 3", "SET autocommit = 1", "SELECT 1",
            "SET SESSION TRANSACTION READ ONLY", "BEGIN", "SELECT n FROM items WHERE id = 1", "COMMIT",
            "SET SESSION TRANSACTION READ WRITE", "SET sql_mode = 'NO_BACKSLASH_ESCAPES'", "SELECT 'a\\b'",
            "SET sql_mode = DEFAULT", "BEGIN", "SELECT nosuch FROM items", "SELECT 1", "COMMIT"};
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        try (RawClient d = RawResult.login(twins, false, 45); RawClient p = RawResult.login(twins, true, 45)) {
            for (String sql : script) {
                expected.add(sql + " -> " + flags(RawResult.query(d, sql)));
                actual.add(sql + " -> " + flags(RawResult.query(p, sql)));
            }
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** The transaction flags of the statement's final packet (ERR packets carry none). */
    private static String flags(RawResult r) {
        if (r.error() != null) {
            return "ERROR " + r.error().errorCode();
        }
        int relevant = ServerStatus.bits(ServerStatus.IN_TRANS, ServerStatus.AUTOCOMMIT, ServerStatus.IN_TRANS_READONLY,
                ServerStatus.NO_BACKSLASH_ESCAPES, ServerStatus.MORE_RESULTS_EXISTS);
        return ServerStatus.setIn(r.status() & relevant).toString();
    }

    @Test
    void savepointsAcrossShardsAsOnOneMariaDb() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            for (Connection c : new Connection[] {p, d}) {
                c.setAutoCommit(false);
                run(c, "INSERT INTO items VALUES (3, 3), (4, 4)");
                Savepoint a = c.setSavepoint("a");
                run(c, "INSERT INTO items VALUES (5, 5), (6, 6)");
                Savepoint b = c.setSavepoint("b");
                run(c, "UPDATE items SET n = 100");
                c.rollback(b);
                assertThat(rows(c, "SELECT SUM(n) FROM items")).containsExactly("21");
                run(c, "INSERT INTO items VALUES (7, 7)");
                c.rollback(a);
                assertThat(rows(c, "SELECT COUNT(*) FROM items")).containsExactly("4");
                c.releaseSavepoint(a);
                assertThatThrownBy(() -> c.rollback(b)).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(1305));
                c.commit();
                c.setAutoCommit(true);
            }
            same(p, d, "SELECT id, n FROM items");
        }
    }

    /**
     * START TRANSACTION WITH CONSISTENT SNAPSHOT takes every shard's snapshot at once: rows another
     * session commits afterwards are in none of the transaction's reads. Rolling back to a savepoint
     * set after the transaction had read a table keeps the snapshot, also of a shard first read after
     * the savepoint; rolling back to one set before any table was read ends the snapshot (MariaDB
     * rolls back InnoDB whole when it was not yet part of the transaction at the savepoint).
     */
    @Test
    void aConsistentSnapshotCoversEveryShardFromTheStart() throws Exception {
        try (Connection p = twins.proxy(""); Connection pw = twins.proxy(""); Connection d = twins.plain("");
             Connection dw = twins.plain("")) {
            for (Connection[] c : new Connection[][] {{p, pw}, {d, dw}}) {
                run(c[0], "START TRANSACTION WITH CONSISTENT SNAPSHOT");
                run(c[1], "INSERT INTO items VALUES (3, 3), (4, 4)");
                assertThat(rows(c[0], "SELECT id FROM items ORDER BY id")).containsExactly("1", "2");
                run(c[0], "COMMIT", "BEGIN");
                assertThat(rows(c[0], "SELECT n FROM items WHERE id = 2")).containsExactly("2");
                run(c[0], "SAVEPOINT s");
                assertThat(rows(c[0], "SELECT n FROM items WHERE id = 1")).containsExactly("1");
                run(c[0], "ROLLBACK TO SAVEPOINT s");
                run(c[1], "UPDATE items SET n = 100 WHERE id = 1");
                assertThat(rows(c[0], "SELECT n FROM items WHERE id = 1")).as("the read view outlives the rollback")
                        .containsExactly("1");
                run(c[0], "COMMIT", "BEGIN", "SAVEPOINT s");
                assertThat(rows(c[0], "SELECT n FROM items WHERE id = 1")).containsExactly("100");
                run(c[0], "ROLLBACK TO SAVEPOINT s");
                run(c[1], "UPDATE items SET n = 200 WHERE id = 1");
                assertThat(rows(c[0], "SELECT n FROM items WHERE id = 1")).as("a read view begun after the savepoint")
                        .containsExactly("200");
                run(c[0], "COMMIT");
            }
        }
    }

    /** A shard the transaction first touches after a savepoint has its work undone by rolling back to it. */
    @Test
    void shardsTouchedAfterASavepointAreUndoneByRollingBackToIt() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            for (String sql : new String[] {"BEGIN", "UPDATE items SET n = 20 WHERE id = 2", "SAVEPOINT s",
                "UPDATE items SET n = 10 WHERE id = 1", "INSERT INTO items VALUES (3, 3)", "SAVEPOINT t",
                "INSERT INTO items VALUES (4, 4)", "ROLLBACK TO SAVEPOINT s", "SELECT id, n FROM items",
                "ROLLBACK TO t", "INSERT INTO items VALUES (5, 5)", "RELEASE SAVEPOINT s", "RELEASE SAVEPOINT s",
                "COMMIT", "SELECT id, n FROM items", "ROLLBACK TO s", "SAVEPOINT x"}) {
                same(p, d, sql);
            }
        }
    }

    @Test
    void mariaDbConnectorJSavepointsAndReadOnlyTransactions() throws Exception {
        try (Connection p = twins.proxyMariaDbDriver(); Connection d = twins.plainMariaDbDriver()) {
            for (Connection c : new Connection[] {p, d}) {
                c.setAutoCommit(false);
                run(c, "UPDATE items SET n = n * 10");
                Savepoint s = c.setSavepoint();
                run(c, "DELETE FROM items");
                c.rollback(s);
                c.commit();
                c.setReadOnly(true);
                assertThat(rows(c, "SELECT SUM(n) FROM items")).containsExactly("30");
                assertThatThrownBy(() -> run(c, "INSERT INTO items VALUES (9, 9)")).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(1792));
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
            same(p, d, "SELECT id, n FROM items");
        }
    }
}
