package io.shardgate.router;

import io.shardgate.router.plan.ShardExecutor;
import io.shardgate.router.plan.ShardOutcome;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers statements per data node with canned results or failures, and records what it was sent:
 * {@code "dn1: SELECT ..."} per statement, and {@code "executeAll [dn0, dn1]"} / {@code "begin"} /
 * {@code "commit"}... per call, so tests can tell single from parallel execution.
 */
public final class FakeShardExecutor implements ShardExecutor {

    private final Map<String, Function<ShardStatement, Result>> answers = new HashMap<>();
    private final List<String> statements = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private boolean inTransaction;

    /** Every statement to {@code node} yields what {@code answer} makes of it. */
    public FakeShardExecutor answer(String node, Function<ShardStatement, Result> answer) {
        answers.put(node, answer);
        return this;
    }

    public FakeShardExecutor rows(String node, FakeRowStream rows) {
        return answer(node, s -> rows);
    }

    public FakeShardExecutor update(String node, UpdateResult result) {
        return answer(node, s -> result);
    }

    public FakeShardExecutor fail(String node, ShardGateException failure) {
        return answer(node, s -> {
            throw failure;
        });
    }

    @Override
    public Result execute(ShardStatement statement) {
        calls.add("execute " + statement.dataNode());
        return run(statement);
    }

    @Override
    public List<ShardOutcome> executeAll(List<ShardStatement> all) {
        calls.add("executeAll " + all.stream().map(ShardStatement::dataNode).toList());
        List<ShardOutcome> out = new ArrayList<>();
        for (ShardStatement s : all) {
            try {
                out.add(ShardOutcome.success(s, run(s)));
            } catch (ShardGateException e) {
                out.add(ShardOutcome.failed(s, e));
            }
        }
        return out;
    }

    @Override
    public List<ShardOutcome> executeAllAtomically(List<ShardStatement> all) {
        calls.add("atomically");
        return executeAll(all);
    }

    private Result run(ShardStatement s) {
        statements.add(s.dataNode() + ": " + s.sql());
        Function<ShardStatement, Result> answer = answers.get(s.dataNode());
        if (answer == null) {
            throw new AssertionError("unexpected statement for " + s.dataNode() + ": " + s.sql());
        }
        return answer.apply(s);
    }

    @Override
    public void begin(Boolean readOnly, List<String> snapshot) {
        calls.add((readOnly == null ? "begin" : readOnly ? "begin read only" : "begin read write")
                + (snapshot.isEmpty() ? "" : " snapshot " + snapshot));
        inTransaction = true;
    }

    @Override
    public void commit() {
        calls.add("commit");
        inTransaction = false;
    }

    @Override
    public void rollback() {
        calls.add("rollback");
        inTransaction = false;
    }

    @Override
    public void savepoint(String name) {
        calls.add("savepoint " + name);
    }

    @Override
    public void rollbackToSavepoint(String name) {
        calls.add("rollback to " + name);
    }

    @Override
    public void releaseSavepoint(String name) {
        calls.add("release " + name);
    }

    @Override
    public boolean inReadOnlyTransaction() {
        return false;
    }

    @Override
    public void settings(io.shardgate.router.plan.BackendSettings settings) {
        calls.add("settings " + settings.values());
    }

    @Override
    public Object trySetting(String name, String valueSql) {
        calls.add("try " + name + " = " + valueSql);
        return valueSql;
    }

    @Override
    public void autocommit(boolean on) {
        calls.add("autocommit " + on);
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public boolean pinsConnections() {
        return inTransaction;
    }

    /** "node: sql" for each statement run, in order. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }
}
