package io.shardgate.mariadb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Fresh data directories made fast: {@code mariadb-install-db} runs once per JVM and installation into
 * a template that is then copied for every instance. A copy takes milliseconds where the installer
 * takes about a second; the template is deleted when the JVM exits.
 */
final class DataDirTemplate {

    private static final long INSTALL_TIMEOUT_SECONDS = 120;

    // guarded by DataDirTemplate.class; keyed by the installer, one template per installation
    private static final Map<Path, Path> TEMPLATES = new HashMap<>();

    private DataDirTemplate() {
    }

    /** Creates {@code dataDir}, which must not exist, as a copy of a freshly installed data directory. */
    static void copyTo(MariaDbInstallation installation, Path dataDir) {
        Path template = template(installation);
        // Copied beside it and renamed, so an interrupted copy never looks like a data directory.
        Path partial = dataDir.resolveSibling(dataDir.getFileName() + ".partial");
        DirectoryTrees.delete(partial);
        DirectoryTrees.copy(template, partial);
        try {
            Files.move(partial, dataDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + partial + " to " + dataDir, e);
        }
    }

    private static synchronized Path template(MariaDbInstallation installation) {
        Path existing = TEMPLATES.get(installation.installDb());
        if (existing != null && Files.isDirectory(existing)) {
            return existing;
        }
        Path root;
        try {
            root = Files.createTempDirectory("shardgate-mariadb-template-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the MariaDB template", e);
        }
        ExitCleanup.deleteAtExit(root);
        Path dataDir = root.resolve("data");
        install(installation, dataDir, root.resolve("install.log"));
        TEMPLATES.put(installation.installDb(), dataDir);
        return dataDir;
    }

    private static void install(MariaDbInstallation installation, Path dataDir, Path log) {
        List<String> command = new ArrayList<>();
        command.add(installation.installDb().toString());
        command.add("--no-defaults"); // must come first, or the script reads /etc/mysql/my.cnf
        installation.home().ifPresent(home -> command.add("--basedir=" + home));
        if (ServerCommand.runningAsRoot()) {
            command.add("--user=root");
        }
        command.add("--datadir=" + dataDir);
        command.add("--auth-root-authentication-method=normal");
        command.add("--skip-test-db");
        // no reverse lookup of this machine's host name, which fails on hosts without DNS for it
        command.add("--skip-name-resolve");
        // Passed through to the bootstrap server: the redo log is created at this size, so copies stay
        // small (8 MB instead of the 96 MB default) and the servers need not resize it when they start.
        command.add("--innodb-log-file-size=" + ServerCommand.INNODB_LOG_FILE_SIZE);
        command.add("--innodb-buffer-pool-size=" + ServerCommand.INNODB_BUFFER_POOL_SIZE);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("mariadb-install-db did not finish within " + INSTALL_TIMEOUT_SECONDS
                        + " s: " + String.join(" ", command) + "\n" + ServerLog.tail(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("mariadb-install-db failed with exit code " + process.exitValue() + ": "
                        + String.join(" ", command) + "\n" + ServerLog.tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running mariadb-install-db", e);
        }
    }
}
