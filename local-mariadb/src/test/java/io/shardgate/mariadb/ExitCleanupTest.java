package io.shardgate.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A JVM that exits without closing its servers, normally or on SIGTERM as on Ctrl-C, leaves nothing behind. */
class ExitCleanupTest {

    @ParameterizedTest
    @ValueSource(strings = {"exit", "terminated"})
    void aJvmThatEndsStopsItsServersAndDeletesItsDirectories(String ending, @TempDir Path tmp) throws Exception {
        Path javaTmp = Files.createDirectory(tmp.resolve("java-tmp"));
        Path childLog = tmp.resolve("child.log");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-Djava.io.tmpdir=" + javaTmp,
                "-cp", System.getProperty("java.class.path"), ChildJvm.class.getName(), ending)
                .redirectError(childLog.toFile())
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String started = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
            assertThat(started).as("child said (stderr in %s)", childLog).startsWith("pid=");
            long serverPid = Long.parseLong(started.substring("pid=".length()));
            assertThat(ProcessHandle.of(serverPid)).isPresent();
            try (Stream<Path> entries = Files.list(javaTmp)) {
                assertThat(entries.map(p -> p.getFileName().toString()).toList())
                        .anyMatch(name -> name.startsWith("shardgate-mariadb-template-"))
                        .anyMatch(name -> name.startsWith("shardgate-mariadb-") && !name.contains("template"));
            }

            if (ending.equals("terminated")) {
                child.destroy(); // SIGTERM, as Ctrl-C or a CI timeout would end it
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            try (Stream<Path> entries = Files.list(javaTmp)) {
                assertThat(entries.toList()).isEmpty();
            }
        } finally {
            child.destroyForcibly();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Run in a child JVM: starts a server, says its pid, then ends without closing it. */
    static final class ChildJvm {

        public static void main(String[] args) throws InterruptedException {
            LocalMariaDb db = LocalMariaDb.builder().start();
            System.out.println("pid=" + db.pid());
            System.out.flush();
            if (List.of(args).contains("terminated")) {
                Thread.sleep(60_000); // bounded: the parent terminates it long before
            }
        }
    }
}
