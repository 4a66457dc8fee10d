package io.shardgate.mariadb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run by this JVM as a child process on 127.0.0.1, for integration tests and the demo.
 *
 * <p>{@link #start()} creates the data directory on first use and waits until the account can log in;
 * {@link #stop()} shuts the server down gracefully and {@link #kill()} like {@code kill -9}. Both keep the
 * data directory and the port, so a later {@code start()} brings the same server back. {@link #close()}
 * stops it and deletes its base directory. Servers still running when the JVM exits are stopped, and
 * temporary base directories deleted, by a shutdown hook.
 *
 * <p>Thread-safe; instances are independent, so many can run side by side.
 */
public final class LocalMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMariaDb.class);

    private static final String HOST = ServerLauncher.HOST;
    private static final long STOP_TIMEOUT_MILLIS = 15_000;
    private static final long KILL_TIMEOUT_MILLIS = 5_000;
    // A port found free can be taken by another process before the server binds it.
    private static final int PORT_ATTEMPTS = 5;
    // Default server ids are unique within the JVM: replicas silently skip events carrying their own id.
    private static final AtomicInteger NEXT_SERVER_ID = new AtomicInteger(1);

    private final ServerOptions options;
    private final InstanceFiles files;
    private final ServerLauncher launcher;
    private final boolean temporaryBaseDir;

    // written under this, read without it: accessors must not wait for a start in progress
    private volatile int port;
    private volatile Process process;
    private volatile boolean closed;

    private LocalMariaDb(ServerOptions options) {
        this.options = options;
        this.temporaryBaseDir = options.baseDirectory().isEmpty();
        Path baseDir;
        try {
            baseDir = temporaryBaseDir
                    ? Files.createTempDirectory("shardgate-mariadb-")
                    : Files.createDirectories(options.baseDirectory().get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the base directory for a local MariaDB", e);
        }
        this.files = new InstanceFiles(baseDir);
        this.launcher = new ServerLauncher(options, files);
        this.port = options.port();
        if (temporaryBaseDir) {
            ExitCleanup.deleteAtExit(files.baseDir());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server and returns once the account can log in over TCP.
     *
     * @throws IllegalStateException if it is running or closed, or did not come up within 30 s; the
     *                               message then holds the end of the server's log
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("closed: " + this);
        }
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running: " + this);
        }
        forgetProcess();
        long began = System.nanoTime();
        launcher.prepareFiles();
        // Only a port never used before may change: a restart must come back where clients expect it.
        boolean mayChangePort = port == 0;
        for (int attempt = 1; ; attempt++) {
            int candidate = mayChangePort ? ServerLauncher.freeLoopbackPort() : port;
            Optional<Process> started = launcher.launch(candidate);
            if (started.isPresent()) {
                process = started.get();
                port = candidate;
                break;
            }
            if (!mayChangePort || attempt == PORT_ATTEMPTS) {
                throw new IllegalStateException("port " + candidate + " is used by another process; mariadbd could"
                        + " not listen on it (attempt " + attempt + "): " + this + "\n" + launcher.serverLog().tail());
            }
            log.debug("Port {} was taken before mariadbd could bind it; trying another", candidate);
        }
        log.info("MariaDB server {} ready on {}:{} (pid {}, {}) in {} ms", options.serverId(), HOST, port,
                process.pid(), files.baseDir(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    /** Shuts the server down with SIGTERM, forcibly after 15 s. Keeps data and port; a no-op when stopped. */
    public synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy(); // SIGTERM: mariadbd shuts down cleanly
        if (!ServerLauncher.awaitExit(running, STOP_TIMEOUT_MILLIS)) {
            log.warn("MariaDB server on port {} did not stop within {} ms; killing it", port, STOP_TIMEOUT_MILLIS);
            running.destroyForcibly();
            ServerLauncher.awaitExit(running, KILL_TIMEOUT_MILLIS);
        }
        forgetProcess();
    }

    /**
     * Kills the server at once with SIGKILL, as a crash would; a later {@link #start()} runs crash
     * recovery on the same data directory. A no-op when stopped.
     */
    public synchronized void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroyForcibly();
        if (!ServerLauncher.awaitExit(running, KILL_TIMEOUT_MILLIS)) {
            throw new IllegalStateException("mariadbd pid " + running.pid() + " survived SIGKILL for "
                    + KILL_TIMEOUT_MILLIS + " ms");
        }
        forgetProcess();
    }

    /** Stops the server and deletes the base directory, also one given to the builder. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        DirectoryTrees.delete(files.baseDir());
        ExitCleanup.forgetDirectory(files.baseDir());
    }

    /** Whether the server process this instance started is alive; false after a crash, too. */
    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    public String host() {
        return HOST;
    }

    /** The TCP port, fixed by the first {@link #start()} when the builder asked for any free one. */
    public int port() {
        int known = port;
        if (known == 0) {
            throw new IllegalStateException("the port is picked by the first start(): " + this);
        }
        return known;
    }

    public String user() {
        return options.user();
    }

    public String password() {
        return options.password();
    }

    public int serverId() {
        return options.serverId();
    }

    public Path baseDir() {
        return files.baseDir();
    }

    public Path dataDir() {
        return files.dataDir();
    }

    /** The server's error log; it also holds its output and survives restarts. */
    public Path logFile() {
        return files.log();
    }

    /** The process id of the server this instance started, while it is running or after it crashed. */
    public long pid() {
        Process running = process;
        if (running == null) {
            throw new IllegalStateException("not running: " + this);
        }
        return running.pid();
    }

    /** {@code jdbc:mysql://127.0.0.1:PORT/DATABASE}; an empty or null database connects without one. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + HOST + ":" + port() + "/" + (database == null ? "" : database);
    }

    /**
     * Runs statements as the account with the {@code mariadb} command-line client, stopping at the first
     * error. Each argument is one statement; a trailing semicolon is optional.
     *
     * @return the output: one line per row, tab-separated values, no column names
     * @throws IllegalStateException with the client's error message when a statement fails
     */
    public String execute(String... statements) {
        if (!isRunning()) {
            throw new IllegalStateException("not running: " + this);
        }
        StringBuilder script = new StringBuilder();
        for (String statement : statements) {
            String trimmed = statement.strip();
            script.append(trimmed).append(trimmed.endsWith(";") ? "\n" : ";\n");
        }
        return CommandLineClient.of(options.installation(), files.baseDir())
                .run(HOST, port(), user(), password(), script.toString());
    }

    @Override
    public String toString() {
        String state = closed ? "closed" : isRunning() ? "running" : "stopped";
        return "LocalMariaDb[server " + options.serverId() + ", " + HOST + ":" + (port == 0 ? "?" : port) + ", "
                + state + ", " + files.baseDir() + "]";
    }

    private void forgetProcess() {
        Process previous = process;
        if (previous != null) {
            ExitCleanup.forgetProcess(previous);
            process = null;
        }
    }

    /** Options of a {@link LocalMariaDb}; every one has a default suitable for tests. */
    public static final class Builder {

        private MariaDbInstallation installation;
        private int serverId;
        private boolean binlog;
        private final List<String> extraOptions = new ArrayList<>();
        private String user = "test";
        private String password = "test";
        private Path baseDirectory;
        private int port;

        private Builder() {
        }

        /** Default: {@link MariaDbInstallation#find()}. */
        public Builder installation(MariaDbInstallation installation) {
            this.installation = installation;
            return this;
        }

        /** Default: a number not used by another instance of this JVM, counting from 1. */
        public Builder serverId(int serverId) {
            this.serverId = serverId;
            return this;
        }

        /**
         * Whether the server writes a binary log with GTIDs, as a master or a standby of GTID replication
         * needs: {@code --log-bin --log-slave-updates --binlog-format=ROW --gtid-strict-mode}. Default off.
         */
        public Builder binlog(boolean binlog) {
            this.binlog = binlog;
            return this;
        }

        /** Adds mariadbd options such as {@code --max-connections=77}; they override ShardGate's defaults. */
        public Builder option(String... mariadbdOptions) {
            extraOptions.addAll(List.of(mariadbdOptions));
            return this;
        }

        /** The account created with all privileges, reachable from any host. Default {@code test}/{@code test}. */
        public Builder account(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** The directory the instance owns and {@link #close()} deletes. Default: a fresh temporary one. */
        public Builder baseDirectory(Path baseDirectory) {
            this.baseDirectory = baseDirectory;
            return this;
        }

        /** The TCP port on 127.0.0.1. Default 0: a free port picked at the first start. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** An instance that is not started yet. */
        public LocalMariaDb build() {
            MariaDbInstallation chosen = installation != null ? installation : MariaDbInstallation.find();
            int id = serverId != 0 ? serverId : NEXT_SERVER_ID.getAndIncrement();
            return new LocalMariaDb(new ServerOptions(
                    chosen, id, binlog, extraOptions, user, password, Optional.ofNullable(baseDirectory), port));
        }

        /**
         * Builds and starts an instance. If it fails to start, a temporary base directory is deleted again;
         * one given to {@link #baseDirectory} is kept, as it may hold data and now holds the server's log.
         */
        public LocalMariaDb start() {
            LocalMariaDb instance = build();
            try {
                instance.start();
            } catch (RuntimeException e) {
                try {
                    if (instance.temporaryBaseDir) {
                        instance.close();
                    } else {
                        instance.stop();
                    }
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            return instance;
        }
    }
}
