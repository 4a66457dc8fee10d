package io.shardgate.it;

import static io.shardgate.it.ClientScenarioCluster.NATIVE_PASSWORD;
import static io.shardgate.it.ClientScenarioCluster.NATIVE_USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.mariadb.LocalMariaDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mariadb-dump} of ShardGate's logical schema {@code shop}, restored with the {@code mariadb}
 * client into a plain MariaDB, and every row of the scenario's tables (the 20 MiB blob by its
 * length, SHA-256 and MD5 computed by each server) compared with what ShardGate returns.
 */
final class DumpRestore implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 120;

    private final int proxyPort;
    private final String prefix;
    private final LocalMariaDb plain;
    private int restores;

    DumpRestore(int proxyPort, String prefix) {
        this.proxyPort = proxyPort;
        this.prefix = prefix;
        this.plain = LocalMariaDb.builder().start();
    }

    /** Dumps with {@code --hex-blob --max-allowed-packet=64M} and {@code options}, restores, compares. */
    void dumpRestoreAndCompare(String... options) throws Exception {
        String dump = dump(options);
        assertThat(dump).as("the dump").contains("CREATE TABLE `" + prefix + "items`").contains("CREATE TABLE `" + prefix + "notes`")
                .contains("INSERT INTO `" + prefix + "items` VALUES").doesNotContain("shop_0").doesNotContain("shop_1");
        String database = "restore" + (++restores);
        plain.execute("CREATE DATABASE " + database);
        MariaDbCli.Run restore = MariaDbCli.script(plain.port(), plain.user(), plain.password(), database, dump,
                "--max-allowed-packet=64M");
        assertThat(restore.exitCode()).as("restoring the dump: " + restore.stderr()).isZero();
        try (Connection proxy = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + proxyPort + "/shop?sslMode=DISABLED",
                NATIVE_USER, NATIVE_PASSWORD);
             Connection restored = DriverManager.getConnection(plain.jdbcUrl(database) + "?sslMode=DISABLED",
                     plain.user(), plain.password())) {
            for (String sql : List.of(
                    "SELECT id, t, sm, i, bi, u, dc, f, d, dt, tm, ts, s, txt, HEX(bin), LENGTH(b), SHA2(b, 256), MD5(b)"
                            + " FROM " + prefix + "items ORDER BY id",
                    "SELECT id, body, HEX(body) FROM " + prefix + "notes ORDER BY id",
                    "SHOW CREATE TABLE " + prefix + "items", "SHOW CREATE TABLE " + prefix + "notes")) {
                List<List<String>> expected = ScenarioSql.rows(proxy, sql);
                assertThat(expected).as("rows through ShardGate: " + sql).isNotEmpty();
                assertThat(ScenarioSql.rows(restored, sql)).as("restored from a dump with " + List.of(options) + ": " + sql)
                        .isEqualTo(expected);
            }
        }
    }

    private String dump(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mariadb-dump", "--no-defaults", "-h127.0.0.1", "-P" + proxyPort,
                "-u" + NATIVE_USER, "--skip-ssl", "--hex-blob", "--max-allowed-packet=64M"));
        command.addAll(List.of(options));
        command.add("shop");
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("MYSQL_PWD", NATIVE_PASSWORD);
        Path out = Files.createTempFile("mariadb-dump", ".sql");
        Path err = Files.createTempFile("mariadb-dump", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("mariadb-dump did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("mariadb-dump " + List.of(options) + ": " + stderr).isZero();
            assertThat(stderr).as("mariadb-dump's warnings").isEmpty();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Override
    public void close() {
        plain.close();
    }
}
