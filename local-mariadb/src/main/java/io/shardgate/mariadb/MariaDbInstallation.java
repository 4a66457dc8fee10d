package io.shardgate.mariadb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.concurrent.TimeUnit;

/**
 * The MariaDB programs of one local installation: the server, the data-directory initialiser and,
 * when installed, the command-line client.
 *
 * <p>When the system property {@value #HOME_PROPERTY} or the environment variable {@value #HOME_ENV}
 * names a directory, only that installation is searched (its root, {@code bin}, {@code sbin} and
 * {@code scripts}), so a configured installation is never silently replaced by another one. Otherwise
 * the {@code PATH}, {@code /usr/sbin}, {@code /usr/bin} and {@code /usr/local/mysql/bin} are searched.
 */
public final class MariaDbInstallation {

    public static final String HOME_PROPERTY = "shardgate.mariadb.home";
    public static final String HOME_ENV = "MARIADB_HOME";

    private static final List<String> SERVER_NAMES = List.of("mariadbd", "mysqld");
    private static final List<String> INSTALL_DB_NAMES = List.of("mariadb-install-db", "mysql_install_db");
    private static final List<String> CLIENT_NAMES = List.of("mariadb", "mysql");
    private static final List<String> HOME_SUBDIRECTORIES = List.of("", "bin", "sbin", "scripts");
    private static final List<String> STANDARD_DIRECTORIES = List.of("/usr/sbin", "/usr/bin", "/usr/local/mysql/bin");

    private final Path server;
    private final Path installDb;
    private final Optional<Path> client;
    private final Optional<Path> home;
    private volatile String version;

    private MariaDbInstallation(Path server, Path installDb, Optional<Path> client, Optional<Path> home) {
        this.server = server;
        this.installDb = installDb;
        this.client = client;
        this.home = home;
    }

    /**
     * Finds the installation as described in the class comment.
     *
     * @throws IllegalStateException naming what is missing, where it was looked for and what to install
     */
    public static MariaDbInstallation find() {
        String configuredHome = System.getProperty(HOME_PROPERTY);
        String homeSource = "system property " + HOME_PROPERTY;
        if (configuredHome == null || configuredHome.isBlank()) {
            configuredHome = System.getenv(HOME_ENV);
            homeSource = "environment variable " + HOME_ENV;
        }
        Optional<Path> home = configuredHome == null || configuredHome.isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(configuredHome).toAbsolutePath().normalize());
        SequencedSet<Path> directories = home.map(MariaDbInstallation::homeDirectories)
                .orElseGet(MariaDbInstallation::standardDirectories);

        Optional<Path> server = firstExecutable(directories, SERVER_NAMES);
        Optional<Path> installDb = firstExecutable(directories, INSTALL_DB_NAMES);
        if (server.isEmpty() || installDb.isEmpty()) {
            List<String> missing = new ArrayList<>();
            if (server.isEmpty()) {
                missing.add("the server (" + String.join(" or ", SERVER_NAMES) + ")");
            }
            if (installDb.isEmpty()) {
                missing.add("the data directory initialiser (" + String.join(" or ", INSTALL_DB_NAMES) + ")");
            }
            String where = home.isPresent()
                    ? "in " + home.get() + " (set by " + homeSource + ") and its bin, sbin and scripts directories"
                    : "in " + directories;
            throw new IllegalStateException("MariaDB is not installed: cannot find " + String.join(" and ", missing)
                    + " " + where + ". Install it with 'apt-get install -y mariadb-server mariadb-client' on"
                    + " Debian/Ubuntu, or point " + HOME_PROPERTY + " (system property) or " + HOME_ENV
                    + " (environment variable) at a MariaDB installation directory.");
        }
        return new MariaDbInstallation(server.get(), installDb.get(), firstExecutable(directories, CLIENT_NAMES), home);
    }

    /** The server program, {@code mariadbd} or {@code mysqld}. */
    public Path server() {
        return server;
    }

    /** The data directory initialiser, {@code mariadb-install-db} or {@code mysql_install_db}. */
    public Path installDb() {
        return installDb;
    }

    /** The command-line client, {@code mariadb} or {@code mysql}; Debian's server package depends on it. */
    public Optional<Path> client() {
        return client;
    }

    /** The configured installation directory, passed to the programs as {@code --basedir}. */
    Optional<Path> home() {
        return home;
    }

    /**
     * The server's version as it reports it, e.g. {@code 10.11.19-MariaDB-0+deb12u1}.
     *
     * @throws IllegalStateException when the server program does not run
     */
    public String version() {
        String known = version;
        if (known == null) {
            known = parseVersion(runVersionCommand());
            version = known;
        }
        return known;
    }

    @Override
    public String toString() {
        return "MariaDbInstallation[server=" + server + ", installDb=" + installDb
                + ", client=" + client.orElse(null) + "]";
    }

    private String runVersionCommand() {
        try {
            Process process = new ProcessBuilder(server.toString(), "--no-defaults", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(server + " --version did not finish within 10 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(server + " --version failed with exit code " + process.exitValue()
                        + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + server + " --version", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + server + " --version", e);
        }
    }

    // "/usr/sbin/mariadbd  Ver 10.11.19-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64 (Debian 12)"
    static String parseVersion(String versionOutput) {
        String[] words = versionOutput.strip().split("\\s+");
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("Ver")) {
                return words[i + 1];
            }
        }
        throw new IllegalStateException("unexpected output of --version: " + versionOutput);
    }

    private static SequencedSet<Path> homeDirectories(Path home) {
        SequencedSet<Path> directories = new LinkedHashSet<>();
        for (String subdirectory : HOME_SUBDIRECTORIES) {
            directories.add(home.resolve(subdirectory).normalize());
        }
        return directories;
    }

    private static SequencedSet<Path> standardDirectories() {
        SequencedSet<Path> directories = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    directories.add(Path.of(entry).toAbsolutePath().normalize());
                }
            }
        }
        STANDARD_DIRECTORIES.forEach(directory -> directories.add(Path.of(directory)));
        return directories;
    }

    // Names are tried in order over all directories, so mariadbd anywhere wins over the older mysqld name.
    private static Optional<Path> firstExecutable(SequencedSet<Path> directories, List<String> names) {
        for (String name : names) {
            for (Path directory : directories) {
                Path candidate = directory.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
