package io.shardgate.it;

import static io.shardgate.it.TwinSessions.one;
import static io.shardgate.it.TwinSessions.onNode;
import static io.shardgate.it.TwinSessions.run;
import static io.shardgate.it.TwinSessions.same;
import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.JdbcConnection;
import io.netty.buffer.Unpooled;
import io.shardgate.protocol.Capability;
import io.shardgate.protocol.Command;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.OkPacket;
import io.shardgate.server.RawClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The wire commands that end or interrupt a session's work, under the session state the proxy
 * keeps: COM_RESET_CONNECTION clears variables, user variables, warnings, prepared statements and
 * the transaction exactly as MariaDB's reset does, and the backend connections the session gets next
 * carry the defaults again; KILL QUERY of a statement leaves its session's state (variables, user
 * variables, the open transaction) as MariaDB leaves it. Each step is compared with the same step on
 * a plain MariaDB. The pools hold one connection per backend, so a reset session's statements run
 * on the very connections the state was applied to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionResetAndKillIT {

    private static final String ITEMS = "CREATE TABLE items (id INT PRIMARY KEY, v VARCHAR(5))";
    private static final int LATIN1_SWEDISH_CI = 8;

    private TwinSessions twins;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    void start() throws Exception {
        twins = TwinSessions.start(1, ITEMS);
    }

    @AfterAll
    void stop() {
        threads.shutdownNow();
        if (twins != null) {
            twins.close();
        }
    }

    @BeforeEach
    void freshRows() throws Exception {
        twins.runOnBoth("DELETE FROM items", "INSERT INTO items VALUES (1, 'one'), (2, 'two')");
    }

    @Test
    void resetConnectionClearsTheSessionStateAsMariaDbDoes() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            for (String sql : List.of("SET sql_mode = 'PIPES_AS_CONCAT,NO_BACKSLASH_ESCAPES'", "SET time_zone = '+03:00'",
                    "SET div_precision_increment = 9", "SET @u = 42", "SET last_insert_id = 99",
                    "PREPARE left_over FROM 'SELECT 1'", "SET NAMES latin1")) {
                same(p, d, sql);
            }
            // a warning the reset must drop: a truncated value (the mode is not strict)
            TwinSessions.Answer truncated = same(p, d, "INSERT INTO items VALUES (10, 'far too long')");
            assertThat(truncated.warnings()).hasSize(1);
            // and an open transaction on a data node
            p.setAutoCommit(false);
            d.setAutoCommit(false);
            same(p, d, "INSERT INTO items VALUES (12, 'tx')");

            p.unwrap(JdbcConnection.class).resetServerState();
            d.unwrap(JdbcConnection.class).resetServerState();
            p.setAutoCommit(true);
            d.setAutoCommit(true);

            // Without tables, this statement leaves the warnings readable (same() reads them after it)
            same(p, d, "SELECT @@sql_mode, @@time_zone, @@div_precision_increment, @u, LAST_INSERT_ID(), "
                    + "@@character_set_client, @@character_set_results, @@collation_connection, @@warning_count");
            same(p, d, "EXECUTE left_over");
            same(p, d, "SELECT 'a' || 'b', 'back\\\\slash', 1 / 3");
            same(p, d, "SELECT id, v FROM items ORDER BY id", true);
            // the backend connection the session's statements now run on has the defaults again
            assertThat(onNode(p, "dn0", "SELECT @@session.sql_mode, @@session.time_zone, @@session.div_precision_increment"))
                    .isEqualTo(one(d, "SELECT @@session.sql_mode, @@session.time_zone, @@session.div_precision_increment"));
        }
    }

    /** What one server answered along a reset, in comparable form. */
    private record ResetTrace(String resetOk, String oldStatement, List<String> state, String sqlPrepared) {
    }

    /**
     * At the protocol level, for a client whose handshake asked for latin1 and IGNORE_SPACE:
     * COM_RESET_CONNECTION's OK, a COM_STMT_EXECUTE of a statement prepared before it, the variables
     * and character set after it, and an SQL-level prepared statement, on both servers.
     */
    @Test
    void resetConnectionAtTheProtocolLevelAnswersAsMariaDb() throws Exception {
        int capabilities = RawClient.BASE_CAPABILITIES | Capability.IGNORE_SPACE.bit();
        List<ResetTrace> traces = new ArrayList<>();
        for (boolean proxy : new boolean[] {false, true}) {
            try (RawClient c = RawResult.login(twins, proxy, LATIN1_SWEDISH_CI, capabilities)) {
                RawStatements.Prepared prepared = RawStatements.prepare(c, "SELECT 1 AS one", false);
                assertThat(prepared.id()).as("prepared on %s", proxy ? "ShardGate" : "MariaDB").isPositive();
                for (String sql : List.of("SET sql_mode = 'ANSI_QUOTES'", "SET @u = 7", "SET NAMES utf8mb4",
                        "PREPARE by_name FROM 'SELECT 2'")) {
                    assertThat(RawResult.query(c, sql).error()).as(sql).isNull();
                }
                byte[] ok = c.command(Command.COM_RESET_CONNECTION.code(), "");
                assertThat(ok[0]).isEqualTo((byte) OkPacket.HEADER);
                byte[] old = RawStatements.answer(c, RawStatements.execute(prepared.id(), 0, List.of(), List.of()), false,
                        false).getFirst();
                ErrPacket oldError = ErrPacket.read(Unpooled.wrappedBuffer(old));
                RawResult state = RawResult.query(c, "SELECT @@sql_mode, @u, @@character_set_client, @@character_set_results");
                assertThat(state.error()).isNull();
                RawResult byName = RawResult.query(c, "EXECUTE by_name");
                traces.add(new ResetTrace(HexFormat.of().formatHex(ok),
                        oldError.errorCode() + " " + oldError.sqlState() + " " + oldError.message().replaceAll("\\(\\d+\\)", "(id)"),
                        cells(state.rows().getFirst()),
                        byName.error() == null ? "no error" : byName.error().errorCode() + " " + byName.error().message()));
            }
        }
        assertThat(traces.get(1)).isEqualTo(traces.get(0));
        assertThat(traces.get(0).oldStatement()).startsWith("1243 ");
    }

    private static List<String> cells(byte[][] row) {
        List<String> out = new ArrayList<>();
        for (byte[] cell : row) {
            out.add(cell == null ? null : new String(cell, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    /**
     * A long statement killed (KILL QUERY from another session) in a session with a non-default
     * sql_mode, time zone, a user variable and an open transaction: 1317, then everything of the
     * session is still in force, on the proxy and on its backend connection, as on MariaDB.
     */
    @Test
    void killQueryLeavesTheSessionUsableWithItsState() throws Exception {
        try (Connection p = twins.proxy(""); Connection d = twins.plain("");
             Connection proxyKiller = twins.proxy(""); Connection plainKiller = twins.plain("")) {
            for (String sql : List.of("SET sql_mode = 'PIPES_AS_CONCAT,NO_BACKSLASH_ESCAPES'", "SET time_zone = '+05:00'",
                    "SET @u = 'kept'")) {
                same(p, d, sql);
            }
            p.setAutoCommit(false);
            d.setAutoCommit(false);
            same(p, d, "INSERT INTO items VALUES (70, 'tx')");
            // 70 lives on dn0: the SLEEP runs on the connection the transaction holds there
            String sleep = "SELECT id, SLEEP(20) FROM items WHERE id = 70";
            for (Connection[] victimAndKiller : new Connection[][] {{d, plainKiller}, {p, proxyKiller}}) {
                Connection victim = victimAndKiller[0];
                long id = TwinSessions.one(victim, "SELECT CONNECTION_ID()").transform(Long::parseLong);
                Future<?> running = threads.submit(() -> {
                    try (Statement st = victim.createStatement()) {
                        st.executeQuery(sleep).close();
                    }
                    return null;
                });
                BackendSleeps.awaitRunning(twins.cluster, "SLEEP(20)");
                long began = System.nanoTime();
                run(victimAndKiller[1], "KILL QUERY " + id);
                SQLException e = KillIT.failure(running);
                assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
                assertThat(e.getErrorCode()).isEqualTo(1317);
                assertThat(e.getSQLState()).isEqualTo("70100");
            }
            noSleepLeft();

            same(p, d, "SELECT @@sql_mode, @@time_zone, @u");
            same(p, d, "SELECT v || '\\' FROM items WHERE id = 70");
            assertThat(onNode(p, "dn0", "SELECT @@session.sql_mode, @@session.time_zone"))
                    .isEqualTo(one(d, "SELECT @@session.sql_mode, @@session.time_zone"));
            // the transaction survived the killed statement: committed, its row stays
            p.commit();
            d.commit();
        }
        try (Connection p = twins.proxy(""); Connection d = twins.plain("")) {
            same(p, d, "SELECT id, v FROM items ORDER BY id", true);
            assertThat(one(p, "SELECT COUNT(*) FROM items WHERE id = 70")).isEqualTo("1");
        }
    }

    /** No SLEEP of the test still runs on the first server: KILL reached the backend too. */
    private void noSleepLeft() throws Exception {
        BackendSleeps.assertNoneLeft(twins.cluster, 0, "SLEEP(20)");
    }
}
