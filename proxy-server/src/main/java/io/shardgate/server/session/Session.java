package io.shardgate.server.session;

import io.shardgate.config.UserConfig;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.ShardingRules;
import io.shardgate.router.meta.InformationSchema;
import io.shardgate.router.parse.ClientCharset;
import io.shardgate.router.parse.PreparedText;
import io.shardgate.router.plan.Condition;
import io.shardgate.router.plan.Diagnostics;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.ShardExecutor;
import io.shardgate.router.plan.VariableScope;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * One client connection's state: who it is, its schema, its variables, its diagnostics area and
 * its backends. Commands of a session run one at a time on the session's virtual thread, so
 * fields need no locking; the management port only reads the volatile ones.
 */
public final class Session implements SessionState {

    private final long connectionId;
    private final UserConfig user;
    private final String clientHost;
    private final ShardingRules rules;
    private final SystemVariables variables;
    private final ShardExecutor executor;
    private final Killer killer;
    private final SessionVariables values;
    private final SessionDiagnostics diagnostics;
    private final StatusCounters globalStatus;
    private final StatusCounters status = new StatusCounters();
    private final TransportStatus transport;
    private final Map<String, Object> userVariables = new HashMap<>();
    private final Map<String, PreparedText> preparedSql = new HashMap<>();
    private final int maxPreparedStatements;
    /** Prepared statements held, protocol-level ones (counted by their registry) and SQL-level ones. */
    private int preparedStatements;
    private volatile String schema;
    private long lastInsertId;
    private long rowCount;
    private long foundRows;
    private boolean backslashEscapes = true;

    /** KILL as the front end carries it out: it knows every connection of the proxy. */
    @FunctionalInterface
    public interface Killer {
        void kill(long connectionId, boolean queryOnly);
    }

    /** @param maxPreparedStatements how many prepared statements the session may hold at once */
    public Session(long connectionId, UserConfig user, String clientHost, ShardingRules rules,
                   SystemVariables variables, ShardExecutor executor, int collationId,
                   SessionDiagnostics diagnostics, StatusCounters globalStatus, boolean ignoreSpace,
                   int maxPreparedStatements, Killer killer, TransportStatus transport) {
        this.connectionId = connectionId;
        this.user = user;
        this.clientHost = clientHost;
        this.rules = rules;
        this.variables = variables;
        this.executor = executor;
        this.killer = killer;
        this.diagnostics = diagnostics;
        this.globalStatus = globalStatus;
        this.transport = transport;
        this.values = new SessionVariables(variables, executor, collationId);
        if (ignoreSpace) {
            values.ignoreSpace();
        }
        this.maxPreparedStatements = maxPreparedStatements;
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
        if (InformationSchema.is(name)) {
            // every user may use it, as in MariaDB; it shows the logical schemas the user may see
            schema = InformationSchema.NAME;
            return;
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
        if (scope == VariableScope.GLOBAL) {
            return variables.defaultValue(variables.canonical(name));
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "last_insert_id", "identity" -> lastInsertId;
            case "warning_count" -> diagnostics.warningCount();
            case "error_count" -> diagnostics.errorCount();
            default -> values.get(name);
        };
    }

    @Override
    public void setSystemVariable(String name, VariableScope scope, Object value) {
        if (scope == VariableScope.GLOBAL) {
            throw ShardGateException.notSupported("SET GLOBAL " + name + " through ShardGate (configure the backends directly)");
        }
        String canonical = values.set(name, value);
        Object v = values.get(canonical);
        switch (canonical) {
            case "autocommit" -> executor.autocommit((Long) v != 0);
            case "last_insert_id" -> lastInsertId = (Long) v;
            case "sql_mode" -> backslashEscapes = !String.valueOf(v).toUpperCase(Locale.ROOT).contains("NO_BACKSLASH_ESCAPES");
            default -> {
            }
        }
    }

    @Override
    public SortedMap<String, Object> systemVariables(VariableScope scope) {
        Map<String, Object> current = scope == VariableScope.GLOBAL ? variables.initialValues() : values.all();
        if (scope != VariableScope.GLOBAL) {
            current.put("last_insert_id", lastInsertId);
            current.put("warning_count", diagnostics.warningCount());
            current.put("error_count", diagnostics.errorCount());
        }
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
        values.names(charset, collation, false);
    }

    @Override
    public void setCharacterSet(String charset) {
        values.names(charset, null, true);
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

    /** How many conditions SHOW WARNINGS keeps (max_error_count). */
    public long maxErrorCount() {
        return (Long) values.get("max_error_count");
    }

    public boolean autocommit() {
        return (Long) values.get("autocommit") != 0;
    }

    @Override
    public ClientCharset clientCharset() {
        return values.charsets().literals();
    }

    /** What the client's statements are decoded with. */
    public io.shardgate.protocol.charset.MariaDbCharset statementCharset() {
        return values.charsets().clientCharset();
    }

    /** How results, column names and error messages are encoded for the client. */
    public ResultEncoding resultEncoding() {
        return values.charsets().resultEncoding();
    }

    @Override
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public SessionDiagnostics diagnosticsArea() {
        return diagnostics;
    }

    @Override
    public List<Condition> conditions() {
        return diagnostics.conditions();
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    @Override
    public long foundRows() {
        return foundRows;
    }

    /**
     * After a statement: ROW_COUNT() is the rows it changed (-1 when it returned rows, 0 for SET,
     * DDL and the like); FOUND_ROWS() changes after statements that return rows (SHOW too).
     *
     * @param foundRows the rows it returned, or null when it returned none
     */
    public void statementCounted(long rowCount, Long foundRows) {
        this.rowCount = rowCount;
        if (foundRows != null) {
            this.foundRows = foundRows;
        }
    }

    /** One client statement, for SHOW STATUS. */
    public void counted(StatementClass statement) {
        status.statement(statement);
        globalStatus.statement(statement);
    }

    /** A protocol command with a counter of its own (Com_stmt_execute, ...), for SHOW STATUS. */
    public void countedCommand(String counter) {
        status.command(counter);
        globalStatus.command(counter);
    }

    @Override
    public SortedMap<String, Object> statusVariables(VariableScope scope) {
        if (scope == VariableScope.GLOBAL) {
            SortedMap<String, Object> values = globalStatus.values();
            transport.global().addTo(values);
            return values;
        }
        SortedMap<String, Object> values = globalStatus.overlay(status);
        transport.addTo(values);
        return values;
    }
}
