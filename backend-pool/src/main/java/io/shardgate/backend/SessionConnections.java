package io.shardgate.backend;

import io.shardgate.router.DataNode;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.plan.BackendSettings;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backend connections of one client session. Autocommit statements borrow a pooled
 * connection per statement. In a transaction (BEGIN, or autocommit off) each data node's
 * connection is pinned to the session until COMMIT or ROLLBACK ({@link Transaction}).
 *
 * <p>Every connection a statement gets carries the session's variables ({@link BackendSettings},
 * applied by {@link ConnectionSettings}). Backend transactions are started and ended with SQL
 * rather than Connector/J's autocommit switch, which costs a round trip more per transaction.
 *
 * <p>Parallel statements of one plan call {@link #acquire} from several virtual threads, so the
 * transaction and flags are guarded by {@code this}.
 */
final class SessionConnections {

    private static final String STATEMENT_SAVEPOINT = "SAVEPOINT shardgate_statement";

    private final DataSourceRegistry registry;
    private final ConnectionFlavor flavor;
    private volatile BackendSettings settings = BackendSettings.DEFAULTS;
    private boolean autocommit = true;
    private boolean explicitTransaction;
    /** The open transaction; with autocommit off one is always open, touching nodes as it goes. */
    private Transaction transaction;

    SessionConnections(DataSourceRegistry registry, ConnectionFlavor flavor) {
        this.registry = registry;
        this.flavor = flavor;
    }

    void settings(BackendSettings wanted) {
        settings = wanted;
    }

    Lease acquire(DataNode node) {
        synchronized (this) {
            if (transaction != null) {
                Lease lease = transaction.lease(node.name());
                if (lease == null) {
                    return join(node, false);
                }
                // The session may have changed a variable since the node joined.
                applySettings(lease, node);
                return lease;
            }
        }
        return open(node, false);
    }

    /** {@code node} joins the open transaction, taking its snapshot now if {@code snapshot}. */
    private Lease join(DataNode node, boolean snapshot) {
        Lease lease = open(node, true);
        try {
            transaction.join(node.name(), lease, snapshot);
        } catch (SQLException e) {
            lease.discard();
            throw BackendErrors.translate(e, node, lease.member());
        }
        return lease;
    }

    private Lease open(DataNode node, boolean pin) {
        Lease lease = registry.borrow(node, flavor, pin);
        applySettings(lease, node);
        return lease;
    }

    private void applySettings(Lease lease, DataNode node) {
        try {
            registry.settings().ensure(lease.connection(), settings);
        } catch (SQLException e) {
            lease.discard();
            throw BackendErrors.translate(e, node, lease.member());
        }
    }

    /**
     * A connection to check a SET on: the transaction's own for {@code node} when it holds one (a
     * SET starts no transaction), else a pooled one outside any transaction.
     */
    Lease forSetting(DataNode node) {
        synchronized (this) {
            Lease pinned = transaction == null ? null : transaction.lease(node.name());
            if (pinned != null) {
                applySettings(pinned, node);
                return pinned;
            }
        }
        return open(node, false);
    }

    /** After the session set {@code name} on {@code lease}'s connection itself, to check its value. */
    void recordSetting(Lease lease, String name, String literal) throws SQLException {
        registry.settings().record(lease.connection(), registry.settings().current(lease.connection()).with(name, literal));
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
            inTransaction = transaction != null;
        }
        try {
            for (DataNode n : nodes) {
                if (leases.containsKey(n.name())) {
                    continue;
                }
                Lease lease = inTransaction ? acquire(n) : openScoped(n);
                leases.put(n.name(), lease);
                if (inTransaction) {
                    Transaction.execute(lease, STATEMENT_SAVEPOINT);
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
            Transaction.execute(lease, "START TRANSACTION");
        } catch (SQLException e) {
            lease.discard();
            throw BackendErrors.translate(e, node, lease.member());
        }
        return lease.pinned(true);
    }

    /**
     * Ends a multi-node statement: on success its work stays (committed, or kept in the open
     * transaction); on failure it is undone on every node, as one MariaDB undoes a failed statement.
     */
    void endStatement(StatementScope scope, boolean success) {
        SQLException first = null;
        for (Lease lease : scope.leases().values()) {
            String sql = scope.insideTransaction()
                    ? (success ? "RELEASE SAVEPOINT shardgate_statement" : "ROLLBACK TO SAVEPOINT shardgate_statement")
                    : (success ? "COMMIT" : "ROLLBACK");
            try {
                Transaction.execute(lease, sql);
                if (!scope.insideTransaction()) {
                    lease.close();
                }
            } catch (SQLException e) {
                first = first == null ? e : first;
                if (!scope.insideTransaction()) {
                    lease.discard();
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
        return explicitTransaction || (transaction != null && transaction.touchedAny());
    }

    synchronized boolean inReadOnlyTransaction() {
        if (!inTransaction()) {
            return false;
        }
        Boolean mode = transaction.accessMode();
        return mode != null ? mode : "1".equals(settings.values().get(SESSION_READ_ONLY));
    }

    /** The backend variable that makes the session's transactions read only by default. */
    private static final String SESSION_READ_ONLY = "tx_read_only";

    synchronized boolean pinsConnections() {
        return transaction != null;
    }

    /**
     * MariaDB commits an open transaction when a new one begins. The {@code snapshot} nodes join at
     * once, one after the other: their snapshots are taken within moments of each other, but a
     * write committing meanwhile on two nodes may be in one's snapshot and not the other's.
     */
    synchronized void begin(Boolean readOnly, List<DataNode> snapshot) {
        if (transaction != null) {
            finish(true);
        }
        explicitTransaction = true;
        transaction = new Transaction(readOnly);
        for (DataNode node : snapshot) {
            if (transaction.lease(node.name()) == null) {
                join(node, true);
            }
        }
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
        if (!on && transaction == null) {
            transaction = new Transaction(null);
        }
    }

    synchronized void savepoint(String name) {
        if (transaction != null) {
            run(() -> transaction.savepoint(name));
        }
    }

    synchronized void rollbackToSavepoint(String name) {
        if (transaction == null) {
            throw new ShardGateException(ErrorCode.NO_SUCH_SAVEPOINT, name);
        }
        run(() -> transaction.rollbackTo(name));
    }

    synchronized void releaseSavepoint(String name) {
        if (transaction == null) {
            throw new ShardGateException(ErrorCode.NO_SUCH_SAVEPOINT, name);
        }
        run(() -> transaction.release(name));
    }

    private interface BackendWork {
        void run() throws SQLException;
    }

    private static void run(BackendWork work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw BackendErrors.translate(e);
        }
    }

    /** Ends the transaction on every pinned connection; with autocommit off the next one is open. */
    private void finish(boolean commit) {
        Transaction ending = transaction;
        explicitTransaction = false;
        transaction = autocommit ? null : new Transaction(null);
        if (ending != null) {
            ending.finish(commit);
        }
    }

    /** Session end: an open transaction is rolled back, as when a client disconnects from MariaDB. */
    synchronized void close() {
        autocommit = true;
        try {
            finish(false);
        } catch (ShardGateException ignored) {
            // the connections are closed either way; there is no client left to tell
        }
    }
}
