package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Long statements of a test ({@code SLEEP(n)}) as the backends' PROCESSLIST shows them: waiting
 * until one has reached a backend (before a test kills or cancels it), and checking that none is
 * left (after the kill reached the backends).
 */
final class BackendSleeps {

    private static final Duration STARTED_WITHIN = Duration.ofSeconds(10);
    private static final Duration GONE_WITHIN = Duration.ofSeconds(5);

    private BackendSleeps() {
    }

    /** Waits until a statement containing {@code marker} (e.g. {@code SLEEP(10)}) runs on any backend. */
    static void awaitRunning(ShardedCluster cluster, String marker) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + STARTED_WITHIN.toNanos();
        do {
            for (int b = 0; b < cluster.servers(); b++) {
                if (running(cluster, b, marker) > 0) {
                    return;
                }
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no statement with " + marker + " reached a backend within " + STARTED_WITHIN);
    }

    /** Asserts that within a few seconds no statement containing {@code marker} runs on {@code backend}. */
    static void assertNoneLeft(ShardedCluster cluster, int backend, String marker) throws SQLException {
        long deadline = System.nanoTime() + GONE_WITHIN.toNanos();
        long sleeping;
        do {
            sleeping = running(cluster, backend, marker);
        } while (sleeping > 0 && System.nanoTime() < deadline);
        assertThat(sleeping).as("statements still sleeping on backend %d", backend).isZero();
    }

    private static long running(ShardedCluster cluster, int backend, String marker) throws SQLException {
        try (Connection d = cluster.direct(backend, ""); Statement st = d.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE '%"
                     + marker + "%' AND ID <> CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
