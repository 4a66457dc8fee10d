package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.shardgate.mariadb.LocalMariaDb;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded memory: {@code bin/shardgate start} on {@code -Xmx256m} in front of 4 shards on 2 real
 * MariaDB servers holding 2,000,000 rows, queried through Connector/J (streaming on the client, so
 * that this JVM holds no result). A deep OFFSET, a full scan and a GROUP BY with 50,000 groups must
 * stream through the proxy and give exactly the right rows; a grouping the proxy has to hold in
 * full fails at the documented {@code limits.maxSortRows} with ERROR 1038, and the connection stays
 * usable. The proxy must neither die nor log an OutOfMemoryError.
 *
 * <p>The rows are loaded into the backends directly with MariaDB's SEQUENCE engine: through the
 * proxy it would take minutes. Row {@code id} (0 .. N-1) lives on shard {@code id % 4} (hash-mod,
 * count 4), with {@code k = id * 7919 mod N} (a permutation of 0 .. N-1), {@code g = id mod 50000}
 * and a {@link #pad} computed from the id.
 *
 * <p>The proxy's output and configuration are kept in {@code it-tests/target/BoundedMemoryIT/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoundedMemoryIT {

    private static final Logger log = LoggerFactory.getLogger(BoundedMemoryIT.class);

    private static final int N = 2_000_000;
    private static final int SHARDS = 4;
    private static final int GROUPS = 50_000;
    private static final long K_FACTOR = 7919; // prime, so coprime to N = 2^7 * 5^6: k is a permutation
    private static final long K_INVERSE = BigInteger.valueOf(K_FACTOR).modInverse(BigInteger.valueOf(N)).longValueExact();
    private static final int MAX_SORT_ROWS = 100_000;
    private static final String HEAP = "-Xmx256m";

    private static final Duration PROXY_STARTUP = Duration.ofSeconds(60);
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);
    // Bounds each read from the proxy; a whole query is bounded by QUERY_TIMEOUT. Connector/J's
    // setQueryTimeout would send KILL QUERY, which the proxy refuses.
    private static final String URL_OPTIONS = "?sslMode=DISABLED&allowPublicKeyRetrieval=true"
            + "&connectTimeout=5000&socketTimeout=120000";

    private final List<LocalMariaDb> backends = new ArrayList<>();
    private Path workDir;
    private Path proxyOut;
    private Path proxyErr;
    private Process proxy;
    private int proxyPort;

    @BeforeAll
    void start() throws Exception {
        workDir = ShardGateCommand.home().resolve("it-tests/target/BoundedMemoryIT");
        Files.createDirectories(workDir);
        proxyOut = workDir.resolve("proxy.out");
        proxyErr = workDir.resolve("proxy.err");
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(SHARDS);
        try {
            startBackends(pool);
            long serversUp = System.nanoTime();
            load(pool);
            long loaded = System.nanoTime();
            startProxy();
            long proxyUp = System.nanoTime();
            log.info("Setup: MariaDB servers up in {} ms, {} rows loaded in {} ms, proxy ({}) up in {} ms; {} ms in all",
                    millis(serversUp - began), N, millis(loaded - serversUp), HEAP, millis(proxyUp - loaded),
                    millis(proxyUp - began));
        } finally {
            pool.shutdownNow();
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        try {
            if (proxy != null && proxy.isAlive()) {
                proxy.destroy(); // SIGTERM: the proxy shuts down cleanly
                if (!proxy.waitFor(20, TimeUnit.SECONDS)) {
                    proxy.destroyForcibly();
                    proxy.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            backends.forEach(LocalMariaDb::close);
        }
    }

    @Test
    @Order(1)
    void rowsAreWhereTheShardingFunctionLooksForThem() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (long id : new long[] {0, 1, 2, 3, 4, 999_999, 1_000_002, 1_234_567, N - 2, N - 1}) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM fact WHERE id = " + id)) {
                    assertThat(rs.next()).as("row id = %d through the proxy (shard %d)", id, id % SHARDS).isTrue();
                    assertRow(rs, id);
                    assertThat(rs.next()).isFalse();
                }
            }
        }
        assertProxyHealthy();
    }

    @Test
    @Order(2)
    void deepOffsetOverOrderedMergeReturnsTheRightTenRows() throws Exception {
        List<long[]> rows = new ArrayList<>();
        timed("SELECT * FROM fact ORDER BY k LIMIT 1000000, 10", sql -> {
            try (Connection c = connect(); Statement st = streaming(c); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    assertThat(rows.size()).as("rows of " + sql).isLessThan(10);
                    long id = rs.getLong("id");
                    assertRow(rs, id);
                    rows.add(new long[] {id, rs.getLong("k")});
                }
            }
            return rows.size() + " rows";
        });
        assertThat(rows).hasSize(10);
        for (int i = 0; i < 10; i++) {
            long k = 1_000_000 + i;
            assertThat(rows.get(i)).as("row %d", i).containsExactly(idOfK(k), k);
        }
        assertProxyHealthy();
    }

    @Test
    @Order(3)
    void fullScanStreamsEveryRowExactlyOnce() throws Exception {
        BitSet seen = new BitSet(N);
        long[] totals = new long[3]; // rows, sum(id), sum(k)
        timed("SELECT * FROM fact", sql -> {
            try (Connection c = connect(); Statement st = streaming(c); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    if (id < 0 || id >= N || seen.get((int) id)) {
                        fail("id %d out of range or seen twice, after %d rows", id, totals[0]);
                    }
                    seen.set((int) id);
                    assertRow(rs, id);
                    totals[0]++;
                    totals[1] += id;
                    totals[2] += rs.getLong("k");
                }
            }
            return totals[0] + " rows";
        });
        long series = (long) N * (N - 1) / 2;
        assertThat(totals).containsExactly(N, series, series);
        assertThat(seen.cardinality()).isEqualTo(N);
        assertProxyHealthy();
    }

    @Test
    @Order(4)
    void groupByWithFiftyThousandGroupsStreams() throws Exception {
        BitSet seen = new BitSet(GROUPS);
        int[] groups = new int[1];
        timed("SELECT g, COUNT(*), SUM(id) FROM fact GROUP BY g", sql -> {
            try (Connection c = connect(); Statement st = streaming(c); ResultSet rs = st.executeQuery(sql)) {
                int perGroup = N / GROUPS;
                while (rs.next()) {
                    int g = rs.getInt(1);
                    if (g < 0 || g >= GROUPS || seen.get(g)) {
                        fail("group %d out of range or seen twice, after %d groups", g, groups[0]);
                    }
                    seen.set(g);
                    groups[0]++;
                    // ids g, g + 50000, ..., g + 50000 * 39
                    long sum = (long) perGroup * g + (long) GROUPS * perGroup * (perGroup - 1) / 2;
                    assertThat(rs.getLong(2)).as("COUNT(*) of group %d", g).isEqualTo(perGroup);
                    assertThat(rs.getLong(3)).as("SUM(id) of group %d", g).isEqualTo(sum);
                }
            }
            return groups[0] + " groups";
        });
        assertThat(groups[0]).isEqualTo(GROUPS);
        assertThat(seen.cardinality()).isEqualTo(GROUPS);
        assertProxyHealthy();
    }

    /**
     * Two million groups ordered by an aggregate: the groups arrive merged by k from the shards, and
     * with LIMIT 5 the proxy keeps only the best five, so this completes in bounded memory.
     */
    @Test
    @Order(5)
    void orderingTwoMillionGroupsByAnAggregateWithLimitKeepsOnlyTheTopRows() throws Exception {
        List<long[]> rows = new ArrayList<>();
        try (Connection c = connect()) {
            timed("SELECT k, COUNT(*) AS n FROM fact GROUP BY k ORDER BY n DESC, k LIMIT 5", sql -> {
                try (Statement st = streaming(c); ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next() && rows.size() <= 5) {
                        rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
                return rows.size() + " rows";
            });
            assertAnswersSelectOne(c);
        }
        assertThat(rows).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(rows.get(i)).as("row %d", i).containsExactly(i, 1L);
        }
        assertProxyHealthy();
    }

    /**
     * The same without LIMIT: all two million groups would have to be sorted in the proxy, which
     * {@code limits.maxSortRows} forbids; the statement fails with ERROR 1038 naming the limit, and
     * the connection goes on working.
     */
    @Test
    @Order(6)
    void orderingTwoMillionGroupsByAnAggregateWithoutLimitFailsAtMaxSortRows() throws Exception {
        try (Connection c = connect()) {
            SQLException[] error = new SQLException[1];
            long[] rows = new long[1];
            timed("SELECT k, COUNT(*) AS n FROM fact GROUP BY k ORDER BY n DESC, k", sql -> {
                try (Statement st = streaming(c); ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        rows[0]++;
                    }
                } catch (SQLException e) {
                    error[0] = e;
                    return "ERROR " + e.getErrorCode() + " (" + e.getSQLState() + ") after " + rows[0] + " rows: "
                            + e.getMessage();
                }
                return rows[0] + " rows";
            });
            assertThat((Throwable) error[0]).as("the statement should fail at limits.maxSortRows; it returned %d rows", rows[0])
                    .isNotNull();
            assertThat(error[0].getErrorCode()).as(error[0].toString()).isEqualTo(1038);
            assertThat(error[0].getSQLState()).isEqualTo("HY001");
            assertThat(error[0].getMessage()).contains("limits.maxSortRows (" + MAX_SORT_ROWS + ")");
            assertThat(rows[0]).as("rows sent before the error").isZero();
            assertAnswersSelectOne(c);
        }
        assertProxyHealthy();
    }

    @Test
    @Order(7)
    void proxyIsStillAliveAndNeverRanOutOfMemory() throws Exception {
        assertProxyHealthy();
        try (Connection c = connect()) {
            assertAnswersSelectOne(c);
        }
    }

    // ---- setup -------------------------------------------------------------------------------

    private void startBackends(ExecutorService pool) throws Exception {
        List<Future<LocalMariaDb>> starting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // Room for the 2 x ~60 MB of rows per server, and no durability work while loading.
            starting.add(pool.submit(() -> LocalMariaDb.builder()
                    .option("--innodb-buffer-pool-size=512M", "--innodb-log-file-size=512M",
                            "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0")
                    .start()));
        }
        Exception failed = null;
        for (Future<LocalMariaDb> f : starting) {
            try {
                backends.add(f.get(90, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                failed = failed == null ? e : failed; // wait for the other one, so that @AfterAll closes it
            }
        }
        if (failed != null) {
            throw failed;
        }
        // dn0 = big_0 and dn2 = big_2 on the first server, dn1 = big_1 and dn3 = big_3 on the second
        for (int shard = 0; shard < SHARDS; shard++) {
            backend(shard).execute("CREATE DATABASE " + database(shard));
        }
    }

    /** Each shard's rows in one INSERT ... SELECT from a SEQUENCE table, all four at once. */
    private void load(ExecutorService pool) throws Exception {
        List<Future<Long>> loads = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            int s = shard;
            loads.add(pool.submit(() -> {
                long began = System.nanoTime();
                LocalMariaDb db = backend(s);
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(database(s)) + URL_OPTIONS, db.user(),
                        db.password()); Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE fact (id BIGINT PRIMARY KEY, k BIGINT NOT NULL, g INT NOT NULL, "
                            + "pad VARCHAR(40) NOT NULL, KEY (k)) ENGINE=InnoDB");
                    st.execute("SET SESSION unique_checks = 0");
                    long rows = st.executeLargeUpdate("INSERT INTO fact (id, k, g, pad) SELECT seq, (seq * " + K_FACTOR
                            + ") % " + N + ", seq % " + GROUPS + ", CONCAT('row-', LPAD(seq, 7, '0'), '-', "
                            + "REPEAT(SUBSTRING('abcdefghijklmnopqrstuvwxyz', 1 + seq % 26, 1), 25)) "
                            + "FROM seq_" + s + "_to_" + (N - 1) + "_step_" + SHARDS);
                    assertThat(rows).as("rows loaded into %s", database(s)).isEqualTo(N / SHARDS);
                }
                long ms = millis(System.nanoTime() - began);
                log.info("Loaded {} rows into {} on 127.0.0.1:{} in {} ms", N / SHARDS, database(s), db.port(), ms);
                return ms;
            }));
        }
        for (Future<Long> f : loads) {
            f.get(LOAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void startProxy() throws Exception {
        int[] ports = ShardGateCommand.freePorts(2);
        proxyPort = ports[0];
        Path config = Files.writeString(workDir.resolve("shardgate.yaml"), """
                server: { bindAddress: 127.0.0.1, port: %d, managerPort: %d }
                users:
                  - { name: app, password: app-secret, schemas: [big] }
                dataHosts:
                  - { name: dh0, user: %s, password: %s, members: ["127.0.0.1:%d"] }
                  - { name: dh1, user: %s, password: %s, members: ["127.0.0.1:%d"] }
                dataNodes:
                  - { name: dn0, dataHost: dh0, database: big_0 }
                  - { name: dn1, dataHost: dh1, database: big_1 }
                  - { name: dn2, dataHost: dh0, database: big_2 }
                  - { name: dn3, dataHost: dh1, database: big_3 }
                functions:
                  - { name: by_id, type: hash-mod, count: 4 }
                limits: { maxSortRows: %d, maxJoinRows: 100000 }
                schemas:
                  - name: big
                    tables:
                      - { name: fact, dataNodes: [dn0, dn1, dn2, dn3], shardColumn: id, function: by_id }
                """.formatted(ports[0], ports[1],
                backends.get(0).user(), backends.get(0).password(), backends.get(0).port(),
                backends.get(1).user(), backends.get(1).password(), backends.get(1).port(), MAX_SORT_ROWS));
        ProcessBuilder pb = ShardGateCommand.builder(ShardGateCommand.command("start", "--config", config.toString()));
        pb.environment().put("SHARDGATE_JAVA_OPTS", HEAP + " -XX:+ExitOnOutOfMemoryError");
        proxy = pb.redirectOutput(proxyOut.toFile()).redirectError(proxyErr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        log.info("Started bin/shardgate start (pid {}) with SHARDGATE_JAVA_OPTS={} -XX:+ExitOnOutOfMemoryError on port {}",
                proxy.pid(), HEAP, proxyPort);

        long deadline = System.nanoTime() + PROXY_STARTUP.toNanos();
        SQLException last = null;
        while (System.nanoTime() - deadline < 0) {
            assertThat(proxy.isAlive()).as("the proxy exited (code %s) before accepting connections:%n%s",
                    proxy.isAlive() ? "-" : proxy.exitValue(), proxyOutput()).isTrue();
            try (Connection c = connect()) {
                assertAnswersSelectOne(c);
                // bin/shardgate execs java, so this is the proxy's JVM: the heap bound really applies
                assertThat(proxy.toHandle().info().commandLine()).as("the proxy JVM's command line")
                        .hasValueSatisfying(line -> assertThat(line).contains(" " + HEAP + " "));
                return;
            } catch (SQLException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        fail("the proxy did not accept a connection within %s (last error: %s); it printed:%n%s", PROXY_STARTUP,
                last, proxyOutput());
    }

    // ---- helpers -----------------------------------------------------------------------------

    private interface Query {
        /** Runs the statement, checking as it goes; returns what to log. */
        String run(String sql) throws Exception;
    }

    /** Runs one statement within {@link #QUERY_TIMEOUT} and logs how long it took. */
    private void timed(String sql, Query query) {
        log.info("Plan of {}:\n{}", sql, explain(sql));
        long began = System.nanoTime();
        String outcome = assertTimeoutPreemptively(QUERY_TIMEOUT, () -> query.run(sql),
                () -> sql + " did not finish within " + QUERY_TIMEOUT + "; proxy output:\n" + proxyOutput());
        log.info("{} -> {} in {} ms", sql, outcome, millis(System.nanoTime() - began));
    }

    /** The proxy's EXPLAIN, for the log only: the test judges the rows, not how they were found. */
    private String explain(String sql) {
        StringBuilder plan = new StringBuilder();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    plan.append(i == 1 ? "  " : " | ").append(rs.getString(i));
                }
                plan.append('\n');
            }
        } catch (SQLException e) {
            plan.append("  (EXPLAIN failed: ").append(e.getMessage()).append(')');
        }
        return plan.toString().stripTrailing();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + proxyPort + "/big" + URL_OPTIONS, "app",
                "app-secret");
    }

    /** Connector/J streams such a statement's rows instead of reading them all first. */
    private static Statement streaming(Connection c) throws SQLException {
        Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        st.setFetchSize(Integer.MIN_VALUE);
        return st;
    }

    private static void assertAnswersSelectOne(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.next()).isFalse();
        }
    }

    /** The current row holds the generated values of row {@code id}. */
    private static void assertRow(ResultSet rs, long id) throws SQLException {
        long k = rs.getLong("k");
        int g = rs.getInt("g");
        String pad = rs.getString("pad");
        if (k != id * K_FACTOR % N || g != id % GROUPS || !pad.equals(pad(id))) {
            fail("wrong row for id %d: k=%d g=%d pad=%s; expected k=%d g=%d pad=%s", id, k, g, pad,
                    id * K_FACTOR % N, id % GROUPS, pad(id));
        }
    }

    /** What the load's CONCAT makes of {@code id}: 37 characters. */
    private static String pad(long id) {
        return "row-" + String.format(Locale.ROOT, "%07d", id) + "-" + String.valueOf((char) ('a' + id % 26)).repeat(25);
    }

    private static long idOfK(long k) {
        return k * K_INVERSE % N;
    }

    private void assertProxyHealthy() {
        String output = proxyOutput();
        assertThat(proxy.isAlive()).as("proxy process alive (exit code %s); it printed:%n%s",
                proxy.isAlive() ? "-" : proxy.exitValue(), output).isTrue();
        assertThat(output).as("proxy output").doesNotContain("OutOfMemoryError");
    }

    private String proxyOutput() {
        try {
            return Files.readString(proxyOut, StandardCharsets.UTF_8) + Files.readString(proxyErr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read the proxy's output: " + e + ")";
        }
    }

    private LocalMariaDb backend(int shard) {
        return backends.get(shard % 2);
    }

    private static String database(int shard) {
        return "big_" + shard;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
