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
 * it, so rolling back to the savepoint rolls that node's whole transaction back (and gives its
 * connection back to the pool: the node rejoins when touched again). Rolling back to a savepoint
 * keeps it and deletes those set after it; releasing one deletes it and those after it, as InnoDB
 * does.
 *
 * <p>Not thread-safe: {@link SessionConnections} guards it.
 */
final class Transaction {

    private record Pinned(Lease lease, Set<String> savepoints) {
    }

    /** READ ONLY, READ WRITE, or null: the session's transaction_read_only. */
    private final Boolean readOnly;
    private final Map<String, Pinned> pinned = new LinkedHashMap<>();
    /** The client's savepoints, oldest first. */
    private final List<String> savepoints = new ArrayList<>();

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
    String startStatement() {
        return readOnly == null ? "START TRANSACTION" : readOnly ? "START TRANSACTION READ ONLY" : "START TRANSACTION READ WRITE";
    }

    void join(String node, Lease lease) {
        pinned.put(node, new Pinned(lease, new LinkedHashSet<>()));
    }

    void savepoint(String name) throws SQLException {
        String sql = "SAVEPOINT " + MysqlStrings.quoteIdentifier(name);
        for (Pinned p : pinned.values()) {
            execute(p.lease(), sql);
            p.savepoints().remove(name);
            p.savepoints().add(name);
        }
        savepoints.remove(name);
        savepoints.add(name);
    }

    void rollbackTo(String name) throws SQLException {
        int at = position(name);
        Iterator<Map.Entry<String, Pinned>> it = pinned.entrySet().iterator();
        while (it.hasNext()) {
            Pinned p = it.next().getValue();
            if (p.savepoints().contains(name)) {
                execute(p.lease(), "ROLLBACK TO SAVEPOINT " + MysqlStrings.quoteIdentifier(name));
                dropAfter(p.savepoints(), name, false);
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
        for (Pinned p : pinned.values()) {
            if (p.savepoints().contains(name)) {
                execute(p.lease(), "RELEASE SAVEPOINT " + MysqlStrings.quoteIdentifier(name));
                dropAfter(p.savepoints(), name, true);
            }
        }
        savepoints.subList(at, savepoints.size()).clear();
    }

    private int position(String name) {
        // Savepoint names compare case-insensitively, like other identifiers of no object.
        for (int i = 0; i < savepoints.size(); i++) {
            if (savepoints.get(i).equalsIgnoreCase(name)) {
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
