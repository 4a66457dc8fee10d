package io.shardgate.router.plan;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.result.MultiResult;
import io.shardgate.router.result.Result;
import java.util.List;

/**
 * Runs statements on data nodes for one client session. Implemented over JDBC by backend-pool;
 * the router never sees a connection.
 *
 * <p>Queries yield a {@link io.shardgate.router.result.RowStream} that streams from the backend
 * and must be closed; other statements an {@link io.shardgate.router.result.UpdateResult}. Backend
 * errors arrive as {@link io.shardgate.router.ShardGateException} with the backend's own error
 * number and SQLSTATE.
 */
public interface ShardExecutor {

    Result execute(ShardStatement statement);

    /**
     * Runs a statement that may return several results (a stored procedure's CALL) and yields them
     * one at a time. Executors that cannot say so refuse it.
     */
    default MultiResult executeMultiResults(ShardStatement statement) {
        throw ShardGateException.notSupported("statements with several results on this executor");
    }

    /** Runs the statements concurrently; every outcome is reported, failures included. */
    List<ShardOutcome> executeAll(List<ShardStatement> statements);

    /**
     * Like {@link #executeAll}, for one write that spans data nodes: if any statement fails, the
     * others are undone, so the write applies everywhere or nowhere (barring a failure while
     * committing).
     */
    List<ShardOutcome> executeAllAtomically(List<ShardStatement> statements);

    /**
     * Starts an explicit transaction: from now on each data node's connection is pinned. Other
     * data nodes join it when a statement first touches them.
     *
     * @param readOnly READ ONLY, READ WRITE, or null for the session's transaction_read_only
     * @param snapshot data nodes that join at once, each taking its snapshot now (START TRANSACTION
     *                 WITH CONSISTENT SNAPSHOT); empty for none
     */
    void begin(Boolean readOnly, List<String> snapshot);

    void commit();

    void rollback();

    /**
     * {@code SAVEPOINT name} in the open transaction: on every data node it has touched, and as
     * the starting point of nodes it touches later. Without a transaction it does nothing, as in
     * MariaDB with autocommit.
     */
    void savepoint(String name);

    /** {@code ROLLBACK TO SAVEPOINT name}; 1305 when there is no such savepoint. */
    void rollbackToSavepoint(String name);

    /** {@code RELEASE SAVEPOINT name}; 1305 when there is no such savepoint. */
    void releaseSavepoint(String name);

    /** Whether a transaction is open and read only (START TRANSACTION READ ONLY, or the session's mode). */
    boolean inReadOnlyTransaction();

    /** From now on statements run on backend connections carrying these session variables. */
    void settings(BackendSettings settings);

    /**
     * Sets a session variable on a backend connection (carrying the current settings), so the
     * backend checks the value as MariaDB does (errors and warnings are the backend's), and returns
     * the value as the backend reads it back: Long, BigDecimal, String or null.
     *
     * @param name     the backend's variable name
     * @param valueSql the value as SQL: a literal or {@code DEFAULT}
     */
    Object trySetting(String name, String valueSql);

    /** Mirrors the session's autocommit: when off, statements open a transaction implicitly. */
    void autocommit(boolean on);

    boolean inTransaction();

    /**
     * Whether statements now run on one connection per data node held by the session (a
     * transaction, or autocommit off): then at most one result may be open per node at a time.
     */
    boolean pinsConnections();
}
