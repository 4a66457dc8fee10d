package io.shardgate.server.session;

import io.shardgate.config.UserConfig;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.ShardingRules;
import io.shardgate.router.parse.PreparedText;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.SetValue;
import io.shardgate.router.plan.ShardExecutor;
import io.shardgate.router.plan.VariableScope;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * One client connection's state: who it is, its schema, its variables and its backends. Commands
 * of a session run one at a time on the session's virtual thread, so fields need no locking;
 * the management port only reads the volatile ones.
 */
public final class Session implements SessionState {

    private final long connectionId;
    private final UserConfig user;
    private final String clientHost;
    private final ShardingRules rules;
    private final SystemVariables variables;
    private final ShardExecutor executor;
    private final Killer killer;
    private final Map<String, Object> values;
    private final Map<String, Object> userVariables = new HashMap<>();
    private final Map<String, PreparedText> preparedSql = new HashMap<>();
    private final int maxPreparedStatements;
    /** Prepared statements held, protocol-level ones (counted by their registry) and SQL-level ones. */
    private int preparedStatements;
    private volatile String schema;
    private long lastInsertId;
    private boolean backslashEscapes = true;

    /** KILL as the front end carries it out: it knows every connection of the proxy. */
    @FunctionalInterface
    public interface Killer {
        void kill(long connectionId, boolean queryOnly);
    }

    /** @param maxPreparedStatements how many prepared statements the session may hold at once */
    public Session(long connectionId, UserConfig user, String clientHost, ShardingRules rules,
                   SystemVariables variables, ShardExecutor executor, int collationId, int maxPreparedStatements,
                   Killer killer) {
        this.connectionId = connectionId;
        this.user = user;
        this.clientHost = clientHost;
        this.rules = rules;
        this.variables = variables;
        this.executor = executor;
        this.killer = killer;
        this.values = variables.initialValues();
        this.maxPreparedStatements = maxPreparedStatements;
        Collations.Collation c = Collations.ofId(collationId);
        applyNames(c.charset(), c.name());
    }

    public ShardExecutor executor() {
        return executor;
    }

    @Override
    public String user() {
        return user.name();
    }

    public UserConfig account() {
        return user;
    }

    @Override
    public String clientHost() {
        return clientHost;
    }

    @Override
    public long connectionId() {
        return connectionId;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public void useSchema(String name) {
        if (name == null || name.isEmpty()) {
            throw new ShardGateException(ErrorCode.NO_DATABASE_SELECTED);
        }
        if (rules.schema(name).isEmpty()) {
            throw new ShardGateException(ErrorCode.UNKNOWN_DATABASE, name);
        }
        if (!maySee(name)) {
            throw new ShardGateException(ErrorCode.DB_ACCESS_DENIED, user.name(), clientHost, name);
        }
        schema = name;
    }

    @Override
    public void kill(long connectionId, boolean queryOnly) {
        killer.kill(connectionId, queryOnly);
    }

    @Override
    public boolean maySee(String name) {
        return user.maySee(name);
    }

    @Override
    public Object systemVariable(String name, VariableScope scope) {
        String canonical = variables.canonical(name);
        if (canonical.equals("last_insert_id")) {
            return lastInsertId;
        }
        return scope == VariableScope.GLOBAL ? variables.defaultValue(canonical) : values.get(canonical);
    }

    @Override
    public void setSystemVariable(String name, VariableScope scope, Object value) {
        if (scope == VariableScope.GLOBAL) {
            throw ShardGateException.notSupported("SET GLOBAL " + name + " through ShardGate (configure the backends directly)");
        }
        String canonical = variables.canonical(name);
        VariableDefinition def = variables.definition(canonical);
        Object v = value == SetValue.DEFAULT ? variables.defaultValue(canonical) : def.accept(value);
        switch (canonical) {
            case "autocommit" -> executor.autocommit((Long) v != 0);
            case "last_insert_id" -> lastInsertId = (Long) v;
            case "sql_mode" -> backslashEscapes = !((String) v).toUpperCase(Locale.ROOT).contains("NO_BACKSLASH_ESCAPES");
            case "character_set_client", "character_set_connection", "character_set_results" -> checkCharset(v);
            default -> {
            }
        }
        values.put(canonical, v);
    }

    private static void checkCharset(Object v) {
        if (v instanceof String s && !s.equalsIgnoreCase("binary") && Collations.defaultOf(s).isEmpty()) {
            throw new ShardGateException(1115, "42000", "Unknown character set: '" + s + "'", null);
        }
    }

    @Override
    public SortedMap<String, Object> systemVariables(VariableScope scope) {
        Map<String, Object> current = scope == VariableScope.GLOBAL ? variables.initialValues() : new HashMap<>(values);
        current.put("last_insert_id", lastInsertId);
        return variables.show(current);
    }

    @Override
    public Object userVariable(String name) {
        return userVariables.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public void setUserVariable(String name, Object value) {
        userVariables.put(name.toLowerCase(Locale.ROOT), value);
    }

    /**
     * Counts one more prepared statement against the bound (MariaDB's max_prepared_stmt_count, per
     * connection here): 1461 past it. Protocol-level statements and {@code PREPARE name} share it.
     */
    public void claimPreparedStatement() {
        if (preparedStatements >= maxPreparedStatements) {
            throw new ShardGateException(ErrorCode.TOO_MANY_PREPARED, maxPreparedStatements);
        }
        preparedStatements++;
    }

    public void releasePreparedStatement() {
        preparedStatements--;
    }

    @Override
    public void prepareSql(String name, PreparedText statement) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!preparedSql.containsKey(key)) {
            claimPreparedStatement();
        }
        preparedSql.put(key, statement);
    }

    @Override
    public PreparedText preparedSql(String name) {
        return preparedSql.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean deallocateSql(String name) {
        boolean removed = preparedSql.remove(name.toLowerCase(Locale.ROOT)) != null;
        if (removed) {
            releasePreparedStatement();
        }
        return removed;
    }

    @Override
    public void setNames(String charset, String collation) {
        String cs = charset == null ? "utf8mb4" : charset;
        Collations.Collation c = collation != null
                ? Collations.byName(collation).orElseThrow(() -> new ShardGateException(1273, "HY000", "Unknown collation: '" + collation + "'", null))
                : Collations.defaultOf(cs).orElseThrow(() -> new ShardGateException(1115, "42000", "Unknown character set: '" + cs + "'", null));
        applyNames(c.charset(), c.name());
    }

    private void applyNames(String charset, String collation) {
        values.put("character_set_client", charset);
        values.put("character_set_connection", charset);
        values.put("character_set_results", charset);
        values.put("collation_connection", collation);
    }

    @Override
    public long lastInsertId() {
        return lastInsertId;
    }

    /** After a statement: LAST_INSERT_ID() changes only when the statement generated an id. */
    public void statementInsertedId(long id) {
        if (id != 0) {
            lastInsertId = id;
        }
    }

    @Override
    public boolean backslashEscapes() {
        return backslashEscapes;
    }

    public boolean autocommit() {
        return (Long) values.get("autocommit") != 0;
    }
}
