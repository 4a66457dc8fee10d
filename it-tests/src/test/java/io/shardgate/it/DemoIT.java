package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/shardgate demo} as a user runs it: a real process with its own MariaDB servers, used
 * through Connector/J and the {@code mariadb} client, then stopped with SIGINT as Ctrl-C stops it,
 * after which no server and no file of it may be left.
 */
class DemoIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Pattern STARTED = Pattern.compile("started MariaDB \\S+ on 127\\.0\\.0\\.1:(\\d+) \\(data in (.+)\\)");

    /** One backend as the demo reports it. */
    private record Backend(int port, Path dataDir) {
    }

    @TempDir
    Path temp;

    private Process demo;
    private final List<ProcessHandle> descendants = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        if (demo != null && demo.isAlive()) {
            demo.toHandle().descendants().forEach(descendants::add); // the test may have failed before it looked
            demo.destroy(); // SIGTERM: the demo's shutdown hooks still stop its servers
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
                demo.waitFor(10, TimeUnit.SECONDS);
            }
        }
        // Only what the demo started: a SIGKILLed JVM runs no hooks and would orphan its servers.
        for (ProcessHandle p : descendants) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void servesTheSampleDataAndCtrlCStopsAndRemovesEverything() throws Exception {
        int[] ports = ShardGateCommand.freePorts(2);
        Path tmp = Files.createDirectory(temp.resolve("tmp"));
        Path log = temp.resolve("demo.out");
        // env --default-signal=INT: a non-interactive shell starts background jobs with SIGINT ignored,
        // and an ignored signal is inherited down to the demo's JVM, which then cannot catch it. A
        // terminal's Ctrl-C reaches a demo whose SIGINT is at its default, as restored here.
        List<String> command = Stream.concat(Stream.of("env", "--default-signal=INT"),
                ShardGateCommand.command("demo", "--port", Integer.toString(ports[0]),
                        "--manager-port", Integer.toString(ports[1])).stream()).toList();
        ProcessBuilder pb = ShardGateCommand.builder(command);
        // Its own temporary directory, so "nothing left behind" can be checked on all of it.
        pb.environment().put("SHARDGATE_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        demo = pb.redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();

        String output = awaitOutput(log, "Connect with", STARTUP);
        List<Backend> backends = backends(output);
        assertThat(backends).as(output).hasSize(2);
        backends.forEach(b -> assertThat(b.dataDir()).as(output).isDirectory().startsWith(tmp));
        demo.toHandle().descendants().forEach(descendants::add);
        List<ProcessHandle> servers = descendants.stream()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .toList();
        assertThat(servers).as("mariadbd children of the demo").hasSize(2);

        readsTheSampleDataWithConnectorJ(ports[0]);
        answersTheMariaDbClient(ports[0]);
        answersOnTheManagementPort(ports[1], backends);

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT sent").isTrue();
        boolean exited = demo.waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
        String all = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exited).as("demo exits within %s of SIGINT; it printed:%n%s", SHUTDOWN, all).isTrue();
        // 130 = 128 + SIGINT: how the JVM reports an exit on the signal, after its shutdown hooks ran.
        assertThat(demo.exitValue()).as(all).isIn(0, 130);
        awaitGone(servers, Duration.ofSeconds(10));
        assertThat(servers).as("mariadbd processes after the demo stopped").noneMatch(ProcessHandle::isAlive);
        backends.forEach(b -> assertThat(b.dataDir()).as(all).doesNotExist());
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("left in the demo's temporary directory").isEmpty();
        }
        assertThat(all).doesNotContain("could not delete");
    }

    private static void readsTheSampleDataWithConnectorJ(int port) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port
                + "/shop?sslMode=DISABLED&allowPublicKeyRetrieval=true", "app", "app");
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, status FROM orders WHERE id = 7")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("id")).isEqualTo(7);
                assertThat(rs.getString("status")).isEqualTo("open");
                assertThat(rs.next()).isFalse();
            }
            // Counted here: cross-shard aggregates are refused in this version.
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT id FROM orders")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            assertThat(ids).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
            try (ResultSet rs = st.executeQuery("SELECT name FROM customers WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Ada");
            }
        }
    }

    private static void answersTheMariaDbClient(int port) throws Exception {
        MariaDbCli.Run run = MariaDbCli.execute(port, "app", "app", "shop", "SELECT id FROM orders WHERE id IN (1,2)");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines).first().isEqualTo("id");
        assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrder("1", "2");
    }

    private static void answersOnTheManagementPort(int managerPort, List<Backend> backends) throws Exception {
        MariaDbCli.Run run = MariaDbCli.execute(managerPort, "admin", "admin", null, "show @@datanode");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout())
                .contains("dn0\tdh0\tshop_0\t127.0.0.1:" + backends.get(0).port())
                .contains("dn1\tdh1\tshop_1\t127.0.0.1:" + backends.get(1).port());
    }

    private static List<Backend> backends(String output) {
        List<Backend> backends = new ArrayList<>();
        Matcher m = STARTED.matcher(output);
        while (m.find()) {
            backends.add(new Backend(Integer.parseInt(m.group(1)), Path.of(m.group(2).strip())));
        }
        return backends;
    }

    /** Waits until the process has printed {@code marker}; fails early if it exits first. */
    private String awaitOutput(Path log, String marker, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (output.contains(marker)) {
                return output;
            }
            assertThat(demo.isAlive()).as("demo exited (code %s) before printing '%s'; it printed:%n%s",
                    demo.isAlive() ? "-" : demo.exitValue(), marker, output).isTrue();
            assertThat(System.nanoTime() - deadline < 0)
                    .as("demo did not print '%s' within %s; it printed:%n%s", marker, timeout, output).isTrue();
            Thread.sleep(POLL.toMillis());
        }
    }

    private static void awaitGone(List<ProcessHandle> processes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() - deadline < 0) {
            Thread.sleep(POLL.toMillis());
        }
    }
}
