package io.shardgate.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/shardgate}, the launcher users run, started as a real child process.
 *
 * <p>The reactor has just packaged the distribution when failsafe runs, so the launcher is told not
 * to rebuild it ({@code SHARDGATE_SKIP_BUILD=1}): a source file edited during the run must not start
 * a nested Maven build.
 */
final class ShardGateCommand {

    /** What one run printed and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    private ShardGateCommand() {
    }

    /** The repository root, set by it-tests/pom.xml for failsafe. */
    static Path home() {
        String home = System.getProperty("shardgate.home");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("system property shardgate.home (the repository root) is not set;"
                    + " run the it-tests through Maven (failsafe sets it)");
        }
        return Path.of(home).toAbsolutePath().normalize();
    }

    static Path launcher() {
        return home().resolve("bin/shardgate");
    }

    /** {@code bin/shardgate args...} as a command line. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher().toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A process builder for {@code command}, run from the repository root with the environment the tests want. */
    static ProcessBuilder builder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(home().toFile());
        Map<String, String> env = pb.environment();
        env.put("SHARDGATE_SKIP_BUILD", "1");
        env.remove("SHARDGATE_JAVA_OPTS");
        return pb;
    }

    /** Runs {@code bin/shardgate args...} from the repository root, at most 60 s. */
    static Run run(String... args) throws IOException, InterruptedException {
        return run(builder(command(args)), Duration.ofSeconds(60));
    }

    /** Runs it to the end, at most {@code timeout}; stdin is empty. */
    static Run run(ProcessBuilder pb, Duration timeout) throws IOException, InterruptedException {
        // Output goes to files: a full pipe would block the child before it exits.
        Path stdout = Files.createTempFile("shardgate-cmd", ".out");
        Path stderr = Files.createTempFile("shardgate-cmd", ".err");
        try {
            Process p = pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(pb.command() + " did not finish within " + timeout + "; it printed:\n"
                        + Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** Distinct free loopback ports: all sockets are open at once, so the kernel cannot hand out one twice. */
    static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}
