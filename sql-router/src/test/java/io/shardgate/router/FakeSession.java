package io.shardgate.router;

import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.SetValue;
import io.shardgate.router.plan.VariableScope;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A client session held in fields and maps. System variables are case-insensitive; a few are
 * known (as on a server), others are 1193. {@link SetValue#DEFAULT} sets a variable to its global
 * value.
 */
public final class FakeSession implements SessionState {

    private final Set<String> knownSchemas;
    private final Set<String> visibleSchemas;
    private final SortedMap<String, Object> sessionVariables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final SortedMap<String, Object> globalVariables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Object> userVariables = new HashMap<>();
    private final Map<String, io.shardgate.router.parse.PreparedText> prepared = new HashMap<>();
    /** How many SQL-level prepared statements the session may hold, as max_prepared_stmt_count. */
    public int maxPrepared = 16382;
    private String schema;
    private boolean backslashEscapes = true;
    private String namesCharset = "utf8mb4";
    private String namesCollation;
    private java.util.List<io.shardgate.router.plan.Condition> conditions = java.util.List.of();

    /** @param schema the current schema or null; the session may see {@code visible} only */
    public FakeSession(String schema, Set<String> visible) {
        this.knownSchemas = Set.copyOf(TestConfig.RULES.schemaNames());
        this.visibleSchemas = Set.copyOf(visible);
        this.schema = schema;
        Map<String, Object> defaults = Map.of(
                "sql_mode", "STRICT_TRANS_TABLES",
                "autocommit", 1L,
                "version", "11.4.5-MariaDB-shardgate",
                "character_set_client", "utf8mb4",
                "transaction_isolation", "REPEATABLE-READ",
                "transaction_read_only", 0L,
                "wait_timeout", 28800L,
                "time_zone", "SYSTEM");
        sessionVariables.putAll(defaults);
        globalVariables.putAll(defaults);
    }

    /** In schema {@code shop}, allowed to see {@code shop} and {@code crm}. */
    public static FakeSession inShop() {
        return new FakeSession("shop", Set.of("shop", "crm"));
    }

    public FakeSession backslashEscapes(boolean on) {
        this.backslashEscapes = on;
        return this;
    }

    /** What the last statement raised, for SHOW WARNINGS and @@warning_count / @@error_count. */
    public FakeSession conditions(java.util.List<io.shardgate.router.plan.Condition> raised) {
        this.conditions = java.util.List.copyOf(raised);
        return this;
    }

    @Override
    public java.util.List<io.shardgate.router.plan.Condition> conditions() {
        return conditions;
    }

    public String namesCharset() {
        return namesCharset;
    }

    public String namesCollation() {
        return namesCollation;
    }

    @Override
    public String user() {
        return "app";
    }

    @Override
    public String clientHost() {
        return "10.0.0.9";
    }

    @Override
    public long connectionId() {
        return 17;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public void useSchema(String newSchema) {
        if (!knownSchemas.contains(newSchema)) {
            throw new ShardGateException(ErrorCode.UNKNOWN_DATABASE, newSchema);
        }
        if (!maySee(newSchema)) {
            throw new ShardGateException(ErrorCode.DB_ACCESS_DENIED, user(), clientHost(), newSchema);
        }
        schema = newSchema;
    }

    @Override
    public Object systemVariable(String name, VariableScope scope) {
        if (name.equals("warning_count") || name.equals("error_count")) {
            return conditions.stream().filter(c -> name.equals("warning_count")
                    || c.level() == io.shardgate.router.plan.Condition.Level.ERROR).count();
        }
        Map<String, Object> map = scope == VariableScope.GLOBAL ? globalVariables : sessionVariables;
        if (!map.containsKey(name)) {
            throw new ShardGateException(ErrorCode.UNKNOWN_SYSTEM_VARIABLE, name);
        }
        return map.get(name);
    }

    @Override
    public void setSystemVariable(String name, VariableScope scope, Object value) {
        Map<String, Object> map = scope == VariableScope.GLOBAL ? globalVariables : sessionVariables;
        if (!map.containsKey(name)) {
            throw new ShardGateException(ErrorCode.UNKNOWN_SYSTEM_VARIABLE, name);
        }
        map.put(name, value == SetValue.DEFAULT ? globalVariables.get(name) : value);
    }

    @Override
    public SortedMap<String, Object> systemVariables(VariableScope scope) {
        return new TreeMap<>(scope == VariableScope.GLOBAL ? globalVariables : sessionVariables);
    }

    @Override
    public void prepareSql(String name, io.shardgate.router.parse.PreparedText statement) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        if (!prepared.containsKey(key) && prepared.size() >= maxPrepared) {
            throw new ShardGateException(ErrorCode.TOO_MANY_PREPARED, maxPrepared);
        }
        prepared.put(key, statement);
    }

    @Override
    public io.shardgate.router.parse.PreparedText preparedSql(String name) {
        return prepared.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public boolean deallocateSql(String name) {
        return prepared.remove(name.toLowerCase(java.util.Locale.ROOT)) != null;
    }

    @Override
    public Object userVariable(String name) {
        return userVariables.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void setUserVariable(String name, Object value) {
        userVariables.put(name.toLowerCase(java.util.Locale.ROOT), value);
    }

    @Override
    public void setNames(String charset, String collation) {
        this.namesCharset = charset == null ? "utf8mb4" : charset;
        this.namesCollation = collation;
    }

    @Override
    public long lastInsertId() {
        return 41;
    }

    @Override
    public boolean backslashEscapes() {
        return backslashEscapes;
    }

    @Override
    public boolean maySee(String s) {
        return visibleSchemas.contains(s);
    }
}
