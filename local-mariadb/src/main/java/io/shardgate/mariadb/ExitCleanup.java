package io.shardgate.mariadb;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stops the servers this JVM started and deletes its temporary directories when the JVM exits, so
 * Ctrl-C of the demo or a test run that never reached {@code close()} leaves no {@code mariadbd} and no
 * temp directories behind.
 *
 * <p>This is JVM-wide state on purpose: a shutdown hook is JVM-wide. It only knows processes and
 * paths, so it cannot reach into a {@link LocalMariaDb} that another thread is starting or stopping.
 * A JVM killed with SIGKILL runs no hooks; its servers keep running until killed by hand.
 */
final class ExitCleanup {

    // Less than the 15 s of a normal stop: a hook that blocks too long gets the JVM killed by
    // whoever sent the signal (systemd, surefire), which would orphan the servers it is waiting for.
    private static final long GRACEFUL_STOP_MILLIS = 10_000;

    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();

    // guarded by ExitCleanup.class
    private static boolean hookInstalled;

    private ExitCleanup() {
    }

    static void stopAtExit(Process process) {
        installHook();
        PROCESSES.add(process);
    }

    static void forgetProcess(Process process) {
        PROCESSES.remove(process);
    }

    static void deleteAtExit(Path directory) {
        installHook();
        DIRECTORIES.add(directory);
    }

    static void forgetDirectory(Path directory) {
        DIRECTORIES.remove(directory);
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::run, "shardgate-mariadb-exit-cleanup"));
            hookInstalled = true;
        }
    }

    private static void run() {
        List<Process> running = List.copyOf(PROCESSES);
        // SIGTERM to all first so the servers shut down in parallel, not one after another.
        running.forEach(Process::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACEFUL_STOP_MILLIS);
        for (Process process : running) {
            try {
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
        for (Path directory : List.copyOf(DIRECTORIES)) {
            try {
                DirectoryTrees.delete(directory);
            } catch (UncheckedIOException e) {
                // Logging may already be shut down this late; stderr still works.
                System.err.println("shardgate: could not delete " + directory + ": " + e.getCause());
            }
        }
    }
}
