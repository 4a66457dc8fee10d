package io.shardgate.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code mariadb} command-line client (and {@code mariadb-dump}), run against the proxy. */
final class MariaDbCli {

    /** What one run printed and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    private MariaDbCli() {
    }

    static Run run(int port, String user, String password, String database, String... extraArgs)
            throws IOException, InterruptedException {
        return launch("mariadb", port, user, password, database, null, extraArgs);
    }

    /** {@code mariadb-dump} of one database; the dump is the run's standard output. */
    static Run dump(int port, String user, String password, String database, String... extraArgs)
            throws IOException, InterruptedException {
        return launch("mariadb-dump", port, user, password, database, null, extraArgs);
    }

    /** Feeds {@code script} on standard input, as {@code mariadb < file.sql} does. */
    static Run script(int port, String user, String password, String database, String script, String... extraArgs)
            throws IOException, InterruptedException {
        return launch("mariadb", port, user, password, database, script, extraArgs);
    }

    private static Run launch(String program, int port, String user, String password, String database, String stdin,
                              String... extraArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(program, "--no-defaults", "-h127.0.0.1", "-P" + port, "-u" + user,
                "--skip-ssl"));
        if (program.equals("mariadb")) {
            cmd.add("--batch");
        }
        cmd.addAll(List.of(extraArgs));
        if (database != null) {
            cmd.add(database);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("MYSQL_PWD", password);
        // Output goes to files: a full pipe would block the client before it exits.
        java.nio.file.Path stdout = java.nio.file.Files.createTempFile("mariadb-cli", ".out");
        java.nio.file.Path stderr = java.nio.file.Files.createTempFile("mariadb-cli", ".err");
        java.nio.file.Path input = java.nio.file.Files.createTempFile("mariadb-cli", ".sql");
        try {
            java.nio.file.Files.writeString(input, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
            pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).redirectInput(input.toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(program + " did not finish: " + cmd);
            }
            return new Run(p.exitValue(), java.nio.file.Files.readString(stdout, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(stdout);
            java.nio.file.Files.deleteIfExists(stderr);
            java.nio.file.Files.deleteIfExists(input);
        }
    }

    /** Runs SQL given with -e. */
    static Run execute(int port, String user, String password, String database, String sql)
            throws IOException, InterruptedException {
        return run(port, user, password, database, "-e", sql);
    }
}
