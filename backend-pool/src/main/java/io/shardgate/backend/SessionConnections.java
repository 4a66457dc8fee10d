package io.shardgate.backend;

import io.shardgate.router.DataNode;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backend connections of one client session. Autocommit statements borrow a pooled
 * connection per statement. In a transaction (BEGIN, or autocommit off) each data node's
 * connection is pinned to the session until COMMIT or ROLLBACK, which go to every pinned
 * connection: atomic per shard, best effort across shards.
 *
 * <p>Parallel statements of one plan call {@link #acquire} from several virtual threads, so the
 * pinned map and flags are guarded by {@code this}.
 */
final class SessionConnections {

    private final DataSourceRegistry registry;
    private final ConnectionFlavor flavor;
    private final Map<String, Lease> pinned = new LinkedHashMap<>();
    private boolean autocommit = true;
    private boolean explicitTransaction;
    private boolean readOnly;

    SessionConnections(DataSourceRegistry registry, ConnectionFlavor flavor) {
        this.registry = registry;
        this.flavor = flavor;
    }

    Lease acquire(DataNode node) {
        synchronized (this) {
            if (inTransactionMode()) {
                Lease lease = pinned.get(node.name());
                if (lease == null) {
                    lease = open(node, true);
                    pinned.put(node.name(), lease);
                }
                return lease;
            }
        }
        return open(node, false);
    }

    private Lease open(DataNode node, boolean pin) {
        String member = registry.activeMember(node.dataHost()).toString();
        Connection c = null;
        try {
            c = registry.dataSource(node, flavor).getConnection();
            if (pin) {
                c.setAutoCommit(false);
                if (readOnly) {
                    c.setReadOnly(true);
                }
            }
            return new Lease(c, pin, member);
        } catch (SQLException e) {
            closeQuietly(c);
            throw BackendErrors.translate(e, node, member);
        }
    }

    synchronized boolean inTransaction() {
        return explicitTransaction || (!autocommit && !pinned.isEmpty());
    }

    private boolean inTransactionMode() {
        return explicitTransaction || !autocommit;
    }

    /** MariaDB commits an open transaction when a new one begins. */
    synchronized void begin(boolean readOnlyTransaction) {
        if (!pinned.isEmpty()) {
            finish(true);
        }
        explicitTransaction = true;
        readOnly = readOnlyTransaction;
    }

    synchronized void commit() {
        finish(true);
    }

    synchronized void rollback() {
        finish(false);
    }

    /** Turning autocommit on commits the open transaction, as in MariaDB. */
    synchronized void autocommit(boolean on) {
        if (on && !autocommit) {
            finish(true);
        }
        autocommit = on;
    }

    /**
     * Ends the transaction on every pinned connection, returning them to their pools. Every
     * connection is tried; failures are reported together with where the transaction did commit.
     */
    private void finish(boolean commit) {
        List<String> failed = new ArrayList<>();
        List<String> done = new ArrayList<>();
        SQLException first = null;
        for (Map.Entry<String, Lease> e : pinned.entrySet()) {
            Connection c = e.getValue().connection();
            try {
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
                c.setAutoCommit(true);
                c.setReadOnly(false);
                done.add(e.getKey());
            } catch (SQLException ex) {
                failed.add(e.getKey());
                first = first == null ? ex : first;
            } finally {
                closeQuietly(c);
            }
        }
        pinned.clear();
        explicitTransaction = false;
        readOnly = false;
        if (first != null) {
            String msg = (commit ? "COMMIT" : "ROLLBACK") + " failed on " + failed
                    + (done.isEmpty() ? "" : " (" + (commit ? "committed" : "rolled back") + " on " + done + ")")
                    + ": " + first.getMessage();
            throw new ShardGateException(ErrorCode.BACKEND_ERROR.number(),
                    first.getSQLState() == null ? "HY000" : first.getSQLState(), msg, first);
        }
    }

    /** Session end: an open transaction is rolled back, as when a client disconnects from MariaDB. */
    synchronized void close() {
        try {
            finish(false);
        } catch (ShardGateException ignored) {
            // the connections are closed either way; there is no client left to tell
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // evicted by the pool
            }
        }
    }
}
