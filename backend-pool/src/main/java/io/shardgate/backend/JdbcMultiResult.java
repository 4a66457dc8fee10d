package io.shardgate.backend;

import com.mysql.cj.jdbc.StatementImpl;
import io.shardgate.router.DataNode;
import io.shardgate.router.result.MultiResult;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The results of one statement that returns several (a CALL), read in turn from Connector/J:
 * each result set streams like any other; the statement, its running registration and its lease
 * end with the last result or {@link #close()}.
 */
final class JdbcMultiResult implements MultiResult {

    private final Statement statement;
    private final Lease lease;
    private final DataNode node;
    private final RunningStatements.Running running;
    /** Whether the first result is a result set; null once it was handed out. */
    private Boolean firstIsResultSet;
    private ResultSetRowStream current;
    private boolean closed;

    JdbcMultiResult(Statement statement, boolean firstIsResultSet, Lease lease, DataNode node,
                    RunningStatements.Running running) {
        this.statement = statement;
        this.firstIsResultSet = firstIsResultSet;
        this.lease = lease;
        this.node = node;
        this.running = running;
    }

    @Override
    public Result next() {
        if (closed) {
            return null;
        }
        try {
            boolean resultSet;
            if (firstIsResultSet != null) {
                resultSet = firstIsResultSet;
                firstIsResultSet = null;
            } else {
                closeCurrent();
                resultSet = statement.getMoreResults();
            }
            if (resultSet) {
                current = ResultSetRowStream.partOf(statement.getResultSet(), lease, node);
                return current;
            }
            long count = statement.getLargeUpdateCount();
            if (count == -1) {
                close();
                return null;
            }
            return new UpdateResult(count, statement.unwrap(StatementImpl.class).getLastInsertID(), 0, "");
        } catch (SQLException e) {
            close();
            throw BackendErrors.translate(e, node, lease.member());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void closeCurrent() {
        if (current != null) {
            ResultSetRowStream c = current;
            current = null;
            c.close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeCurrent();
        } catch (RuntimeException ignored) {
            // the statement is closed next, which discards what is left of its results
        } finally {
            JdbcShardExecutor.abandon(statement, running, lease);
        }
    }
}
