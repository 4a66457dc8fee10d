package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Debian's sysbench (1.0.20, on libmariadb) runs {@code oltp_read_write} through ShardGate: its
 * tables sharded by id over both backends, their AUTO_INCREMENT ids from a global sequence. A bounded
 * run with server-side prepared statements ({@code --db-ps-mode=auto}) and one with text queries
 * ({@code disable}) must report transactions and no error or reconnect; the rows stay consistent
 * through the proxy and on the backends, and {@code cleanup} drops the tables everywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SysbenchIT {

    private static final int TABLES = 2;
    /**
     * Rows per table. Concurrent transactions that lock rows on two shards in opposite orders wait
     * for each other on two servers, where no deadlock detector sees the cycle: they end after
     * innodb_lock_wait_timeout (1205) instead of at once (1213). Enough rows for two threads make
     * such a pair practically impossible within the run.
     */
    private static final int TABLE_SIZE = 10_000;
    private static final Duration LIMIT = Duration.ofMinutes(3);

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        ChildProcess.require(List.of("sysbench", "--version"), "sysbench is missing (apt-get install -y sysbench)");
        StringBuilder tables = new StringBuilder();
        for (int t = 1; t <= TABLES; t++) {
            tables.append("      - { name: sbtest").append(t).append(", dataNodes: [dn0, dn1], shardColumn: id, function: by_id }\n");
        }
        cluster = ShardedCluster.start(2, i -> List.of("shop_" + i), ShardedCluster.TWO_NODES + """
                sequences: { dataNode: dn0 }
                schemas:
                  - name: shop
                    defaultDataNode: dn0
                    tables:
                """ + tables);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void oltpReadWriteWithAndWithoutPreparedStatements() throws Exception {
        ChildProcess.Result prepare = sysbench("prepare");
        assertThat(prepare.exitCode()).as(prepare.output()).isZero();
        for (int t = 1; t <= TABLES; t++) {
            // sysbench's workload picks ids 1..table-size: the sequence must have handed out exactly those
            assertThat(proxyRow("SELECT MIN(id), MAX(id), COUNT(DISTINCT id) FROM sbtest" + t))
                    .containsExactly(1L, (long) TABLE_SIZE, (long) TABLE_SIZE);
            assertConsistent("sbtest" + t);
        }
        for (String mode : List.of("auto", "disable")) {
            ChildProcess.Result run = sysbench("--db-ps-mode=" + mode, "--threads=2", "--time=15", "--events=3000",
                    "run");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).as(run.output()).doesNotContain("FATAL");
            assertThat(counter(run.output(), "transactions")).as(run.output()).isPositive();
            assertThat(counter(run.output(), "ignored errors")).as(run.output()).isZero();
            assertThat(counter(run.output(), "reconnects")).as(run.output()).isZero();
            for (int t = 1; t <= TABLES; t++) {
                // every transaction deletes one row and inserts it again
                assertThat(proxyRow("SELECT COUNT(*) FROM sbtest" + t)).containsExactly((long) TABLE_SIZE);
                assertConsistent("sbtest" + t);
            }
        }
        ChildProcess.Result cleanup = sysbench("cleanup");
        assertThat(cleanup.exitCode()).as(cleanup.output()).isZero();
        for (int i = 0; i < 2; i++) {
            try (Connection c = cluster.direct(i, "shop_" + i); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SHOW TABLES LIKE 'sbtest%'")) {
                assertThat(rs.next()).as("sysbench tables left on shop_" + i).isFalse();
            }
        }
    }

    private ChildProcess.Result sysbench(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sysbench", "oltp_read_write", "--db-driver=mysql",
                "--mysql-host=127.0.0.1", "--mysql-port=" + cluster.port(), "--mysql-user=" + ShardedCluster.APP_USER,
                "--mysql-password=" + ShardedCluster.APP_PASSWORD, "--mysql-db=shop", "--tables=" + TABLES,
                "--table-size=" + TABLE_SIZE));
        command.addAll(List.of(args));
        return ChildProcess.run(command, Map.of(), Path.of("."), LIMIT);
    }

    /** The proxy's COUNT(*) and SUM(k) are the backends' summed, each row on the shard its id names. */
    private void assertConsistent(String table) throws Exception {
        List<Long> proxy = proxyRow("SELECT COUNT(*), SUM(k) FROM " + table);
        long rows = 0;
        long sum = 0;
        for (int i = 0; i < 2; i++) {
            try (Connection c = cluster.direct(i, "shop_" + i)) {
                List<Long> shard = row(c, "SELECT COUNT(*), COALESCE(SUM(k), 0), SUM(MOD(id, 2) <> " + i + ") FROM " + table);
                assertThat(shard.get(2)).as("rows of %s on shop_%d that belong to the other shard", table, i).isZero();
                rows += shard.get(0);
                sum += shard.get(1);
            }
        }
        assertThat(List.of(rows, sum)).as("%s: rows and SUM(k) on the backends", table).isEqualTo(proxy);
    }

    private List<Long> proxyRow(String sql) throws Exception {
        try (Connection c = cluster.connect("shop")) {
            return row(c, sql);
        }
    }

    private static List<Long> row(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            List<Long> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getLong(i));
            }
            return values;
        }
    }

    /** A line of sysbench's report such as {@code     transactions:   1006   (66.97 per sec.)}. */
    private static long counter(String report, String name) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(name) + ":\\s+(\\d+)", Pattern.MULTILINE).matcher(report);
        assertThat(m.find()).as("'%s' in sysbench's report:%n%s", name, report).isTrue();
        return Long.parseLong(m.group(1));
    }
}
