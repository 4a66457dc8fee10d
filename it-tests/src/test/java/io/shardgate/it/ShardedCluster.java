package io.shardgate.it;

import io.shardgate.config.ConfigLoader;
import io.shardgate.config.ShardGateConfig;
import io.shardgate.mariadb.LocalMariaDb;
import io.shardgate.server.ShardGateServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Real MariaDB servers (one per data host) plus ShardGate in this JVM on ephemeral ports. The
 * configuration is YAML text run through the real loader, with {@code ${port0}}, {@code ${port1}},
 * ... replaced by the started servers' ports.
 */
final class ShardedCluster implements AutoCloseable {

    static final String APP_USER = "app";
    static final String APP_PASSWORD = "app-secret";

    private final List<LocalMariaDb> backends;
    private final ShardGateServer proxy;
    private final ShardGateConfig config;

    private ShardedCluster(List<LocalMariaDb> backends, ShardGateServer proxy, ShardGateConfig config) {
        this.backends = backends;
        this.proxy = proxy;
        this.config = config;
    }

    /**
     * @param databases for each backend, the databases to create on it
     * @param yaml      configuration with ${portN} placeholders; server ports should be 0 (ephemeral)
     */
    static ShardedCluster start(int servers, IntFunction<List<String>> databases, String yaml) throws Exception {
        return start(servers, databases, yaml, new String[0]);
    }

    /** @param mariadbdOptions options for every backend, such as {@code --max-allowed-packet=48M} */
    static ShardedCluster start(int servers, IntFunction<List<String>> databases, String yaml, String... mariadbdOptions)
            throws Exception {
        List<LocalMariaDb> backends = new ArrayList<>();
        try {
            for (int i = 0; i < servers; i++) {
                LocalMariaDb db = LocalMariaDb.builder().option(mariadbdOptions).start();
                backends.add(db);
                for (String d : databases.apply(i)) {
                    db.execute("CREATE DATABASE `" + d + "`");
                }
            }
            String text = yaml;
            for (int i = 0; i < servers; i++) {
                text = text.replace("${port" + i + "}", Integer.toString(backends.get(i).port()));
            }
            ShardGateConfig config = ephemeralPorts(ConfigLoader.parse(text, "test configuration"));
            return new ShardedCluster(backends, ShardGateServer.start(config), config);
        } catch (Exception | Error e) {
            backends.forEach(LocalMariaDb::close);
            throw e;
        }
    }

    /** The loader rejects port 0; tests want the kernel to pick free ports. */
    private static ShardGateConfig ephemeralPorts(ShardGateConfig c) {
        var s = c.server();
        return c.withServer(s.listening("127.0.0.1", 0, 0));
    }

    /**
     * The start of a configuration for two backends: user {@code app} (password {@code app-secret},
     * schema {@code shop}), data nodes dn0 ({@code shop_0} on the first) and dn1 ({@code shop_1} on
     * the second), and function {@code by_id} (hash-mod 2). Tests append their own sections.
     */
    static final String TWO_NODES = """
            server: { port: 8066, managerPort: 9066 }
            users:
              - { name: app, password: app-secret, schemas: [shop] }
              - { name: other, password: other, schemas: [] }
              - { name: admin, password: admin, schemas: [], manager: true }
            dataHosts:
              - { name: dh0, user: test, password: test, members: ["127.0.0.1:${port0}"] }
              - { name: dh1, user: test, password: test, members: ["127.0.0.1:${port1}"] }
            dataNodes:
              - { name: dn0, dataHost: dh0, database: shop_0 }
              - { name: dn1, dataHost: dh1, database: shop_1 }
            functions:
              - { name: by_id, type: hash-mod, count: 2 }
            """;

    /** Two backends, {@code shop_0} on the first and {@code shop_1} on the second, orders sharded by id. */
    static ShardedCluster twoShards(String... mariadbdOptions) throws Exception {
        return start(2, i -> List.of("shop_" + i), TWO_NODES + """
                schemas:
                  - name: shop
                    defaultDataNode: dn0
                    tables:
                      - { name: orders, dataNodes: "dn$0-1", shardColumn: id, function: by_id }
                      - { name: accounts, dataNodes: [dn0, dn1], shardColumn: code, function: by_id }
                      - { name: tags, dataNodes: [dn0, dn1], shardColumn: name, function: by_id }
                """, mariadbdOptions);
    }

    /** A second proxy on the same backends with other server settings (ports are ephemeral). */
    ShardGateServer proxy(java.util.function.UnaryOperator<io.shardgate.config.ServerConfig> change) throws InterruptedException {
        return ShardGateServer.start(config.withServer(change.apply(config.server()).listening("127.0.0.1", 0, 0)));
    }

    int port() {
        return proxy.port();
    }

    int managerPort() {
        return proxy.managerPort();
    }

    ShardGateConfig config() {
        return config;
    }

    /** How many backends the cluster runs. */
    int servers() {
        return backends.size();
    }

    LocalMariaDb backend(int i) {
        return backends.get(i);
    }

    /** Connector/J to the proxy. */
    Connection connect(String schema) throws SQLException {
        return connect(schema, APP_USER, APP_PASSWORD);
    }

    Connection connect(String schema, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port() + "/" + (schema == null ? "" : schema)
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", user, password);
    }

    /** MariaDB Connector/J to the proxy. */
    Connection connectMariaDbDriver(String schema) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port() + "/" + schema, APP_USER, APP_PASSWORD);
    }

    /** Straight to a backend, bypassing the proxy. */
    Connection direct(int backend, String database) throws SQLException {
        return DriverManager.getConnection(backends.get(backend).jdbcUrl(database) + "?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                backends.get(backend).user(), backends.get(backend).password());
    }

    @Override
    public void close() {
        try {
            proxy.close();
        } finally {
            backends.forEach(LocalMariaDb::close);
        }
    }
}
