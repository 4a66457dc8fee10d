package io.shardgate.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program outside the JVM (a client script, sysbench) run to its end in bounded time, its
 * standard output and error together, as the test shows them when it fails.
 */
final class ChildProcess {

    /** How a run ended and everything it printed. */
    record Result(int exitCode, String output) {
    }

    private ChildProcess() {
    }

    /**
     * @param env   variables added to this JVM's environment
     * @param limit the run is killed past it, and the test fails showing what it printed until then
     */
    static Result run(List<String> command, Map<String, String> env, Path directory, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        // a file, not a pipe: a full pipe would block the program before it ends
        Path output = Files.createTempFile("child-process", ".out");
        try {
            Process p = pb.redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("%s did not end within %s; it printed:%n%s", command, limit, read(output));
            }
            return new Result(p.exitValue(), read(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Fails the test, naming what to install, unless {@code probe} runs and exits with 0: a client
     * missing from the machine is a failure of the test set-up, never a silent skip.
     */
    static void require(List<String> probe, String missing) throws InterruptedException {
        Result r;
        try {
            r = run(probe, Map.of(), Path.of("."), Duration.ofSeconds(30));
        } catch (IOException e) {
            r = new Result(-1, e.getMessage());
        }
        if (r.exitCode() != 0) {
            fail("%s (scripts/test installs it on Debian/Ubuntu); %s gave:%n%s", missing, probe, r.output());
        }
    }

    private static String read(Path file) throws IOException {
        // not Files.readString, which refuses bytes that are no UTF-8
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
