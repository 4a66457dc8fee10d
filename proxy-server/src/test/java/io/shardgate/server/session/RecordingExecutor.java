package io.shardgate.server.session;

import io.shardgate.router.plan.BackendSettings;
import io.shardgate.router.plan.ShardExecutor;
import io.shardgate.router.plan.ShardOutcome;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A backend that only judges SET values (by a function standing in for MariaDB) and records the
 * settings the session asks for; statements are not expected.
 */
final class RecordingExecutor implements ShardExecutor {

    final List<String> tried = new ArrayList<>();
    final List<BackendSettings> settings = new ArrayList<>();
    boolean autocommit = true;
    private final BiFunction<String, String, Object> backend;

    /** @param backend the value a backend reads back for SET name = literal */
    RecordingExecutor(BiFunction<String, String, Object> backend) {
        this.backend = backend;
    }

    BackendSettings current() {
        return settings.isEmpty() ? BackendSettings.DEFAULTS : settings.getLast();
    }

    @Override
    public Object trySetting(String name, String valueSql) {
        tried.add(name + " = " + valueSql);
        return backend.apply(name, valueSql);
    }

    @Override
    public void settings(BackendSettings s) {
        settings.add(s);
    }

    @Override
    public void autocommit(boolean on) {
        autocommit = on;
    }

    @Override
    public Result execute(ShardStatement statement) {
        throw new AssertionError("no statement expected: " + statement);
    }

    @Override
    public List<ShardOutcome> executeAll(List<ShardStatement> statements) {
        throw new AssertionError("no statements expected");
    }

    @Override
    public List<ShardOutcome> executeAllAtomically(List<ShardStatement> statements) {
        throw new AssertionError("no statements expected");
    }

    @Override
    public void begin(Boolean readOnly, List<String> snapshot) {
    }

    @Override
    public void commit() {
    }

    @Override
    public void rollback() {
    }

    @Override
    public void savepoint(String name) {
    }

    @Override
    public void rollbackToSavepoint(String name) {
    }

    @Override
    public void releaseSavepoint(String name) {
    }

    @Override
    public boolean inReadOnlyTransaction() {
        return false;
    }

    @Override
    public boolean inTransaction() {
        return false;
    }

    @Override
    public boolean pinsConnections() {
        return false;
    }
}
