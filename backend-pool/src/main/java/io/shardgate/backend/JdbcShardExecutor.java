package io.shardgate.backend;

import com.mysql.cj.jdbc.StatementImpl;
import io.shardgate.router.DataNode;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.ShardingRules;
import io.shardgate.router.plan.BackendSettings;
import io.shardgate.router.plan.Diagnostics;
import io.shardgate.router.plan.ShardExecutor;
import io.shardgate.router.plan.ShardOutcome;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.result.MultiResult;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@link ShardExecutor} over Connector/J for one client session: text-protocol statements,
 * streamed results, parallel fan-out on virtual threads.
 */
public final class JdbcShardExecutor implements ShardExecutor, AutoCloseable {

    private final ShardingRules rules;
    private final SessionConnections connections;
    private final RunningStatements running;
    private final ExecutorService parallel;
    private final Diagnostics diagnostics;

    /**
     * @param parallel    runs the statements of a fan-out concurrently; a virtual-thread-per-task
     *                    executor shared by all sessions
     * @param diagnostics where the backends' warnings (and FOUND_ROWS()) of the session's statements go
     */
    public JdbcShardExecutor(ShardingRules rules, DataSourceRegistry registry, ConnectionFlavor flavor,
                             ExecutorService parallel, Diagnostics diagnostics) {
        this.rules = rules;
        this.connections = new SessionConnections(registry, flavor);
        this.running = new RunningStatements(registry);
        this.parallel = parallel;
        this.diagnostics = diagnostics;
    }

    @Override
    public Result execute(ShardStatement s) {
        DataNode node = rules.node(s.dataNode());
        return execute(s, node, connections.acquire(node));
    }

    private Result execute(ShardStatement s, DataNode node, Lease lease) {
        return onBackend(node, lease, (st, run) -> {
            if (st.execute(s.sql())) {
                return new ResultSetRowStream(st.getResultSet(), st, lease, node, run, diagnostics,
                        StatementEnd.calculatesFoundRows(s.sql()));
            }
            long affected = Math.max(0, st.getLargeUpdateCount());
            long lastId = st.unwrap(StatementImpl.class).getLastInsertID();
            st.close();
            // over: a KILL from now on must not stop the SHOW WARNINGS that follows
            run.close();
            StatementEnd.collect(lease.connection(), diagnostics, false);
            lease.release();
            return new UpdateResult(affected, lastId, 0, "");
        });
    }

    @Override
    public MultiResult executeMultiResults(ShardStatement s) {
        DataNode node = rules.node(s.dataNode());
        Lease lease = connections.acquire(node);
        return onBackend(node, lease, (st, run) -> new JdbcMultiResult(st, st.execute(s.sql()), lease, node, run, diagnostics));
    }

    /** What runs a statement; it owns the statement, registration and lease it returns a result over. */
    private interface StatementWork<R> {
        R run(Statement statement, RunningStatements.Running running) throws SQLException;
    }

    /**
     * Runs {@code work} on a streaming statement registered as running; when it fails, the
     * statement, its registration and the lease are given up.
     */
    private <R> R onBackend(DataNode node, Lease lease, StatementWork<R> work) {
        Statement st = null;
        RunningStatements.Running run = running.start(lease, node);
        try {
            // streaming: rows are read one at a time as the client takes them
            st = lease.connection().createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            st.setFetchSize(Integer.MIN_VALUE);
            return work.run(st, run);
        } catch (SQLException e) {
            closeQuietly(st);
            run.close();
            StatementEnd.collectAfterError(lease.connection(), diagnostics, e);
            lease.release();
            throw BackendErrors.translate(e, node, lease.member());
        } catch (RuntimeException e) {
            abandon(st, run, lease);
            throw e;
        }
    }

    /** Closes a statement that will not be read further, ends its registration and releases its lease. */
    static void abandon(Statement st, RunningStatements.Running run, Lease lease) {
        closeQuietly(st);
        run.close();
        lease.release();
    }

    /**
     * KILL QUERY on every backend statement this session is running (its fan-outs included): the
     * statements fail with 1317 and their connections stay usable. Called from another session's
     * thread (KILL, a client's query timeout).
     */
    public int cancelRunning() {
        return running.cancelAll();
    }

    @Override
    public List<ShardOutcome> executeAll(List<ShardStatement> statements) {
        List<Future<Result>> futures = new ArrayList<>(statements.size());
        for (ShardStatement s : statements) {
            futures.add(parallel.submit(() -> execute(s)));
        }
        List<ShardOutcome> outcomes = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            outcomes.add(await(statements.get(i), futures.get(i)));
        }
        return outcomes;
    }

    @Override
    public List<ShardOutcome> executeAllAtomically(List<ShardStatement> statements) {
        List<DataNode> nodes = statements.stream().map(s -> rules.node(s.dataNode())).distinct().toList();
        if (nodes.size() < 2) {
            return executeAll(statements);
        }
        SessionConnections.StatementScope scope = connections.beginStatement(nodes);
        List<ShardOutcome> outcomes;
        try {
            List<Future<Result>> futures = new ArrayList<>(statements.size());
            for (ShardStatement s : statements) {
                DataNode node = rules.node(s.dataNode());
                futures.add(parallel.submit(() -> execute(s, node, scope.leases().get(node.name()))));
            }
            outcomes = new ArrayList<>(statements.size());
            for (int i = 0; i < statements.size(); i++) {
                outcomes.add(await(statements.get(i), futures.get(i)));
            }
        } catch (RuntimeException e) {
            connections.endStatement(scope, false);
            throw e;
        }
        boolean ok = outcomes.stream().noneMatch(ShardOutcome::failed);
        connections.endStatement(scope, ok);
        return outcomes;
    }

    private static ShardOutcome await(ShardStatement s, Future<Result> f) {
        try {
            return ShardOutcome.success(s, f.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            ShardGateException sge = cause instanceof ShardGateException x ? x
                    : new ShardGateException(1105, "HY000", "Data node '" + s.dataNode() + "': " + cause, cause);
            return ShardOutcome.failed(s, sge);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return ShardOutcome.failed(s, new ShardGateException(ErrorCode.QUERY_INTERRUPTED.number(),
                    ErrorCode.QUERY_INTERRUPTED.sqlState(), ErrorCode.QUERY_INTERRUPTED.format(), e));
        }
    }

    @Override
    public void begin(Boolean readOnly, List<String> snapshot) {
        connections.begin(readOnly, snapshot.stream().map(rules::node).toList());
    }

    @Override
    public void commit() {
        connections.commit();
    }

    @Override
    public void rollback() {
        connections.rollback();
    }

    @Override
    public void autocommit(boolean on) {
        connections.autocommit(on);
    }

    @Override
    public void savepoint(String name) {
        connections.savepoint(name);
    }

    @Override
    public void rollbackToSavepoint(String name) {
        connections.rollbackToSavepoint(name);
    }

    @Override
    public void releaseSavepoint(String name) {
        connections.releaseSavepoint(name);
    }

    @Override
    public boolean inReadOnlyTransaction() {
        return connections.inReadOnlyTransaction();
    }

    @Override
    public void settings(BackendSettings settings) {
        connections.settings(settings);
    }

    /**
     * Runs {@code SET SESSION name = value} on a connection of the first data node, so the backend
     * judges the value, then reads it back. The connection is left with the value set, and recorded
     * so.
     */
    @Override
    public Object trySetting(String name, String valueSql) {
        DataNode node = rules.nodes().getFirst();
        Lease lease = connections.forSetting(node);
        try (Statement st = lease.connection().createStatement()) {
            st.execute("SET SESSION " + name + " = " + valueSql);
            StatementEnd.collect(lease.connection(), diagnostics, false);
            Object value;
            try (ResultSet rs = st.executeQuery("SELECT @@SESSION." + name)) {
                rs.next();
                value = switch (rs.getMetaData().getColumnType(1)) {
                    case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rs.getLong(1);
                    case Types.DOUBLE, Types.FLOAT, Types.REAL -> rs.getDouble(1);
                    case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(1);
                    default -> rs.getString(1);
                };
                if (rs.wasNull()) {
                    value = null;
                }
            }
            connections.recordSetting(lease, name, BackendSettings.literal(value));
            return value;
        } catch (SQLException e) {
            throw BackendErrors.translate(e, node, lease.member());
        } finally {
            lease.release();
        }
    }

    @Override
    public boolean inTransaction() {
        return connections.inTransaction();
    }

    @Override
    public boolean pinsConnections() {
        return connections.pinsConnections();
    }

    /** Session end: rolls back an open transaction and returns pinned connections. */
    @Override
    public void close() {
        connections.close();
    }

    private static void closeQuietly(Statement st) {
        if (st != null) {
            try {
                st.close();
            } catch (SQLException ignored) {
                // the connection is released next; the pool validates it
            }
        }
    }
}
