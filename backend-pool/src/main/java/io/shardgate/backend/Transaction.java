package io.shardgate.backend;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.MysqlStrings;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client transaction across data nodes: a pinned connection per node it has touched, each in
 * a backend transaction of its own, and the client's savepoints.
 *
 * <p>A savepoint is set on every node touched so far. A node touched after it did nothing before
 * it, and rolling back to the savepoint undoes its work as one MariaDB treats a storage engine
 * the transaction had not used when the savepoint was set:
 * <ul>
 * <li>If the transaction had touched no node when the savepoint was set (MariaDB: InnoDB was not
 * yet part of it), the node's transaction is rolled back whole, its snapshot and locks gone, and
 * its connection goes back to the pool; the node rejoins when touched again.
 * <li>Otherwise (MariaDB: InnoDB was part of it, and stays so with its read view and locks) the
 * node's transaction goes on: when it joined it set a savepoint of its own ({@link #JOINED}), and
 * the rollback returns there. So mariadb-dump --single-transaction, which rolls back to a
 * savepoint after each table, keeps reading the snapshots it started with.
 * </ul>
 * Rolling back to a savepoint keeps it and deletes those set after it; releasing one deletes it
 * and those after it, as InnoDB does.
 *
 * <p>Not thread-safe: {@link SessionConnections} guards it.
 */
final class Transaction {

    /** The savepoint a node that joins after a client's savepoint sets first: its starting point. */
    static final String JOINED = "shardgate_joined";

    /** @param savepoints the client's savepoints set on this node, as the client's list spells them */
    private record Pinned(Lease lease, Set<String> savepoints) {
    }

    /** @param engaged whether the transaction had touched a node when the savepoint was set */
    private record Savepoint(String name, boolean engaged) {
    }

    /** READ ONLY, READ WRITE, or null: the session's transaction_read_only. */
    private final Boolean readOnly;
    private final Map<String, Pinned> pinned = new LinkedHashMap<>();
    /** The client's savepoints, oldest first. */
    private final List<Savepoint> savepoints = new ArrayList<>();

    Transaction(Boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** READ ONLY, READ WRITE, or null when the session's mode applies. */
    Boolean accessMode() {
        return readOnly;
    }

    boolean touchedAny() {
        return !pinned.isEmpty();
    }

    Lease lease(String node) {
        Pinned p = pinned.get(node);
        return p == null ? null : p.lease();
    }

    /** What starts the backend transaction of a node the transaction touches. */
    private String startStatement(boolean snapshot) {
        String start = readOnly == null ? "START TRANSACTION" : readOnly ? "START TRANSACTION READ ONLY" : "START TRANSACTION READ WRITE";
        return !snapshot ? start : readOnly == null ? start + " WITH CONSISTENT SNAPSHOT" : start + ", WITH CONSISTENT SNAPSHOT";
    }

    /** {@code node} joins: its backend transaction starts (with its snapshot taken now if {@code snapshot}). */
    void join(String node, Lease lease, boolean snapshot) throws SQLException {
        boolean mark = savepoints.stream().anyMatch(Savepoint::engaged);
        // A savepoint set before InnoDB takes part in the backend's transaction would, rolled back
        // to, roll InnoDB back whole; WITH CONSISTENT SNAPSHOT makes it take part at once.
        execute(lease, startStatement(snapshot || mark));
        if (mark) {
            execute(lease, "SAVEPOINT " + JOINED);
        }
        pinned.put(node, new Pinned(lease, new LinkedHashSet<>()));
    }

    void savepoint(String name) throws SQLException {
        String sql = "SAVEPOINT " + MysqlStrings.quoteIdentifier(name);
        Savepoint replaced = savepoints.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst().orElse(null);
        for (Pinned p : pinned.values()) {
            execute(p.lease(), sql);
            if (replaced != null) {
                p.savepoints().remove(replaced.name());
            }
            p.savepoints().add(name);
        }
        savepoints.remove(replaced);
        savepoints.add(new Savepoint(name, !pinned.isEmpty()));
    }

    void rollbackTo(String name) throws SQLException {
        int at = position(name);
        Savepoint target = savepoints.get(at);
        Iterator<Pinned> it = pinned.values().iterator();
        while (it.hasNext()) {
            Pinned p = it.next();
            if (p.savepoints().contains(target.name())) {
                execute(p.lease(), "ROLLBACK TO SAVEPOINT " + MysqlStrings.quoteIdentifier(name));
                dropAfter(p.savepoints(), target.name(), false);
            } else if (target.engaged()) {
                // It joined after the savepoint (so it set JOINED): all its work and savepoints are later.
                execute(p.lease(), "ROLLBACK TO SAVEPOINT " + JOINED);
                p.savepoints().clear();
            } else {
                execute(p.lease(), "ROLLBACK");
                p.lease().close();
                it.remove();
            }
        }
        savepoints.subList(at + 1, savepoints.size()).clear();
    }

    void release(String name) throws SQLException {
        int at = position(name);
        String spelled = savepoints.get(at).name();
        for (Pinned p : pinned.values()) {
            if (p.savepoints().contains(spelled)) {
                execute(p.lease(), "RELEASE SAVEPOINT " + MysqlStrings.quoteIdentifier(name));
                dropAfter(p.savepoints(), spelled, true);
            }
        }
        savepoints.subList(at, savepoints.size()).clear();
    }

    private int position(String name) {
        // Savepoint names compare case-insensitively, like other identifiers of no object.
        for (int i = 0; i < savepoints.size(); i++) {
            if (savepoints.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new ShardGateException(ErrorCode.NO_SUCH_SAVEPOINT, name);
    }

    private static void dropAfter(Set<String> set, String name, boolean inclusive) {
        boolean after = false;
        for (Iterator<String> it = set.iterator(); it.hasNext(); ) {
            String s = it.next();
            if (s.equalsIgnoreCase(name)) {
                after = true;
                if (inclusive) {
                    it.remove();
                }
            } else if (after) {
                it.remove();
            }
        }
    }

    /**
     * Ends the transaction on every node and gives the connections back. Every node is tried; a
     * connection whose COMMIT or ROLLBACK failed is discarded rather than pooled mid-transaction.
     * Failures are reported together with where the transaction did end.
     */
    void finish(boolean commit) {
        List<String> failed = new ArrayList<>();
        List<String> done = new ArrayList<>();
        SQLException first = null;
        for (Map.Entry<String, Pinned> e : pinned.entrySet()) {
            Lease lease = e.getValue().lease();
            try {
                execute(lease, commit ? "COMMIT" : "ROLLBACK");
                done.add(e.getKey());
                lease.close();
            } catch (SQLException ex) {
                failed.add(e.getKey());
                first = first == null ? ex : first;
                lease.discard();
            }
        }
        pinned.clear();
        savepoints.clear();
        if (first != null) {
            String msg = (commit ? "COMMIT" : "ROLLBACK") + " failed on " + failed
                    + (done.isEmpty() ? "" : " (" + (commit ? "committed" : "rolled back") + " on " + done + ")")
                    + ": " + first.getMessage();
            throw new ShardGateException(ErrorCode.BACKEND_ERROR.number(),
                    first.getSQLState() == null ? "HY000" : first.getSQLState(), msg, first);
        }
    }

    static void execute(Lease lease, String sql) throws SQLException {
        try (Statement st = lease.connection().createStatement()) {
            st.execute(sql);
        }
    }
}
