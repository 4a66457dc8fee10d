package io.shardgate.it;

import io.shardgate.mariadb.LocalMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A sharded cluster and a plain MariaDB (the reference) holding the same logical tables and rows,
 * each with a user {@code app} (password {@code app-secret}) that may use {@code shop} only.
 *
 * <p>The cluster: {@code shop} with its default node dn0 ({@code shop_0} on the first server; it
 * holds {@code customers}, the sequence table and a view made behind the proxy's back),
 * {@code orders} sharded over dn0 and dn1, {@code order_lines} its child (with a foreign key to
 * it on each shard), {@code countries} global, {@code audit} single on dn1 ({@code shop_1} on
 * the second server, which also has a stray table). {@code hidden} is a schema app may not see,
 * on both sides. Statistics are fresh ({@code ANALYZE TABLE}) on both sides.
 */
record MetadataFixture(ShardedCluster cluster, LocalMariaDb reference) implements AutoCloseable {

    private static final String YAML = """
            server: { port: 8066, managerPort: 9066 }
            users:
              - { name: app, password: app-secret, schemas: [shop] }
              - { name: admin, password: admin, schemas: [shop, hidden], manager: true }
            dataHosts:
              - { name: dh0, user: test, password: test, members: ["127.0.0.1:${port0}"] }
              - { name: dh1, user: test, password: test, members: ["127.0.0.1:${port1}"] }
            dataNodes:
              - { name: dn0, dataHost: dh0, database: shop_0 }
              - { name: dn1, dataHost: dh1, database: shop_1 }
              - { name: hn0, dataHost: dh1, database: hidden_0 }
            functions:
              - { name: by_id, type: hash-mod, count: 2 }
            sequences: { dataNode: dn0 }
            schemas:
              - name: shop
                defaultDataNode: dn0
                tables:
                  - { name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                  - { name: order_lines, childOf: orders, joinColumn: order_id, parentColumn: id }
                  - { name: countries, type: global, dataNodes: [dn0, dn1] }
                  - { name: audit, type: single, dataNode: dn1 }
              - name: hidden
                defaultDataNode: hn0
            """;

    static final List<String> TABLES = List.of("audit", "countries", "customers", "order_lines", "orders");

    private static final List<String> DDL = List.of(
            "CREATE TABLE customers (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL"
                    + " COMMENT 'Zoë''s \\\\ € name',"
                    + " email VARCHAR(100) DEFAULT NULL, UNIQUE KEY uk_email (email)) COMMENT 'people'",
            "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT, customer_id INT NOT NULL, amount DECIMAL(10,2) NOT NULL"
                    + " DEFAULT 0.00, status ENUM('open','paid') NOT NULL DEFAULT 'open', created DATETIME NOT NULL, note TEXT,"
                    + " PRIMARY KEY (id), KEY idx_customer (customer_id), CONSTRAINT chk_amount CHECK (amount >= 0))",
            "CREATE TABLE order_lines (order_id BIGINT NOT NULL, line INT NOT NULL, sku VARCHAR(20) NOT NULL, qty INT NOT NULL"
                    + " DEFAULT 1, PRIMARY KEY (order_id, line), CONSTRAINT fk_lines_order FOREIGN KEY (order_id)"
                    + " REFERENCES orders (id) ON DELETE CASCADE)",
            "CREATE TABLE countries (code CHAR(2) NOT NULL PRIMARY KEY, name VARCHAR(60) NOT NULL)",
            "CREATE TABLE audit (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, what VARCHAR(200), at DATETIME(3))",
            "INSERT INTO customers (name, email) VALUES ('Ann', 'ann@example.com'), ('Bob', NULL), ('Cé', 'ce@example.com')",
            "INSERT INTO orders (id, customer_id, amount, status, created, note) VALUES (1, 1, 10.50, 'open', '2024-01-01 10:00:00',"
                    + " NULL), (2, 1, 3.00, 'paid', '2024-01-02 11:00:00', 'it''s'), (3, 2, 7.25, 'open', '2024-02-01 12:00:00',"
                    + " 'back\\\\slash'), (4, 3, 0.00, 'paid', '2024-03-01 00:00:00', NULL), (5, 3, 99.99, 'open',"
                    + " '2024-03-02 00:00:00', 'x')",
            "INSERT INTO order_lines VALUES (1, 1, 'A', 1), (1, 2, 'B', 2), (2, 1, 'A', 5), (5, 1, 'C', 1)",
            "INSERT INTO countries VALUES ('FR', 'France'), ('DE', 'Germany')",
            "INSERT INTO audit (what, at) VALUES ('created', '2024-01-01 00:00:00.123'), ('changed', NULL)");

    static MetadataFixture start() throws Exception {
        ShardedCluster cluster = ShardedCluster.start(2, i -> i == 0 ? List.of("shop_0") : List.of("shop_1", "hidden_0"), YAML);
        LocalMariaDb reference;
        try {
            reference = LocalMariaDb.builder().start();
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        MetadataFixture fixture = new MetadataFixture(cluster, reference);
        try {
            fixture.load();
        } catch (Exception | Error e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    private void load() throws Exception {
        reference.execute("DROP DATABASE IF EXISTS test", "CREATE DATABASE shop", "CREATE DATABASE hidden",
                "CREATE TABLE hidden.secret (a INT)", "CREATE USER app@'%' IDENTIFIED BY 'app-secret'",
                "GRANT ALL PRIVILEGES ON shop.* TO app@'%'");
        try (Connection proxy = cluster.connect("shop"); Connection ref = reference("shop");
             Statement p = proxy.createStatement(); Statement r = ref.createStatement()) {
            for (String sql : DDL) {
                p.execute(sql);
                r.execute(sql);
            }
            // an id from the global sequence creates its table on dn0, beside customers
            p.executeUpdate("INSERT INTO orders (customer_id, amount, created) VALUES (2, 1.00, '2024-04-01 00:00:00')");
            long id;
            try (ResultSet rs = p.executeQuery("SELECT LAST_INSERT_ID()")) {
                rs.next();
                id = rs.getLong(1);
            }
            r.executeUpdate("INSERT INTO orders (id, customer_id, amount, created) VALUES (" + id + ", 2, 1.00, '2024-04-01 00:00:00')");
        }
        cluster.backend(0).execute("CREATE VIEW shop_0.v_orders AS SELECT id FROM shop_0.orders",
                "ANALYZE TABLE shop_0.orders, shop_0.order_lines, shop_0.customers, shop_0.countries");
        cluster.backend(1).execute("CREATE TABLE shop_1.stray (a INT)", "CREATE TABLE hidden_0.secret (a INT)",
                "ANALYZE TABLE shop_1.orders, shop_1.order_lines, shop_1.countries, shop_1.audit");
        reference.execute("ANALYZE TABLE shop.orders, shop.order_lines, shop.customers, shop.countries, shop.audit");
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } finally {
            reference.close();
        }
    }

    Connection reference(String schema) throws SQLException {
        return DriverManager.getConnection(reference.jdbcUrl(schema) + "?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                "app", "app-secret");
    }
}
