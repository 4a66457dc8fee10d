package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Stopping statements and connections with real clients: Connector/J's query timeout (KILL QUERY
 * on a second connection), KILL QUERY / KILL CONNECTION from another session, Statement.cancel()
 * of both drivers, and who may kill whom. The backends' own statements must stop too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillIT {

    private ShardedCluster cluster;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.twoShards();
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(20))");
            st.execute("INSERT INTO orders VALUES (1, 'one'), (2, 'two')"); // one row on each shard
        }
    }

    @AfterAll
    void stop() {
        threads.shutdownNow();
        if (cluster != null) {
            cluster.close();
        }
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    /** Runs {@code sql} on {@code c} in another thread; the future fails with the statement's SQLException. */
    private Future<?> running(Connection c, String sql) throws InterruptedException, SQLException {
        Future<?> f = threads.submit(() -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
            return null;
        });
        BackendSleeps.awaitRunning(cluster, "SLEEP(10)");
        return f;
    }

    /** The SQLException a statement running in {@code f} ended with; fails when it ends otherwise or runs on. */
    static SQLException failure(Future<?> f) throws Exception {
        try {
            f.get(8, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (SQLException) e.getCause();
        }
        throw new AssertionError("the statement was not interrupted");
    }

    /** The backends have no SLEEP left running: KILL reached them, not only the proxy. */
    private void noSleepOnTheBackends() throws Exception {
        for (int b = 0; b < 2; b++) {
            BackendSleeps.assertNoneLeft(cluster, b, "SLEEP(10)");
        }
    }

    @Test
    void connectorJQueryTimeoutStopsASleepInAboutTheTimeoutAndTheSessionGoesOn() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            for (String sql : new String[] {"SELECT SLEEP(10)", "SELECT id, SLEEP(10) FROM orders"}) {
                st.setQueryTimeout(1);
                long began = System.nanoTime();
                assertThatThrownBy(() -> st.executeQuery(sql)).as(sql).isInstanceOf(SQLTimeoutException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - began)).as(sql)
                        .isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
                noSleepOnTheBackends();
                st.setQueryTimeout(0);
                assertThat(one(c, "SELECT COUNT(*) FROM orders")).isEqualTo(2);
            }
        }
    }

    @Test
    void killQueryFromAnotherSessionInterruptsWith1317AndTheSessionGoesOn() throws Exception {
        try (Connection victim = cluster.connect("shop"); Connection killer = cluster.connect("shop")) {
            long id = one(victim, "SELECT CONNECTION_ID()");
            Future<?> sleep = running(victim, "SELECT SLEEP(10)");
            long began = System.nanoTime();
            try (Statement st = killer.createStatement()) {
                st.execute("KILL QUERY " + id);
            }
            SQLException e = failure(sleep);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
            assertThat(e.getErrorCode()).isEqualTo(1317);
            assertThat(e.getSQLState()).isEqualTo("70100");
            assertThat(e.getMessage()).isEqualTo("Query execution was interrupted");
            noSleepOnTheBackends();
            assertThat(one(victim, "SELECT COUNT(*) FROM orders")).isEqualTo(2);
        }
    }

    @Test
    void killConnectionClosesItAndRollsItsTransactionBack() throws Exception {
        Connection victim = cluster.connect("shop");
        try (Connection killer = cluster.connect("shop")) {
            long id = one(victim, "SELECT CONNECTION_ID()");
            victim.setAutoCommit(false);
            try (Statement st = victim.createStatement()) {
                st.execute("INSERT INTO orders VALUES (77, 'doomed')");
            }
            Future<?> sleep = running(victim, "SELECT SLEEP(10) FROM orders WHERE id = 77");
            try (Statement st = killer.createStatement()) {
                st.execute("KILL CONNECTION " + id);
            }
            failure(sleep);
            assertThat(victim.isValid(2)).isFalse();
            noSleepOnTheBackends();
            try (Connection d = cluster.direct(1, "shop_1")) {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                long left;
                do {
                    left = one(d, "SELECT COUNT(*) FROM orders WHERE id = 77");
                } while (left > 0 && System.nanoTime() < deadline);
                assertThat(left).as("the killed session's insert, rolled back").isZero();
            }
        } finally {
            victim.close();
        }
    }

    @Test
    void statementCancelOfBothDriversStopsTheStatement() throws Exception {
        for (Connection c : new Connection[] {cluster.connect("shop"), cluster.connectMariaDbDriver("shop")}) {
            try (c; Statement st = c.createStatement()) {
                Future<?> sleep = threads.submit(() -> st.executeQuery("SELECT SLEEP(10)"));
                BackendSleeps.awaitRunning(cluster, "SLEEP(10)");
                long began = System.nanoTime();
                st.cancel();
                SQLException e = failure(sleep);
                assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
                // Connector/J words the 1317 its cancel caused as "Statement cancelled due to client request"
                assertThat(e.getMessage()).as(c.getClass().getName()).containsAnyOf("interrupted", "cancelled");
                noSleepOnTheBackends();
                assertThat(one(c, "SELECT 1")).isEqualTo(1);
            }
        }
    }

    @Test
    void onlyTheSameUserOrAManagerMayKill() throws Exception {
        try (Connection victim = cluster.connect("shop");
             Connection stranger = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + cluster.port()
                     + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", "other", "other");
             Statement st = stranger.createStatement()) {
            long id = one(victim, "SELECT CONNECTION_ID()");
            assertThatThrownBy(() -> st.execute("KILL " + id)).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1095);
                assertThat(e.getMessage()).isEqualTo("You are not owner of thread " + id);
            });
            assertThatThrownBy(() -> st.execute("KILL QUERY 999999")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1094);
                assertThat(e.getMessage()).isEqualTo("Unknown thread id: 999999");
            });
            assertThat(victim.isValid(2)).isTrue();
            MariaDbCli.Run manager = MariaDbCli.execute(cluster.managerPort(), "admin", "admin", null, "kill " + id);
            assertThat(manager.exitCode()).as(manager.stderr()).isZero();
            assertThat(victim.isValid(2)).isFalse();
        }
    }
}
