package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared scenario ({@code it-tests/src/test/clients/SCENARIO.md}) run through ShardGate by
 * PyMySQL, Node mysql2 and PHP PDO_MySQL: each client's script under {@code
 * it-tests/src/test/clients/<language>/} as a child process, once per way of logging in. Every
 * step must print its {@code ok}; the run with the tables kept is then checked on the backends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalClientsIT {

    private static final List<String> STEPS = List.of("connect", "ddl", "prepared-types", "crud-sharded",
            "crud-unsharded", "blob", "utf8mb4", "transaction", "multi-statement", "metadata", "errors", "cleanup");
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    /** A client: its script, how to start it, and what to install when it is missing. */
    enum Client {
        // PyMySQL has no compressed protocol
        PYTHON("py_", "python", false, List.of("/usr/bin/python3", "scenario.py")),
        NODE("js_", "node", true, List.of("node", "scenario.js")),
        PHP("php_", "php", true, List.of("php", "-d", "memory_limit=512M", "scenario.php"));

        final String prefix;
        final String folder;
        final boolean compresses;
        final List<String> command;

        Client(String prefix, String folder, boolean compresses, List<String> command) {
            this.prefix = prefix;
            this.folder = folder;
            this.compresses = compresses;
            this.command = command;
        }

        Path directory() {
            return ShardGateCommand.home().resolve("it-tests/src/test/clients").resolve(folder);
        }

        /** Fails the test, naming the packages, when the client is not installed. */
        void requireInstalled() throws InterruptedException {
            switch (this) {
                // Debian's interpreter, not one on PATH (pyenv): the packages are Debian's
                case PYTHON -> ChildProcess.require(List.of("/usr/bin/python3", "-c", "import pymysql, cryptography"),
                        "PyMySQL needs Debian's python3 with python3-pymysql and python3-cryptography"
                                + " (apt-get install -y python3-pymysql python3-cryptography)");
                case NODE -> {
                    ChildProcess.require(List.of("node", "--version"), "Node.js is missing (apt-get install -y nodejs npm)");
                    ChildProcess.require(List.of("test", "-f", directory().resolve("node_modules/mysql2/package.json").toString()),
                            "mysql2 is not installed: run npm ci in " + directory());
                }
                case PHP -> ChildProcess.require(List.of("php", "-r", "exit(extension_loaded('pdo_mysql') ? 0 : 1);"),
                        "PHP with PDO_MySQL is missing (apt-get install -y php-cli php-mysql)");
            }
        }
    }

    /** How a run connects and logs in. */
    enum Login {
        /** mysql_native_password over plain TCP; the tables stay for the check on the backends. */
        NATIVE_TCP(false, false),
        /** mysql_native_password, the compressed protocol under TLS (clients that have it). */
        NATIVE_TLS_COMPRESSED(true, true),
        /** caching_sha2_password, first login of its user, over TLS: the clear password under TLS. */
        SHA2_TLS_FULL(true, false),
        /** caching_sha2_password, first login of its user, over plain TCP: the RSA-encrypted password. */
        SHA2_TCP_RSA(false, false),
        /** caching_sha2_password over plain TCP after an earlier login of the user: the fast path. */
        SHA2_TCP_FAST(false, false);

        final boolean tls;
        final boolean compress;

        Login(boolean tls, boolean compress) {
            this.tls = tls;
            this.compress = compress;
        }

        boolean isNative() {
            return name().startsWith("NATIVE");
        }

        String user(Client client) {
            return isNative() ? ClientScenarioCluster.NATIVE_USER : "sha2_" + client.prefix + name().toLowerCase(java.util.Locale.ROOT);
        }

        String password() {
            return isNative() ? ClientScenarioCluster.NATIVE_PASSWORD : ClientScenarioCluster.SHA2_PASSWORD;
        }
    }

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        List<String> sha2Users = new ArrayList<>();
        for (Client client : Client.values()) {
            for (Login login : Login.values()) {
                if (!login.isNative()) {
                    sha2Users.add(login.user(client));
                }
            }
        }
        cluster = ClientScenarioCluster.start(Stream.of(Client.values()).map(c -> c.prefix).toList(), sha2Users);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static Stream<Arguments> runs() {
        return Stream.of(Client.values()).flatMap(c -> Stream.of(Login.values())
                .filter(l -> c.compresses || !l.compress)
                .map(l -> Arguments.of(c, l)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void theScenarioPasses(Client client, Login login) throws Exception {
        client.requireInstalled();
        if (login == Login.SHA2_TCP_FAST) {
            // a full authentication (Connector/J, RSA) fills the proxy's cache for the user
            cluster.connect("shop", login.user(client), login.password()).close();
        }
        boolean keep = login == Login.NATIVE_TCP;
        Map<String, String> env = new HashMap<>();
        env.put("SG_PORT", Integer.toString(cluster.port()));
        env.put("SG_USER", login.user(client));
        env.put("SG_PASSWORD", login.password());
        env.put("SG_TLS", login.tls ? "1" : "0");
        env.put("SG_PREFIX", client.prefix);
        env.put("SG_KEEP", keep ? "1" : "0");
        env.put("SG_COMPRESS", login.compress ? "1" : "0");
        ChildProcess.Result run = ChildProcess.run(client.command, env, client.directory(), RUN_LIMIT);

        List<String> lines = run.output().lines().toList();
        assertThat(lines).as("the steps passed; the script printed:%n%s", run.output())
                .containsAll(STEPS.stream().map(s -> "ok " + s).toList());
        assertThat(run.exitCode()).as(run.output()).isZero();
        if (keep) {
            ScenarioPlacement.assertPlaced(cluster, client.prefix);
            dropThroughTheProxy(client.prefix);
        }
        assertNoTablesLeft(client.prefix);
    }

    private void dropThroughTheProxy(String prefix) throws Exception {
        try (Connection c = cluster.connect("shop", ClientScenarioCluster.NATIVE_USER, ClientScenarioCluster.NATIVE_PASSWORD);
             Statement st = c.createStatement()) {
            st.execute("DROP TABLE " + prefix + "items, " + prefix + "notes");
        }
    }

    private void assertNoTablesLeft(String prefix) throws Exception {
        for (int i = 0; i < 2; i++) {
            try (Connection c = cluster.direct(i, "shop_" + i)) {
                assertThat(ScenarioSql.column(c, "SHOW TABLES LIKE '" + prefix.replace("_", "\\_") + "%'")).as("tables left on shop_" + i)
                        .isEmpty();
            }
        }
    }
}
