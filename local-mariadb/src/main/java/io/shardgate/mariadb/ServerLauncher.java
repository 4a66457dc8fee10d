package io.shardgate.mariadb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs one {@code mariadbd} process and waits until the account can log in. */
final class ServerLauncher {

    static final String HOST = "127.0.0.1";

    private static final long START_TIMEOUT_MILLIS = 30_000;
    private static final long KILL_TIMEOUT_MILLIS = 5_000;
    private static final int PROBE_TIMEOUT_MILLIS = 1_000;
    private static final long POLL_MILLIS = 20;

    private final ServerOptions options;
    private final InstanceFiles files;
    private final ServerLog serverLog;

    ServerLauncher(ServerOptions options, InstanceFiles files) {
        this.options = options;
        this.files = files;
        this.serverLog = new ServerLog(files.log());
    }

    ServerLog serverLog() {
        return serverLog;
    }

    /**
     * Creates the data and temporary directories on first use and (re)writes the init file that
     * creates the account.
     */
    void prepareFiles() {
        if (!Files.isDirectory(files.dataDir())) {
            DataDirTemplate.copyTo(options.installation(), files.dataDir());
        }
        String initSql = ServerCommand.initSql(options.user(), options.password());
        try {
            Files.createDirectories(files.tmpDir());
            Files.writeString(files.initFile(), initSql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + files.tmpDir() + " or " + files.initFile(), e);
        }
    }

    /**
     * Starts mariadbd on the port and returns it once the account logs in; empty if the server exited
     * because another process holds the port.
     *
     * @throws IllegalStateException when it fails otherwise or is not ready within 30 s; the process is
     *                               then killed and the message holds the end of its log
     */
    Optional<Process> launch(int port) {
        List<String> command = ServerCommand.arguments(options, files, port);
        long logOffset = serverLog.end();
        Process started;
        try {
            started = new ProcessBuilder(command)
                    .directory(files.baseDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
                    .start();
            started.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        }
        ExitCleanup.stopAtExit(started);
        try {
            if (awaitReady(started, port, logOffset, command)) {
                return Optional.of(started);
            }
            ExitCleanup.forgetProcess(started);
            return Optional.empty();
        } catch (RuntimeException e) {
            started.destroyForcibly();
            awaitExit(started, KILL_TIMEOUT_MILLIS);
            ExitCleanup.forgetProcess(started);
            throw e;
        }
    }

    private boolean awaitReady(Process started, int port, long logOffset, List<String> command) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        InetSocketAddress address = new InetSocketAddress(HOST, port);
        String where = "mariadbd on " + HOST + ":" + port + " (" + files.baseDir() + ")";
        String lastAttempt = "it has not logged 'ready for connections'";
        while (true) {
            if (!started.isAlive()) {
                if (serverLog.portInUseSince(logOffset)) {
                    return false;
                }
                throw new IllegalStateException(where + " exited with code " + started.exitValue()
                        + " while starting; command: " + String.join(" ", command) + "\n" + serverLog.tail());
            }
            // Probing only after our own server logged readiness: before that, a foreign server holding
            // the port could answer and pass for ours.
            if (serverLog.readySince(logOffset)) {
                AccountProbe.Result result = AccountProbe.login(
                        address, options.user(), options.password(), PROBE_TIMEOUT_MILLIS);
                switch (result.outcome()) {
                    case ACCEPTED -> {
                        return true;
                    }
                    case DENIED -> throw new IllegalStateException(where + " refused the account '" + options.user()
                            + "' that " + files.initFile() + " should have created: " + result.detail() + "\n"
                            + serverLog.tail());
                    case NOT_READY -> lastAttempt = result.detail();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(where + " was not ready for '" + options.user() + "' within "
                        + START_TIMEOUT_MILLIS + " ms (last attempt: " + lastAttempt + ")\n" + serverLog.tail());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + where + " to start", e);
            }
        }
    }

    /** Waits for the process to exit; false if it did not in time. */
    static boolean awaitExit(Process process, long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }
}
