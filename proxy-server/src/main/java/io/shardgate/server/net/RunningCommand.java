package io.shardgate.server.net;

/**
 * What a connection is doing, as SHOW @@CONNECTION and KILL see it: the command's text, and
 * whether a KILL QUERY has stopped it. The session thread starts and ends commands; other
 * sessions' threads read the state and kill.
 */
final class RunningCommand {

    private volatile String text = "";
    private volatile boolean running;
    private volatile boolean killed;

    /** A command begins: a KILL QUERY that came while the connection was idle has no effect on it, as in MariaDB. */
    void start(String description) {
        killed = false;
        text = description;
        running = true;
    }

    /** The command's text once known (the SQL of a COM_QUERY). */
    void describe(String description) {
        text = description;
    }

    void end() {
        running = false;
        text = "";
    }

    /** The running command, or "" when idle. */
    String text() {
        return text;
    }

    /** KILL QUERY: marks the running command as interrupted; false when there is none. */
    boolean kill() {
        if (!running) {
            return false;
        }
        killed = true;
        return true;
    }

    boolean killed() {
        return killed;
    }
}
