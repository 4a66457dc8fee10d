package io.shardgate.router.plan;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.LimitZero;
import io.shardgate.router.result.Result;
import java.util.List;
import java.util.Locale;

/**
 * Runs a plan for its result columns only. Every query a primitive sends is asked for no rows
 * ({@link LimitZero}), so the backends answer with column definitions at once and read nothing,
 * whatever the plan (a pushed-down point query, a merge of shards, a proxy join, partial
 * aggregates); SHOW and DESCRIBE pass unchanged. Anything that could change data or session state
 * is refused rather than run: describing must have no effects. The statements run on the session's
 * own executor, so under its backend session variables (sql_mode, time_zone, collation).
 *
 * <p>This is how a prepared statement's result columns are known at COM_STMT_PREPARE: the same
 * planner and primitives as its executions, hence the same column definitions.
 */
public final class DescribingExecutor implements ShardExecutor {

    private final ShardExecutor shards;
    private final boolean backslashEscapes;

    public DescribingExecutor(ShardExecutor shards, boolean backslashEscapes) {
        this.shards = shards;
        this.backslashEscapes = backslashEscapes;
    }

    @Override
    public Result execute(ShardStatement statement) {
        return shards.execute(noRows(statement));
    }

    @Override
    public List<ShardOutcome> executeAll(List<ShardStatement> statements) {
        return shards.executeAll(statements.stream().map(this::noRows).toList());
    }

    @Override
    public List<ShardOutcome> executeAllAtomically(List<ShardStatement> statements) {
        throw refused("a write across data nodes");
    }

    private ShardStatement noRows(ShardStatement s) {
        String sql = s.sql().stripLeading();
        int wordEnd = 0;
        while (wordEnd < sql.length() && Character.isLetter(sql.charAt(wordEnd))) {
            wordEnd++;
        }
        String first = sql.substring(0, wordEnd).toUpperCase(Locale.ROOT);
        if (first.equals("SELECT") || first.equals("WITH") || sql.startsWith("(")) {
            return new ShardStatement(s.dataNode(), s.database(), LimitZero.of(s.sql(), backslashEscapes));
        }
        return switch (first) {
            case "SHOW", "DESC", "DESCRIBE", "EXPLAIN" -> s;
            default -> reject(s);
        };
    }

    private static ShardStatement reject(ShardStatement s) {
        throw refused("'" + s.sql() + "'");
    }

    private static ShardGateException refused(String what) {
        return new ShardGateException(ErrorCode.UNKNOWN_ERROR, "describing a prepared statement would run " + what);
    }

    @Override
    public void begin(Boolean readOnly, List<String> snapshot) {
        throw refused("BEGIN");
    }

    @Override
    public void commit() {
        throw refused("COMMIT");
    }

    @Override
    public void rollback() {
        throw refused("ROLLBACK");
    }

    @Override
    public void savepoint(String name) {
        throw refused("SAVEPOINT");
    }

    @Override
    public void rollbackToSavepoint(String name) {
        throw refused("ROLLBACK TO SAVEPOINT");
    }

    @Override
    public void releaseSavepoint(String name) {
        throw refused("RELEASE SAVEPOINT");
    }

    @Override
    public void settings(BackendSettings settings) {
        throw refused("SET");
    }

    @Override
    public Object trySetting(String name, String valueSql) {
        throw refused("SET " + name);
    }

    @Override
    public void autocommit(boolean on) {
        throw refused("SET autocommit");
    }

    @Override
    public boolean inTransaction() {
        return shards.inTransaction();
    }

    @Override
    public boolean inReadOnlyTransaction() {
        return shards.inReadOnlyTransaction();
    }

    @Override
    public boolean pinsConnections() {
        return shards.pinsConnections();
    }
}
