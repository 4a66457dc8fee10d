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
        io.shardgate.config.HostPort member = registry.activeMember(node.dataHost());
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
            throw BackendErrors.translate(e, node, member.toString());
        }
    }

    /**
     * Connections for one statement that spans several data nodes and must apply everywhere or
     * nowhere: inside a transaction the pinned connections behind a savepoint; otherwise fresh
     * connections in a transaction of their own. {@link #endStatement} commits or undoes.
     */
    StatementScope beginStatement(List<DataNode> nodes) {
        Map<String, Lease> leases = new LinkedHashMap<>();
        boolean inTransaction;
        synchronized (this) {
            inTransaction = inTransactionMode();
        }
        try {
            for (DataNode n : nodes) {
                if (leases.containsKey(n.name())) {
                    continue;
                }
                Lease lease = inTransaction ? acquire(n) : openScoped(n);
                leases.put(n.name(), lease);
                if (inTransaction) {
                    try (java.sql.Statement st = lease.connection().createStatement()) {
                        st.execute("SAVEPOINT shardgate_statement");
                    }
                }
            }
            return new StatementScope(leases, inTransaction);
        } catch (SQLException e) {
            endStatement(new StatementScope(leases, inTransaction), false);
            throw BackendErrors.translate(e, nodes.getFirst(), "");
        } catch (RuntimeException e) {
            endStatement(new StatementScope(leases, inTransaction), false);
            throw e;
        }
    }

    /** The connections a multi-node statement runs on, by data node name. */
    record StatementScope(Map<String, Lease> leases, boolean insideTransaction) {
    }

    private Lease openScoped(DataNode node) {
        Lease lease = open(node, false);
        try {
            lease.connection().setAutoCommit(false);
        } catch (SQLException e) {
            lease.release();
            throw BackendErrors.translate(e, node, lease.member());
        }
        return new Lease(lease.connection(), true, lease.address());
    }

    /**
     * Ends a multi-node statement: on success its work stays (committed, or kept in the open
     * transaction); on failure it is undone on every node, as one MariaDB undoes a failed statement.
     */
    void endStatement(StatementScope scope, boolean success) {
        SQLException first = null;
        for (Lease lease : scope.leases().values()) {
            Connection c = lease.connection();
            try (java.sql.Statement st = c.createStatement()) {
                if (scope.insideTransaction()) {
                    st.execute(success ? "RELEASE SAVEPOINT shardgate_statement" : "ROLLBACK TO SAVEPOINT shardgate_statement");
                } else {
                    if (success) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                first = first == null ? e : first;
            } finally {
                if (!scope.insideTransaction()) {
                    closeQuietly(c);
                }
            }
        }
        if (first != null && success) {
            throw new ShardGateException(ErrorCode.BACKEND_ERROR.number(),
                    first.getSQLState() == null ? "HY000" : first.getSQLState(),
                    "the statement could not be committed on every data node: " + first.getMessage(), first);
        }
    }

    synchronized boolean inTransaction() {
        return explicitTransaction || (!autocommit && !pinned.isEmpty());
    }

    synchronized boolean pinsConnections() {
        return inTransactionMode();
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
