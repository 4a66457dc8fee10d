package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.config.ShardGateConfig;
import io.shardgate.server.ShardGateServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Global sequences end to end: an AUTO_INCREMENT shard key of a table sharded over two real
 * MariaDB servers gets its ids from {@code shardgate_sequence} on data node dn1, reserved in blocks
 * of 10. Every placement is checked on the backends directly; the ids the client is told (OK packet
 * through {@code getGeneratedKeys()}, {@code LAST_INSERT_ID()}) are compared with what a plain
 * MariaDB table gives for the same statements. Further proxies are started in this JVM on the same
 * backends and configuration to show that ids survive a restart and stay unique between proxies
 * running at the same time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlobalSequenceIT {

    private static final int BLOCK = 10;
    private static final String SEQUENCE = "shop.items";
    private static final String URL_OPTIONS =
            "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=5000&socketTimeout=60000";

    private ShardedCluster cluster;
    /** Every id the proxies generated so far (not the explicit ones). */
    private final Set<Long> generated = new TreeSet<>();

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.start(2, i -> i == 0 ? List.of("shop_0", "ref") : List.of("shop_1"), ShardedCluster.TWO_NODES + """
                sequences: { dataNode: dn1, blockSize: 10 }
                schemas:
                  - name: shop
                    defaultDataNode: dn0
                    tables:
                      - { name: items, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                """);
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE items (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))");
        }
        // The reference: one plain MariaDB table, not behind the proxy.
        try (Connection d = cluster.direct(0, "ref"); Statement st = d.createStatement()) {
            st.execute("CREATE TABLE items (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))");
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void tableCreatedThroughTheProxyIsOnBothShards() throws Exception {
        for (int shard = 0; shard < 2; shard++) {
            try (Connection d = cluster.direct(shard, "shop_" + shard)) {
                assertThat(strings(d, "SHOW TABLES")).as("shard %d", shard).contains("items");
            }
        }
    }

    @Test
    @Order(2)
    void rowsWithoutAnIdGetUniqueIdsAndLandOnTheShardOfTheirId() throws Exception {
        Map<String, Long> told = new HashMap<>();
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            // Single-row INSERTs that leave the id to the server, each written a different way.
            for (String sql : List.of(
                    "INSERT INTO items (name) VALUES ('single')",
                    "INSERT INTO items (id, name) VALUES (NULL, 'null')",
                    "INSERT INTO items (id, name) VALUES (0, 'zero')",
                    "INSERT INTO items VALUES (NULL, 'no-columns')")) {
                List<Long> keys = insert(st, sql);
                assertThat(keys).as(sql).hasSize(1);
                long id = keys.getFirst();
                assertThat(id).as(sql).isPositive();
                assertThat(lastInsertId(st)).as("LAST_INSERT_ID() after %s", sql).isEqualTo(id);
                told.put(nameIn(sql), id);
            }
            // Multi-row INSERTs: 3 rows, and 25 rows (more than one block of 10).
            List<Long> three = insert(st, "INSERT INTO items (name) VALUES ('m1'), ('m2'), ('m3')");
            assertThat(lastInsertId(st)).isEqualTo(three.getFirst());
            for (int i = 0; i < 3; i++) {
                told.put("m" + (i + 1), three.get(i));
            }
            StringBuilder many = new StringBuilder("INSERT INTO items (id, name) VALUES ");
            for (int i = 0; i < 25; i++) {
                many.append(i == 0 ? "" : ", ").append(i % 2 == 0 ? "(NULL" : "(0").append(", 'b").append(i).append("')");
            }
            List<Long> batch = insert(st, many.toString());
            assertThat(lastInsertId(st)).isEqualTo(batch.getFirst());
            for (int i = 0; i < 25; i++) {
                told.put("b" + i, batch.get(i));
            }
            // What MariaDB gives for a multi-row INSERT: consecutive ids from the first, which
            // Connector/J derives from the OK packet's first id and auto_increment_increment.
            assertThat(three).containsExactly(three.getFirst(), three.getFirst() + 1, three.getFirst() + 2);
            assertThat(batch).hasSize(25);
            for (int i = 0; i < 25; i++) {
                assertThat(batch.get(i)).isEqualTo(batch.getFirst() + i);
            }
            // The ids the client was told are the ids the rows have.
            Map<String, Long> stored = idsByName(c, "SELECT name, id FROM items");
            assertThat(stored).isEqualTo(told);
            for (Map.Entry<String, Long> e : told.entrySet()) {
                assertThat(strings(c, "SELECT name FROM items WHERE id = " + e.getValue())).containsExactly(e.getKey());
                assertThat(String.join("\n", strings(c, "EXPLAIN SELECT name FROM items WHERE id = " + e.getValue())))
                        .startsWith("Route SINGLE_SHARD items").contains("dn" + (e.getValue() % 2) + ":");
            }
        }
        assertThat(new HashSet<>(told.values())).as("unique ids").hasSize(told.size());
        assertThat(told.values()).noneMatch(generated::contains);
        generated.addAll(told.values());
        // Each row is on the shard its id belongs to, and nowhere else; both shards got rows.
        Map<Long, Integer> shardOf = placement();
        assertThat(shardOf.keySet()).containsExactlyInAnyOrderElementsOf(told.values());
        shardOf.forEach((id, shard) ->
                assertThat(Math.floorMod(id, 2L)).as("id %d on shard %d", id, shard).isEqualTo((long) shard));
        assertThat(new HashSet<>(shardOf.values())).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    @Order(3)
    void anExplicitIdIsKeptOnItsShardAndReportedAsAPlainMariaDbReportsIt() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement();
             Connection ref = cluster.direct(0, "ref"); Statement rst = ref.createStatement()) {
            String explicit = "INSERT INTO items (id, name) VALUES (1000001, 'explicit')";
            List<Long> proxyKeys = insert(st, explicit);
            List<Long> refKeys = insert(rst, explicit);
            assertThat(proxyKeys).as("generated keys of %s", explicit).isEqualTo(refKeys);
            assertThat(strings(c, "SELECT name FROM items WHERE id = 1000001")).containsExactly("explicit");
            assertThat(stored("explicit")).containsExactly("shard 1 id 1000001");
        }
    }

    @Test
    @Order(4)
    void anExplicitIdLeavesLastInsertIdAsItWas() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement();
             Connection ref = cluster.direct(0, "ref"); Statement rst = ref.createStatement()) {
            long proxyBefore = insert(st, "INSERT INTO items (name) VALUES ('before-explicit')").getFirst();
            long refBefore = insert(rst, "INSERT INTO items (name) VALUES ('before-explicit')").getFirst();
            generated.add(proxyBefore);
            String explicit = "INSERT INTO items (id, name) VALUES (1000003, 'explicit-2')";
            insert(st, explicit);
            insert(rst, explicit);
            // MariaDB: LAST_INSERT_ID() changes only when an id is generated.
            assertThat(lastInsertId(rst)).as("plain MariaDB: LAST_INSERT_ID() after %s", explicit).isEqualTo(refBefore);
            assertThat(lastInsertId(st)).as("proxy: LAST_INSERT_ID() after %s", explicit).isEqualTo(proxyBefore);
            // ... and an explicit id moves the counter: the next generated id is past it, on both.
            long refAfter = insert(rst, "INSERT INTO items (name) VALUES ('after-explicit')").getFirst();
            long proxyAfter = insert(st, "INSERT INTO items (name) VALUES ('after-explicit')").getFirst();
            assertThat(refAfter).isGreaterThan(1000003);
            assertThat(proxyAfter).isGreaterThan(1000003).isNotIn(generated);
            assertThat(lastInsertId(st)).isEqualTo(proxyAfter);
            generated.add(proxyAfter);
        }
    }

    @Test
    @Order(5)
    void explicitAndGeneratedIdsInOneStatementReportTheGeneratedOne() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement();
             Connection ref = cluster.direct(0, "ref"); Statement rst = ref.createStatement()) {
            String mixed = "INSERT INTO items (id, name) VALUES (2000000, 'mixed-explicit'), (NULL, 'mixed-generated')";
            List<Long> proxyMixed = insert(st, mixed);
            List<Long> refMixed = insert(rst, mixed);
            long refGenerated = idsByName(ref, "SELECT name, id FROM items WHERE name LIKE 'mixed%'").get("mixed-generated");
            // The plain server reports the generated id first, and LAST_INSERT_ID() returns it.
            assertThat(refMixed).hasSize(2).first().isEqualTo(refGenerated);
            assertThat(lastInsertId(rst)).isEqualTo(refGenerated);

            long mixedId = idsByName(c, "SELECT name, id FROM items WHERE name LIKE 'mixed%'").get("mixed-generated");
            // As on the plain server, the explicit id before it moved the counter past 2000000.
            assertThat(refGenerated).isGreaterThan(2000000);
            assertThat(mixedId).isNotIn(generated).isGreaterThan(2000000);
            assertThat(proxyMixed).hasSize(2).first().isEqualTo(mixedId);
            assertThat(lastInsertId(st)).isEqualTo(mixedId);
            assertThat(stored("mixed-explicit")).containsExactly("shard 0 id 2000000");
            assertThat(stored("mixed-generated")).containsExactly("shard " + (mixedId % 2) + " id " + mixedId);
            generated.add(mixedId);
        }
    }

    @Test
    @Order(6)
    void idsSurviveAProxyRestartAndTheRestOfAReservedBlockIsSkipped() throws Exception {
        List<Long> first = new ArrayList<>();
        try (ShardGateServer proxy = ShardGateServer.start(config()); Connection c = connect(proxy);
             Statement st = c.createStatement()) {
            for (int i = 0; i < 7; i++) {
                first.addAll(insert(st, "INSERT INTO items (name) VALUES ('run1-" + i + "')"));
            }
        }
        assertThat(first).hasSize(7).doesNotHaveDuplicates().noneMatch(generated::contains);
        long reservedUpTo = nextValue();
        assertThat(reservedUpTo).as("next_value after the first proxy").isGreaterThan(first.getLast());
        generated.addAll(first);
        long maxBefore = generated.stream().mapToLong(Long::longValue).max().orElseThrow();

        List<Long> second = new ArrayList<>();
        try (ShardGateServer proxy = ShardGateServer.start(config()); Connection c = connect(proxy);
             Statement st = c.createStatement()) {
            for (int i = 0; i < 5; i++) {
                second.addAll(insert(st, "INSERT INTO items (name) VALUES ('run2-" + i + "')"));
            }
            second.addAll(insert(st, "INSERT INTO items (name) VALUES ('run2-m0'), ('run2-m1')"));
        }
        assertThat(second).hasSize(7).doesNotHaveDuplicates().allMatch(id -> id > maxBefore);
        // The restarted proxy reserved a new block, starting where the stored next_value stood: the
        // ids the first proxy had reserved and not used are never handed out.
        assertThat(second.getFirst()).isEqualTo(reservedUpTo);
        Map<Long, Integer> shardOf = placement();
        for (long skipped = first.getLast() + 1; skipped < reservedUpTo; skipped++) {
            assertThat(shardOf).doesNotContainKey(skipped);
        }
        assertThat(shardOf.keySet()).containsAll(first).containsAll(second);
        generated.addAll(second);
    }

    @Test
    @Order(7)
    void twoProxiesInsertingAtTheSameTimeNeverHandOutTheSameId() throws Exception {
        int rowsPerProxy = 200;
        long nextBefore = nextValue();
        int rowsBefore = countRows();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ShardGateServer a = ShardGateServer.start(config()); ShardGateServer b = ShardGateServer.start(config())) {
            assertThat(a.port()).isNotEqualTo(b.port());
            List<Future<List<Long>>> futures = new ArrayList<>();
            CyclicBarrier bothConnected = new CyclicBarrier(2);
            for (ShardGateServer proxy : List.of(a, b)) {
                String prefix = proxy == a ? "pa-" : "pb-";
                futures.add(threads.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    try (Connection c = connect(proxy); Statement st = c.createStatement()) {
                        // Both connected before either inserts, so that the two really run together.
                        bothConnected.await(30, TimeUnit.SECONDS);
                        for (int i = 0; i < rowsPerProxy; i++) {
                            List<Long> keys = insert(st, "INSERT INTO items (name) VALUES ('" + prefix + i + "')");
                            assertThat(keys).hasSize(1);
                            ids.add(keys.getFirst());
                        }
                    }
                    return ids;
                }));
            }
            List<Long> fromA = futures.get(0).get(60, TimeUnit.SECONDS);
            List<Long> fromB = futures.get(1).get(60, TimeUnit.SECONDS);
            Set<Long> all = new HashSet<>(fromA);
            all.addAll(fromB);
            assertThat(all).as("ids from both proxies").hasSize(2 * rowsPerProxy).noneMatch(generated::contains);
            // Both proxies took blocks in turn, many times each.
            long nextAfter = nextValue();
            assertThat(nextAfter - nextBefore).isGreaterThanOrEqualTo(2L * rowsPerProxy)
                    .isLessThanOrEqualTo(2L * rowsPerProxy + 2L * BLOCK);
            assertThat(runsOf(fromA)).isGreaterThanOrEqualTo(2);
            assertThat(runsOf(fromB)).isGreaterThanOrEqualTo(2);
            assertThat(interleaved(fromA, fromB)).as("blocks of the two proxies interleave").isTrue();

            assertThat(countRows()).isEqualTo(rowsBefore + 2 * rowsPerProxy);
            try (Connection c = connect(a)) {
                Map<String, Long> stored = idsByName(c, "SELECT name, id FROM items WHERE name LIKE 'p_-%'");
                assertThat(stored).hasSize(2 * rowsPerProxy);
                for (int i = 0; i < rowsPerProxy; i++) {
                    assertThat(stored.get("pa-" + i)).isEqualTo(fromA.get(i));
                    assertThat(stored.get("pb-" + i)).isEqualTo(fromB.get(i));
                }
            }
            Map<Long, Integer> shardOf = placement();
            for (long id : all) {
                assertThat(shardOf.get(id)).as("shard of %d", id).isEqualTo((int) (id % 2));
            }
            generated.addAll(all);
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @Order(8)
    void multiRowInsertsFromTwoProxiesAtOnceGetTheConsecutiveIdsTheClientIsTold() throws Exception {
        int statements = 60;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ShardGateServer a = ShardGateServer.start(config()); ShardGateServer b = ShardGateServer.start(config())) {
            CyclicBarrier bothConnected = new CyclicBarrier(2);
            List<Future<Map<String, Long>>> futures = new ArrayList<>();
            for (ShardGateServer proxy : List.of(a, b)) {
                String prefix = proxy == a ? "ma-" : "mb-";
                futures.add(threads.submit(() -> {
                    Map<String, Long> told = new HashMap<>();
                    try (Connection c = connect(proxy); Statement st = c.createStatement()) {
                        bothConnected.await(30, TimeUnit.SECONDS);
                        for (int i = 0; i < statements; i++) {
                            String n = prefix + i + "-";
                            List<Long> keys = insert(st,
                                    "INSERT INTO items (name) VALUES ('" + n + "0'), ('" + n + "1'), ('" + n + "2')");
                            assertThat(keys).hasSize(3);
                            for (int r = 0; r < 3; r++) {
                                told.put(n + r, keys.get(r));
                            }
                        }
                    }
                    return told;
                }));
            }
            Map<String, Long> told = new HashMap<>(futures.get(0).get(60, TimeUnit.SECONDS));
            told.putAll(futures.get(1).get(60, TimeUnit.SECONDS));
            Map<String, Long> stored;
            try (Connection c = connect(a)) {
                stored = idsByName(c, "SELECT name, id FROM items WHERE name LIKE 'm_-%'");
            }
            assertThat(stored).hasSize(6 * statements);
            assertThat(new HashSet<>(stored.values())).hasSize(6 * statements).noneMatch(generated::contains);
            generated.addAll(stored.values());
            // MariaDB gives the rows of one INSERT consecutive ids, and Connector/J counts on it.
            List<String> wrong = new ArrayList<>();
            for (String name : new TreeSet<>(stored.keySet())) {
                if (!stored.get(name).equals(told.get(name))) {
                    wrong.add(name + ": told " + told.get(name) + ", stored " + stored.get(name));
                }
            }
            assertThat(wrong).as("rows whose id differs from the generated key the client was told").isEmpty();
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @Order(9)
    void theSequenceTableLivesOnTheConfiguredDataNodeOnly() throws Exception {
        try (Connection d = cluster.direct(1, "shop_1")) {
            assertThat(strings(d, "SELECT CONCAT(table_schema, '.', table_name) FROM information_schema.tables "
                    + "WHERE table_name = 'shardgate_sequence'")).containsExactly("shop_1.shardgate_sequence");
            assertThat(strings(d, "SELECT name FROM shardgate_sequence")).containsExactly(SEQUENCE);
        }
        try (Connection d = cluster.direct(0, "shop_0")) {
            assertThat(strings(d, "SELECT CONCAT(table_schema, '.', table_name) FROM information_schema.tables "
                    + "WHERE table_name = 'shardgate_sequence'")).isEmpty();
        }
        long max = generated.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(nextValue()).isGreaterThan(max);
        // The logical schema shows the application's table only.
        try (Connection c = cluster.connect("shop")) {
            assertThat(strings(c, "SHOW TABLES")).containsExactly("items");
        }
    }

    /*
     * Other ways an INSERT leaves the id to the server. They run last: a row that got its id from a
     * backend's own counter would share that id with a row of the other shard.
     */

    @Test
    @Order(10)
    void setFormWithoutTheIdGetsAnIdFromTheSequence() throws Exception {
        leavesTheIdToTheServer("INSERT INTO items SET name = 'set-form'");
    }

    @Test
    @Order(11)
    void defaultForTheIdGetsAnIdFromTheSequence() throws Exception {
        leavesTheIdToTheServer("INSERT INTO items (id, name) VALUES (DEFAULT, 'default')");
    }

    @Test
    @Order(12)
    void zeroWrittenAsTextGetsAnIdFromTheSequence() throws Exception {
        // MariaDB converts '0' to 0 for the BIGINT column, which then generates an id.
        leavesTheIdToTheServer("INSERT INTO items (id, name) VALUES ('0', 'zero-text')");
    }

    private void leavesTheIdToTheServer(String sql) throws Exception {
        String name = nameIn(sql);
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            List<Long> keys = insert(st, sql);
            assertThat(keys).as(sql).hasSize(1);
            long id = keys.getFirst();
            assertThat(id).as(sql).isPositive().isNotIn(generated);
            assertThat(lastInsertId(st)).as("LAST_INSERT_ID() after %s", sql).isEqualTo(id);
            assertThat(stored(name)).as("where the row of %s is stored", sql).containsExactly("shard " + (id % 2) + " id " + id);
            assertThat(nextValue()).isGreaterThan(id);
            generated.add(id);
        }
    }

    /** "shard S id N" for each row of that name, read from the backends directly. */
    private List<String> stored(String name) throws SQLException {
        List<String> out = new ArrayList<>();
        for (int shard = 0; shard < 2; shard++) {
            try (Connection d = cluster.direct(shard, "shop_" + shard)) {
                for (String id : strings(d, "SELECT id FROM items WHERE name = '" + name + "'")) {
                    out.add("shard " + shard + " id " + id);
                }
            }
        }
        return out;
    }

    private ShardGateConfig config() {
        return cluster.config();
    }

    private static Connection connect(ShardGateServer proxy) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + proxy.port() + "/shop" + URL_OPTIONS,
                ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD);
    }

    /** The generated keys Connector/J reports for the statement. */
    private static List<Long> insert(Statement st, String sql) throws SQLException {
        int rows = st.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
        assertThat(rows).as("affected rows of %s", sql).isPositive();
        List<Long> keys = new ArrayList<>();
        try (ResultSet rs = st.getGeneratedKeys()) {
            while (rs.next()) {
                keys.add(rs.getLong(1));
            }
        }
        return keys;
    }

    private static long lastInsertId(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT LAST_INSERT_ID()")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static String nameIn(String sql) {
        int end = sql.lastIndexOf('\'');
        return sql.substring(sql.lastIndexOf('\'', end - 1) + 1, end);
    }

    /** Every row's id and the shard it is stored on, read from the backends directly. */
    private Map<Long, Integer> placement() throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        for (int shard = 0; shard < 2; shard++) {
            try (Connection d = cluster.direct(shard, "shop_" + shard); Statement st = d.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id FROM items")) {
                while (rs.next()) {
                    Integer was = out.put(rs.getLong(1), shard);
                    assertThat(was).as("id %d on both shards", rs.getLong(1)).isNull();
                }
            }
        }
        return out;
    }

    private int countRows() throws SQLException {
        return placement().size();
    }

    /** The stored next_value of the sequence, on dn1's database. */
    private long nextValue() throws SQLException {
        try (Connection d = cluster.direct(1, "shop_1")) {
            return Long.parseLong(strings(d, "SELECT next_value FROM shardgate_sequence WHERE name = '" + SEQUENCE + "'")
                    .getFirst());
        }
    }

    /** How many runs of consecutive ids the (ascending) ids form: each run is one or more blocks. */
    private static int runsOf(List<Long> ids) {
        int runs = 1;
        for (int i = 1; i < ids.size(); i++) {
            runs += ids.get(i) == ids.get(i - 1) + 1 ? 0 : 1;
        }
        return runs;
    }

    /** Whether a block of one list lies between two blocks of the other. */
    private static boolean interleaved(List<Long> a, List<Long> b) {
        long aMin = a.stream().mapToLong(Long::longValue).min().orElseThrow();
        long aMax = a.stream().mapToLong(Long::longValue).max().orElseThrow();
        return b.stream().anyMatch(id -> id > aMin && id < aMax);
    }

    private static Map<String, Long> idsByName(Connection c, String sql) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                assertThat(out.put(rs.getString(1), rs.getLong(2))).as("name %s twice", rs.getString(1)).isNull();
            }
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
