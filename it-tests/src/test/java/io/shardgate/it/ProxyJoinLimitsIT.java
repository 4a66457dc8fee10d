package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Joins the proxy runs itself, at and around the configured memory limits ({@code maxJoinRows: 300},
 * {@code maxSortRows: 500}) and inside transactions: {@code orders} sharded by id over two real
 * MariaDB servers, {@code customers} a single table on dn1, {@code notes} a global table. Every
 * answer is compared with the same query on one plain MariaDB database ({@code ref}, on the first
 * server, not behind the proxy) holding the same rows.
 *
 * <p>The data: customers 1..400 ({@code region = 'r' || id % 5}, {@code grp = id % 2}); orders
 * 1..3000 whose {@code customer_id} is one of customers 1..281 (each of them used), except every
 * tenth order, whose customer does not exist; notes for regions r0..r3 (none for r4). So a join by
 * key over all orders gives 2,700 rows while one batch of 1,000 orders never matches more than 281
 * customers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyJoinLimitsIT {

    private static final int ORDERS = 3000;
    private static final int CUSTOMERS = 400;
    private static final String KEY_JOIN = "SELECT o.id, o.amount, c.name, c.region FROM orders o "
            + "JOIN customers c ON c.id = o.customer_id";

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.start(2, i -> i == 0 ? List.of("shop_0", "ref") : List.of("shop_1"), ShardedCluster.TWO_NODES + """
                limits: { maxSortRows: 500, maxJoinRows: 300 }
                schemas:
                  - name: shop
                    tables:
                      - { name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                      - { name: customers, type: single, dataNode: dn1 }
                      - { name: notes, type: global, dataNodes: [dn0, dn1] }
                """);
        List<String> load = new ArrayList<>();
        load.add("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, grp INT, amount INT)");
        load.add("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20), region VARCHAR(10), grp INT)");
        load.add("CREATE TABLE notes (region VARCHAR(10) PRIMARY KEY, text VARCHAR(40))");
        for (int from = 1; from <= ORDERS; from += 500) {
            StringBuilder sql = new StringBuilder("INSERT INTO orders (id, customer_id, grp, amount) VALUES ");
            for (int id = from; id < from + 500; id++) {
                int customer = id % 10 == 0 ? 100_000 + id : 1 + (id * 11) % 281;
                sql.append(id == from ? "" : ", ").append('(').append(id).append(", ").append(customer).append(", ")
                        .append(id % 2).append(", ").append(id % 100).append(')');
            }
            load.add(sql.toString());
        }
        StringBuilder customers = new StringBuilder("INSERT INTO customers (id, name, region, grp) VALUES ");
        for (int id = 1; id <= CUSTOMERS; id++) {
            customers.append(id == 1 ? "" : ", ").append('(').append(id).append(", 'c").append(id).append("', 'r")
                    .append(id % 5).append("', ").append(id % 2).append(')');
        }
        load.add(customers.toString());
        load.add("INSERT INTO notes (region, text) VALUES "
                + "('r0', 'note-0'), ('r1', 'note-1'), ('r2', 'note-2'), ('r3', 'note-3')");
        try (Connection proxy = cluster.connect("shop"); Statement p = proxy.createStatement();
             Connection ref = cluster.direct(0, "ref"); Statement r = ref.createStatement()) {
            for (String sql : load) {
                p.execute(sql);
                r.execute(sql);
            }
        }
        // The rows are where the configuration says.
        try (Connection d0 = cluster.direct(0, "shop_0"); Connection d1 = cluster.direct(1, "shop_1")) {
            assertThat(rows(d0, "SELECT COUNT(*), SUM(id % 2) FROM orders")).containsExactly("1500|0");
            assertThat(rows(d1, "SELECT COUNT(*), SUM(id % 2) FROM orders")).containsExactly("1500|1500");
            assertThat(rows(d1, "SELECT COUNT(*) FROM customers")).containsExactly("400");
            assertThat(rows(d0, "SHOW TABLES LIKE 'customers'")).isEmpty();
            assertThat(rows(d0, "SELECT COUNT(*) FROM notes")).containsExactly("4");
            assertThat(rows(d1, "SELECT COUNT(*) FROM notes")).containsExactly("4");
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
    void joinByKeyOverManyMoreRowsThanMaxJoinRowsLooksUpOneBatchAtATime() throws Exception {
        try (Connection c = cluster.connect("shop")) {
            assertThat(explain(c, KEY_JOIN)).contains("ProxyJoin").contains("batched lookup").doesNotContain("nested loop");
            List<String> got = sameAsPlainMariaDb(c, KEY_JOIN);
            assertThat(got).hasSize(ORDERS - ORDERS / 10);
            // With conditions on both sides, one pushed into each side's SELECT.
            assertThat(sameAsPlainMariaDb(c, KEY_JOIN + " WHERE c.region = 'r1' AND o.amount < 50")).isNotEmpty();
            // Three tables: customers and notes are on one node, joined there, then looked up by key.
            assertThat(sameAsPlainMariaDb(c, "SELECT o.id, c.name, n.text FROM orders o JOIN customers c ON c.id = o.customer_id "
                    + "JOIN notes n ON n.region = c.region")).hasSizeGreaterThan(300);
        }
    }

    @Test
    @Order(2)
    void leftJoinKeepsOrdersWithoutACustomerWithNulls() throws Exception {
        String sql = "SELECT o.id, c.id, c.name FROM orders o LEFT JOIN customers c ON c.id = o.customer_id";
        try (Connection c = cluster.connect("shop")) {
            List<String> got = sameAsPlainMariaDb(c, sql);
            assertThat(got).hasSize(ORDERS);
            List<String> unmatched = got.stream().filter(r -> r.endsWith("|NULL|NULL")).toList();
            assertThat(unmatched).hasSize(ORDERS / 10)
                    .allSatisfy(r -> assertThat(Integer.parseInt(r.substring(0, r.indexOf('|'))) % 10).isZero());
            assertThat(sameAsPlainMariaDb(c, sql + " WHERE c.id IS NULL")).containsExactlyInAnyOrderElementsOf(unmatched);
        }
    }

    @Test
    @Order(3)
    void joinByKeyWhoseOneBatchMatchesMoreThanMaxJoinRowsFails() throws Exception {
        // Every order has grp 0 or 1, and so do 200 customers each: one batch matches all 400.
        try (Connection c = cluster.connect("shop")) {
            String byGrp = "SELECT o.id, c.id FROM orders o JOIN customers c ON c.grp = o.grp";
            assertThat(explain(c, byGrp)).contains("batched lookup");
            assertTooManyJoinRows(c, byGrp);
            // Fewer customers per key: 150 of each grp, 300 in all, exactly the limit.
            assertThat(sameAsPlainMariaDb(c, "SELECT o.id, c.id FROM orders o JOIN customers c ON c.grp = o.grp "
                    + "WHERE c.id <= 300 AND o.id <= 4")).hasSize(4 * 150);
            assertTooManyJoinRows(c, "SELECT o.id, c.id FROM orders o JOIN customers c ON c.grp = o.grp "
                    + "WHERE c.id <= 301 AND o.id <= 4");
        }
    }

    @Test
    @Order(4)
    void joinWithoutAnEqualityHoldsTheWholeOtherSideUpToMaxJoinRows() throws Exception {
        String sql = "SELECT o.id, c.id FROM orders o JOIN customers c ON c.id > o.customer_id WHERE o.id < 5";
        try (Connection c = cluster.connect("shop")) {
            assertThat(explain(c, sql)).contains("ProxyJoin").contains("nested loop");
            assertTooManyJoinRows(c, sql);
            // The other side cut to the limit by a condition on it alone: 300 rows held, allowed.
            assertThat(sameAsPlainMariaDb(c, sql + " AND c.id <= 300")).isNotEmpty();
            assertTooManyJoinRows(c, sql + " AND c.id <= 301");
            assertThat(sameAsPlainMariaDb(c, "SELECT COUNT(*) FROM orders o CROSS JOIN customers c "
                    + "WHERE c.id <= 250 AND o.id <= 1000"))
                    .containsExactly(String.valueOf(1000 * 250));
        }
    }

    @Test
    @Order(5)
    void groupByOverJoinedRowsHoldsAtMostMaxSortRowsGroups() throws Exception {
        String perOrder = "SELECT o.id, COUNT(*), SUM(c.grp) FROM orders o JOIN customers c ON c.id = o.customer_id";
        try (Connection c = cluster.connect("shop")) {
            assertThat(explain(c, perOrder + " GROUP BY o.id")).contains("InProxySelect").contains("ProxyJoin");
            assertTooManyGroups(c, perOrder + " GROUP BY o.id");
            // Orders 1..555 with a customer are 500 groups, the limit; 1..556 are 501.
            assertThat(sameAsPlainMariaDb(c, perOrder + " WHERE o.id <= 555 GROUP BY o.id")).hasSize(500);
            assertTooManyGroups(c, perOrder + " WHERE o.id <= 556 GROUP BY o.id");
            // Fewer groups over all the joined rows: the right answer.
            assertThat(sameAsPlainMariaDb(c, "SELECT c.region, COUNT(*), SUM(o.amount), MIN(o.id), MAX(c.name) "
                    + "FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.region")).hasSize(5);
            assertThat(sameAsPlainMariaDb(c, "SELECT c.id, COUNT(*), SUM(o.amount) FROM orders o "
                    + "JOIN customers c ON c.id = o.customer_id GROUP BY c.id")).hasSize(281);
            assertThat(sameAsPlainMariaDb(c, "SELECT o.grp, COUNT(*), COUNT(c.id) FROM orders o "
                    + "LEFT JOIN customers c ON c.id = o.customer_id GROUP BY o.grp")).hasSize(2);
        }
    }

    @Test
    @Order(6)
    void inATransactionStartedWithBeginJoinsSeeTheTransactionsOwnRows() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement();
             Connection ref = cluster.direct(0, "ref"); Statement rst = ref.createStatement()) {
            st.execute("BEGIN");
            rst.execute("BEGIN");
            transactionChecks(c, st, ref, rst, "begin");
            st.execute("ROLLBACK");
            rst.execute("ROLLBACK");
            afterRollback(c);
        }
    }

    @Test
    @Order(7)
    void withAutocommitOffJoinsSeeTheTransactionsOwnRows() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement();
             Connection ref = cluster.direct(0, "ref"); Statement rst = ref.createStatement()) {
            c.setAutoCommit(false);
            ref.setAutoCommit(false);
            transactionChecks(c, st, ref, rst, "autocommit0");
            // The first side read whole in a transaction: up to maxJoinRows rows.
            assertThat(sameAsPlainMariaDb(c, ref, KEY_JOIN + " WHERE o.id <= 300")).hasSize(270);
            assertTooManyJoinRows(c, KEY_JOIN + " WHERE o.id <= 301");
            c.rollback();
            ref.rollback();
            c.setAutoCommit(true);
            ref.setAutoCommit(true);
            afterRollback(c);
        }
    }

    /** Inserts rows in the open transaction (on the proxy and on the plain server) and joins over them. */
    private void transactionChecks(Connection c, Statement st, Connection ref, Statement rst, String name) throws Exception {
        for (Statement s : List.of(st, rst)) {
            s.executeUpdate("INSERT INTO customers (id, name, region, grp) VALUES (1000, '" + name + "', 'r0', 0)");
            s.executeUpdate("INSERT INTO orders (id, customer_id, grp, amount) VALUES (3001, 1000, 1, 1), (3002, 1000, 0, 2), "
                    + "(3003, 5, 1, 3), (3004, 99999, 0, 4)");
            s.executeUpdate("UPDATE customers SET name = 'renamed' WHERE id = 5");
        }
        String recent = "SELECT o.id, o.amount, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id > 2900";
        List<String> got = sameAsPlainMariaDb(c, ref, recent);
        assertThat(got).contains("3001|1|" + name, "3002|2|" + name, "3003|3|renamed").noneMatch(r -> r.startsWith("3004|"));
        assertThat(sameAsPlainMariaDb(c, ref, "SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON c.id = o.customer_id "
                + "WHERE o.id > 3000")).containsExactlyInAnyOrder("3001|" + name, "3002|" + name, "3003|renamed", "3004|NULL");
        // Not visible to other sessions before COMMIT.
        try (Connection other = cluster.connect("shop")) {
            assertThat(rows(other, "SELECT COUNT(*) FROM orders WHERE id > 3000")).containsExactly("0");
            assertThat(rows(other, recent)).doesNotContain("3001|1|" + name);
        }
        // The first side (all orders) is read whole in a transaction: more than maxJoinRows fails ...
        SQLException e = assertTooManyJoinRows(c, KEY_JOIN);
        assertThat(e.getMessage()).contains("transaction");
        // ... and the transaction goes on, its own rows still there.
        assertThat(sameAsPlainMariaDb(c, ref, recent)).isEqualTo(got);
    }

    private void afterRollback(Connection c) throws SQLException {
        assertThat(rows(c, "SELECT COUNT(*) FROM orders WHERE id > 3000")).containsExactly("0");
        assertThat(rows(c, "SELECT name FROM customers WHERE id IN (5, 1000)")).containsExactly("c5");
        assertThat(rows(c, "SELECT 1")).containsExactly("1");
        assertThat(sameAsPlainMariaDb(c, KEY_JOIN + " WHERE o.id > 2900")).hasSize(90);
    }

    @Test
    @Order(8)
    void refusedJoinsGet1235AndTheConnectionStaysUsable() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM orders NATURAL JOIN customers"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1235);
                        assertThat(e.getSQLState()).isEqualTo("42000");
                        assertThat(e.getMessage()).contains("NATURAL JOIN");
                    });
            assertThat(rows(c, "SELECT 1")).containsExactly("1");
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM orders JOIN customers USING (id)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1235);
                        assertThat(e.getMessage()).contains("USING");
                    });
            assertThat(rows(c, "SELECT COUNT(*) FROM orders")).containsExactly(String.valueOf(ORDERS));
        }
    }

    private static SQLException assertTooManyJoinRows(Connection c, String sql) throws SQLException {
        SQLException e = failure(c, sql);
        assertThat(e.getErrorCode()).as("%s: %s", sql, e.getMessage()).isEqualTo(1104);
        assertThat(e.getSQLState()).isEqualTo("42000");
        assertThat(e.getMessage()).contains("limits.maxJoinRows");
        assertThat(rows(c, "SELECT 1")).containsExactly("1");
        return e;
    }

    private static void assertTooManyGroups(Connection c, String sql) throws SQLException {
        SQLException e = failure(c, sql);
        assertThat(e.getErrorCode()).as("%s: %s", sql, e.getMessage()).isEqualTo(1038);
        assertThat(e.getSQLState()).isEqualTo("HY001");
        assertThat(e.getMessage()).contains("limits.maxSortRows");
        assertThat(rows(c, "SELECT 1")).containsExactly("1");
    }

    private static SQLException failure(Connection c, String sql) {
        try {
            List<String> got = rows(c, sql);
            throw new AssertionError("expected " + sql + " to fail, got " + got.size() + " rows");
        } catch (SQLException e) {
            return e;
        }
    }

    /** The query's rows through the proxy, sorted, after checking them against the plain server. */
    private List<String> sameAsPlainMariaDb(Connection proxy, String sql) throws SQLException {
        try (Connection ref = cluster.direct(0, "ref")) {
            return sameAsPlainMariaDb(proxy, ref, sql);
        }
    }

    private static List<String> sameAsPlainMariaDb(Connection proxy, Connection ref, String sql) throws SQLException {
        List<String> got = sorted(rows(proxy, sql));
        List<String> expected = sorted(rows(ref, sql));
        assertThat(got).as(sql).containsExactlyElementsOf(expected);
        return got;
    }

    private static List<String> sorted(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        Collections.sort(out);
        return out;
    }

    private static String explain(Connection c, String sql) throws SQLException {
        return String.join("\n", rows(c, "EXPLAIN " + sql));
    }

    /** Each row as its values joined by '|', NULL as "NULL". */
    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    row.append(i == 1 ? "" : "|").append(v == null ? "NULL" : v);
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
