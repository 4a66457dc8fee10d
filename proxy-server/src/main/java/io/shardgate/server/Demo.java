package io.shardgate.server;

import io.shardgate.config.ConfigLoader;
import io.shardgate.config.ShardGateConfig;
import io.shardgate.mariadb.LocalMariaDb;
import io.shardgate.mariadb.MariaDbInstallation;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code shardgate demo}: two throwaway MariaDB servers, a {@code shop} schema with a sharded
 * {@code orders} table and an unsharded {@code customers} table, and the proxy on 127.0.0.1:8066.
 * Ctrl-C stops everything and removes the servers' files.
 */
final class Demo {

    private Demo() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        int port = intOption(args, "--port", 8066);
        int managerPort = intOption(args, "--manager-port", 9066);
        MariaDbInstallation installation;
        try {
            installation = MariaDbInstallation.find();
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
        List<LocalMariaDb> backends = new ArrayList<>();
        ShardGateServer server = null;
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            for (int i = 0; i < 2; i++) {
                LocalMariaDb db = LocalMariaDb.builder().installation(installation).start();
                backends.add(db);
                db.execute("CREATE DATABASE shop_" + i);
                out.println("started MariaDB " + installation.version() + " on 127.0.0.1:" + db.port() + " (data in " + db.baseDir() + ")");
            }
            ShardGateConfig config = ConfigLoader.parse(config(port, managerPort, backends), "demo configuration");
            server = ShardGateServer.start(config);
            loadSampleData(server.port());
            ShardGateServer running = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.close();
                backends.forEach(LocalMariaDb::close);
                stopped.countDown();
            }, "demo-shutdown"));
            out.println();
            out.println("ShardGate demo is running. Connect with:");
            out.println("  mariadb -h127.0.0.1 -P" + server.port() + " -uapp -papp shop");
            out.println("  then try: SELECT * FROM orders WHERE id = 7;  EXPLAIN SELECT * FROM orders WHERE id IN (1, 2);");
            out.println("Management port: mariadb -h127.0.0.1 -P" + server.managerPort() + " -uadmin -padmin -e 'show @@datanode'");
            out.println("Press Ctrl-C to stop; the MariaDB servers and their files are removed.");
        } catch (Exception e) {
            if (server != null) {
                server.close();
            }
            backends.forEach(LocalMariaDb::close);
            throw e;
        }
        stopped.await();
        return 0;
    }

    static String config(int port, int managerPort, List<LocalMariaDb> backends) {
        return """
                server: { bindAddress: 127.0.0.1, port: %d, managerPort: %d }
                users:
                  - { name: app, password: app, schemas: [shop] }
                  - { name: admin, password: admin, schemas: [], manager: true }
                dataHosts:
                  - { name: dh0, user: %s, password: '%s', members: ["127.0.0.1:%d"] }
                  - { name: dh1, user: %s, password: '%s', members: ["127.0.0.1:%d"] }
                dataNodes:
                  - { name: dn0, dataHost: dh0, database: shop_0 }
                  - { name: dn1, dataHost: dh1, database: shop_1 }
                functions:
                  - { name: by_id, type: hash-mod, count: 2 }
                schemas:
                  - name: shop
                    defaultDataNode: dn0
                    tables:
                      - { name: orders, dataNodes: "dn$0-1", shardColumn: id, function: by_id }
                """.formatted(port, managerPort,
                backends.get(0).user(), backends.get(0).password(), backends.get(0).port(),
                backends.get(1).user(), backends.get(1).password(), backends.get(1).port());
    }

    /** Through the proxy itself, so the demo data is placed by the same rules as anything typed later. */
    private static void loadSampleData(int port) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/shop?sslMode=DISABLED", "app", "app");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, "
                    + "amount DECIMAL(10,2) NOT NULL, status VARCHAR(16) NOT NULL, created DATE NOT NULL)");
            st.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, city VARCHAR(64))");
            st.execute("INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Grace', 'New York'), (3, 'Linus', 'Helsinki')");
            StringBuilder insert = new StringBuilder("INSERT INTO orders (id, customer_id, amount, status, created) VALUES ");
            for (int i = 1; i <= 20; i++) {
                insert.append(i == 1 ? "" : ", ").append('(').append(i).append(", ").append(1 + i % 3).append(", ")
                        .append(10 * i).append(".50, '").append(i % 4 == 0 ? "shipped" : "open").append("', '2026-11-")
                        .append(String.format("%02d", i)).append("')");
            }
            st.execute(insert.toString());
        }
    }

    private static int intOption(String[] args, String name, int otherwise) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return otherwise;
    }
}
