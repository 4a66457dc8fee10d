package io.shardgate.backend;

import com.mysql.cj.jdbc.StatementImpl;
import io.shardgate.router.DataNode;
import io.shardgate.router.plan.Diagnostics;
import io.shardgate.router.result.MultiResult;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;
import java.sql.ResultSet;
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
    private final Diagnostics diagnostics;
    /** Whether the first result is a result set; null once it was handed out. */
    private Boolean firstIsResultSet;
    /** A procedure returns a result per SELECT it runs; past this many, closing stops draining. */
    private static final int MAX_DRAINED_RESULTS = 100_000;

    private boolean finished;
    private boolean closed;

    JdbcMultiResult(Statement statement, boolean firstIsResultSet, Lease lease, DataNode node,
                    RunningStatements.Running running, Diagnostics diagnostics) {
        this.statement = statement;
        this.firstIsResultSet = firstIsResultSet;
        this.lease = lease;
        this.node = node;
        this.running = running;
        this.diagnostics = diagnostics;
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
                // also reads what is left of the current result set
                resultSet = statement.getMoreResults();
            }
            if (resultSet) {
                return ResultSetRowStream.partOf(statement.getResultSet(), lease, node);
            }
            long count = statement.getLargeUpdateCount();
            if (count == -1) {
                finished = true;
                // The CALL's own OK was the last packet: its warnings are the procedure's. Over, so a
                // KILL from now on must not stop the SHOW WARNINGS.
                running.close();
                StatementEnd.collect(lease.connection(), diagnostics, false);
                close();
                return null;
            }
            return new UpdateResult(count, statement.unwrap(StatementImpl.class).getLastInsertID(), 0, "");
        } catch (SQLException e) {
            running.close();
            StatementEnd.collectAfterError(lease.connection(), diagnostics, e);
            close();
            throw BackendErrors.translate(e, node, lease.member());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Ends the statement. Results not read yet are read and dropped first, as closing a streamed
     * result set does with its rows, so that the connection goes back to the pool with nothing
     * left on the wire. A streamed result set's rows are read here rather than by closing it
     * (which would issue a statement on the busy connection): Connector/J knows the next result
     * only once the current one's rows are read.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (int i = 0; !finished && i < MAX_DRAINED_RESULTS; i++) {
                ResultSet current = statement.getResultSet();
                while (current != null && current.next()) {
                    // dropped
                }
                finished = !statement.getMoreResults() && statement.getLargeUpdateCount() == -1;
            }
        } catch (SQLException ignored) {
            // the backend ended the statement with an error: nothing is left to read
        } finally {
            JdbcShardExecutor.abandon(statement, running, lease);
        }
    }
}
