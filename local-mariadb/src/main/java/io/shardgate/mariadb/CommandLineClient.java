package io.shardgate.mariadb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs SQL through the {@code mariadb} command-line client over TCP, for setup where no JDBC driver is
 * on the classpath (the demo command).
 */
final class CommandLineClient {

    // Generous for bulk setup scripts, but bounded: a hung server must fail the caller, not hang it.
    private static final long TIMEOUT_MINUTES = 10;

    private final Path client;
    private final Path workDirectory;

    private CommandLineClient(Path client, Path workDirectory) {
        this.client = client;
        this.workDirectory = workDirectory;
    }

    /** The installation's client, keeping its temporary files in {@code workDirectory}. */
    static CommandLineClient of(MariaDbInstallation installation, Path workDirectory) {
        Path client = installation.client().orElseThrow(() -> new IllegalStateException(
                "running SQL needs the mariadb command-line client, which is not installed next to "
                        + installation.server() + "; install it with 'apt-get install -y mariadb-client'"));
        return new CommandLineClient(client, workDirectory);
    }

    /**
     * Runs the statements in order, stopping at the first error, and returns what they printed in batch
     * form: one line per row, tab-separated values, no column names.
     */
    String run(String host, int port, String user, String password, String sql) {
        List<String> command = List.of(
                client.toString(),
                "--no-defaults", // must come first: ~/.my.cnf must not change what runs
                "--protocol=TCP",
                "--host=" + host,
                "--port=" + port,
                "--user=" + user,
                "--default-character-set=utf8mb4",
                "--batch",
                "--skip-column-names");
        Path input = null;
        Path output = null;
        Path errors = null;
        Process process = null;
        try {
            // Files rather than pipes: nothing can block on a full pipe, and scripts of any size fit,
            // unlike -e whose argument the kernel caps at 128 KiB.
            input = Files.createTempFile(workDirectory, "client-", ".sql");
            output = Files.createTempFile(workDirectory, "client-", ".out");
            errors = Files.createTempFile(workDirectory, "client-", ".err");
            Files.writeString(input, sql, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(input.toFile())
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile());
            // The password goes in the environment, not the arguments, where ps would show it.
            builder.environment().put("MYSQL_PWD", password);
            process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("the mariadb client did not finish within " + TIMEOUT_MINUTES
                        + " minutes on " + host + ":" + port + " running:\n" + sql);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("SQL failed on " + host + ":" + port + ": "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip() + "\nwhile running:\n" + sql);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            return printed.endsWith("\n") ? printed.substring(0, printed.length() - 1) : printed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + client, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running SQL on " + host + ":" + port, e);
        } finally {
            deleteQuietly(input);
            deleteQuietly(output);
            deleteQuietly(errors);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the base directory is deleted on close anyway
            }
        }
    }
}
