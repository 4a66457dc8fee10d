package io.shardgate.it;

import static io.shardgate.it.ClientScenarioCluster.NATIVE_PASSWORD;
import static io.shardgate.it.ClientScenarioCluster.NATIVE_USER;
import static io.shardgate.it.ClientScenarioCluster.SHA2_PASSWORD;
import static io.shardgate.it.ClientScenarioCluster.SHA2_USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client compatibility matrix of issue 4 for the JVM drivers and the MariaDB command-line
 * tools: the shared scenario ({@code it-tests/src/test/clients/SCENARIO.md}) through MySQL
 * Connector/J in each configuration the issue names, MariaDB Connector/J, the {@code mariadb}
 * client, and a {@code mariadb-dump} of the logical schema restored into a plain MariaDB. Every
 * case keeps its tables, so the test then checks the rows on the backends directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientMatrixIT {

    /**
     * One JDBC configuration: the driver ({@code mysql} or {@code mariadb}), user, TLS, URL options.
     * A user other than {@code native} and {@code sha2} is a caching_sha2_password user of the case's
     * own, whose login is therefore a full authentication (TLS or RSA), not the fast path.
     */
    record JdbcCase(String name, String prefix, String driver, String user, boolean tls, String options,
                    boolean batched) {
        @Override
        public String toString() {
            return name;
        }

        boolean sha2() {
            return !user.equals(NATIVE_USER);
        }
    }

    private static final List<JdbcCase> JDBC = List.of(
            mysql("cj_text_", NATIVE_USER, false, "useServerPrepStmts=false"),
            mysql("cj_text_sha2_tls_", "sha2_cj_tls", true, "useServerPrepStmts=false"),
            mysql("cj_text_sha2_rsa_", "sha2_cj_rsa", false, "useServerPrepStmts=false"),
            mysql("cj_server_", NATIVE_USER, false, "useServerPrepStmts=true"),
            mysql("cj_server_sha2_tls_", SHA2_USER, true, "useServerPrepStmts=true"),
            mysql("cj_cached_", NATIVE_USER, false, "useServerPrepStmts=true&cachePrepStmts=true"),
            mysql("cj_cached_sha2_tls_", SHA2_USER, true, "useServerPrepStmts=true&cachePrepStmts=true"),
            batched(mysql("cj_rewrite_", NATIVE_USER, false, "rewriteBatchedStatements=true")),
            batched(mysql("cj_rewrite_sha2_tls_", SHA2_USER, true, "rewriteBatchedStatements=true")),
            mysql("cj_zip_", NATIVE_USER, false, "useCompression=true"),
            mysql("cj_zip_sha2_tls_", SHA2_USER, true, "useCompression=true"),
            mysql("cj_tls_", NATIVE_USER, true, ""),
            mariadb("md_text_", NATIVE_USER, false, "useServerPrepStmts=false"),
            mariadb("md_text_sha2_tls_", "sha2_md_tls", true, "useServerPrepStmts=false"),
            mariadb("md_server_", NATIVE_USER, true, "useServerPrepStmts=true"),
            mariadb("md_server_sha2_rsa_", "sha2_md_rsa", false, "useServerPrepStmts=true"));

    private static JdbcCase mysql(String prefix, String user, boolean tls, String options) {
        return new JdbcCase("Connector/J " + (options.isEmpty() ? "sslMode=REQUIRED" : options) + describe(user, tls),
                prefix, "mysql", user, tls, options, false);
    }

    private static JdbcCase mariadb(String prefix, String user, boolean tls, String options) {
        return new JdbcCase("MariaDB Connector/J " + options + describe(user, tls), prefix, "mariadb", user, tls, options,
                false);
    }

    private static String describe(String user, boolean tls) {
        String login = user.equals(NATIVE_USER) ? "native" : user.equals(SHA2_USER) ? "sha2"
                : tls ? "sha2 full authentication" : "sha2 full authentication with RSA";
        return ", " + login + (tls ? ", TLS" : ", plain TCP");
    }

    private static JdbcCase batched(JdbcCase c) {
        return new JdbcCase(c.name(), c.prefix(), c.driver(), c.user(), c.tls(), c.options(), true);
    }

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        List<String> prefixes = Stream.concat(JDBC.stream().map(JdbcCase::prefix), CliScenario.PREFIXES.stream()).toList();
        List<String> ownUsers = Stream.concat(JDBC.stream().map(JdbcCase::user), CliScenario.CASES.stream().map(CliScenario.CliCase::user))
                .filter(u -> !u.equals(NATIVE_USER) && !u.equals(SHA2_USER)).toList();
        cluster = ClientScenarioCluster.start(prefixes, ownUsers);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static Stream<JdbcCase> jdbcCases() {
        return JDBC.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdbcCases")
    void jdbcDriver(JdbcCase c) throws Exception {
        ClientScenario.Settings settings = new ClientScenario.Settings(c.prefix(), c.user(), c.tls(),
                c.options().contains("useCompression=true"), c.batched(), c.driver().equals("mysql"), true);
        try {
            if (c.batched() && !c.tls()) {
                // Plain TCP: a relay in front of the proxy shows the statements the driver sent.
                try (WireTap tap = new WireTap(cluster.port())) {
                    assertThat(new ClientScenario(() -> open(c, tap.port()), settings).run()).isEqualTo(okLines());
                    ScenarioPlacement.assertRewrittenBatches(tap.queries(), c.prefix());
                    updateBatchAsOneMultiStatement(c, tap);
                }
            } else {
                assertThat(new ClientScenario(() -> open(c, cluster.port()), settings).run()).isEqualTo(okLines());
            }
            ScenarioPlacement.assertPlaced(cluster, c.prefix());
        } finally {
            drop(c.prefix());
        }
    }

    /**
     * Connector/J sends a batch of more than three prepared statements that are no INSERT as one
     * multi-statement (the scenario's batches are INSERTs, rewritten into multi-row ones): the
     * proxy must give each statement's update count back in order.
     */
    private static void updateBatchAsOneMultiStatement(JdbcCase c, WireTap tap) throws SQLException {
        String update = "UPDATE " + c.prefix() + "items SET txt = ? WHERE id = ?";
        try (Connection connection = open(c, tap.port()); var ps = connection.prepareStatement(update)) {
            for (long id : new long[] {1, 2, 3, 4, 5}) {
                ps.setString(1, "batched " + id);
                ps.setLong(2, id);
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).as("update counts; id 5 was deleted").containsExactly(1, 1, 1, 1, 0);
        }
        String expected = "UPDATE " + c.prefix() + "items SET txt = 'batched 1' WHERE id = 1;UPDATE " + c.prefix()
                + "items SET txt = 'batched 2' WHERE id = 2;";
        assertThat(tap.queries()).as("one multi-statement").anySatisfy(q -> assertThat(q).startsWith(expected)
                .endsWith("WHERE id = 5"));
    }

    static List<String> okLines() {
        return ClientScenario.STEPS.stream().map(s -> "ok " + s).toList();
    }

    private static Connection open(JdbcCase c, int port) throws SQLException {
        StringBuilder options = new StringBuilder("allowMultiQueries=true");
        boolean sha2 = c.sha2();
        if (c.driver().equals("mysql")) {
            options.append(c.tls() ? "&sslMode=REQUIRED" : "&sslMode=DISABLED");
        } else if (c.tls()) {
            options.append("&sslMode=trust");
        }
        if (sha2 && !c.tls()) {
            options.append("&allowPublicKeyRetrieval=true");
        }
        if (!c.options().isEmpty()) {
            options.append('&').append(c.options());
        }
        return DriverManager.getConnection("jdbc:" + c.driver() + "://127.0.0.1:" + port + "/shop?" + options, c.user(),
                sha2 ? SHA2_PASSWORD : NATIVE_PASSWORD);
    }

    static Stream<CliScenario.CliCase> cliCases() {
        return CliScenario.CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cliCases")
    void mariadbCli(CliScenario.CliCase c) throws Exception {
        try {
            assertThat(CliScenario.run(cluster.port(), c, true)).isEqualTo(okLines());
            ScenarioPlacement.assertPlaced(cluster, c.prefix());
        } finally {
            drop(c.prefix());
        }
    }

    @Test
    void mariadbDumpOfTheLogicalSchemaRestoresIntoPlainMariaDb() throws Exception {
        String prefix = CliScenario.DUMP.prefix();
        try {
            assertThat(CliScenario.run(cluster.port(), CliScenario.DUMP, true)).isEqualTo(okLines());
            try (var restore = new DumpRestore(cluster.port(), prefix)) {
                restore.dumpRestoreAndCompare("--single-transaction");
                restore.dumpRestoreAndCompare("--skip-lock-tables");
            }
            ScenarioPlacement.assertPlaced(cluster, prefix);
        } finally {
            drop(prefix);
        }
    }

    /**
     * The CLI's expected output is a plain MariaDB 10.11's: the same script run there passes every
     * step but the one where ShardGate refuses the cross-shard window function MariaDB runs.
     */
    @Test
    void mariadbCliExpectationsAreMariaDbsOwnOutput() throws Exception {
        try (var plain = io.shardgate.mariadb.LocalMariaDb.builder().start()) {
            plain.execute("CREATE DATABASE shop");
            List<String> lines = CliScenario.run(plain.port(), CliScenario.CASES.getFirst(), plain.user(), plain.password(),
                    false);
            assertThat(lines).isEqualTo(okLines().stream().map(l -> !l.equals("ok errors") ? l
                    : "FAILED errors: line 9: expected 'usable', got 'id\tROW_NUMBER() OVER (ORDER BY id)'").toList());
        }
    }

    /**
     * Why the Connector/J cases expect DATETIME parameters without their microseconds: the driver
     * drops them against MariaDB itself, whose greeting it reads as version 5.5.5. When this fails,
     * a Connector/J release sends them and the scenario should expect them again.
     */
    @Test
    void connectorJDropsMicrosecondsOfParametersAgainstMariaDbItself() throws Exception {
        try (var plain = io.shardgate.mariadb.LocalMariaDb.builder().start()) {
            plain.execute("CREATE DATABASE t", "CREATE TABLE t.ts (id INT PRIMARY KEY, ts DATETIME(6))");
            for (String prepare : List.of("useServerPrepStmts=false", "useServerPrepStmts=true")) {
                try (Connection c = DriverManager.getConnection(plain.jdbcUrl("t") + "?sslMode=DISABLED&" + prepare,
                        plain.user(), plain.password());
                     var ps = c.prepareStatement("REPLACE INTO ts VALUES (1, ?)")) {
                    ps.setObject(1, java.time.LocalDateTime.of(2026, 11, 21, 12, 34, 56, 789_012_000));
                    ps.executeUpdate();
                    assertThat(ScenarioSql.single(c, "SELECT CAST(ts AS CHAR) FROM ts")).as(prepare).isEqualTo("2026-11-21 12:34:56.000000");
                }
            }
        }
    }

    /** Drops a case's tables through the proxy, also after a failure, so later cases see only their own. */
    private void drop(String prefix) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + cluster.port()
                + "/shop?sslMode=DISABLED", NATIVE_USER, NATIVE_PASSWORD); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + prefix + "items, " + prefix + "notes");
        }
    }
}
