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

    /** Starts an explicit transaction: from now on each data node's connection is pinned. */
    void begin(boolean readOnly);

    void commit();

    void rollback();

    /** Mirrors the session's autocommit: when off, statements open a transaction implicitly. */
    void autocommit(boolean on);

    boolean inTransaction();

    /**
     * Whether statements now run on one connection per data node held by the session (a
     * transaction, or autocommit off): then at most one result may be open per node at a time.
     */
    boolean pinsConnections();
}
