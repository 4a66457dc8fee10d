package io.shardgate.router.plan;

import io.shardgate.router.ShardGateException;

/**
 * The client session as planning and session primitives see it. Implemented by the server's
 * session; variable names are case-insensitive and validated there.
 */
public interface SessionState {

    String user();

    String clientHost();

    long connectionId();

    /** The current logical schema, or {@code null}. */
    String schema();

    /** Switches schema; throws 1049 (unknown) or 1044 (not allowed). */
    void useSchema(String schema);

    /** Value of a system variable in the given scope: Long, String, or null. Throws 1193 if unknown. */
    Object systemVariable(String name, VariableScope scope);

    void setSystemVariable(String name, VariableScope scope, Object value);

    /** All system variables of a scope, sorted by name (SHOW VARIABLES). */
    java.util.SortedMap<String, Object> systemVariables(VariableScope scope);

    Object userVariable(String name);

    void setUserVariable(String name, Object value);

    /** {@code SET NAMES charset [COLLATE collation]}; collation may be null for the default. */
    void setNames(String charset, String collation);

    /** {@code SET CHARACTER SET charset}: like SET NAMES, but the connection takes the database's. */
    default void setCharacterSet(String charset) {
        setNames(charset, null);
    }

    long lastInsertId();

    /** False under {@code sql_mode=NO_BACKSLASH_ESCAPES}. */
    boolean backslashEscapes();

    /**
     * Stores an SQL-level prepared statement ({@code PREPARE name FROM ...}) under a
     * case-insensitive name, replacing one of that name. Throws 1461 when the session already
     * holds as many prepared statements as it may.
     */
    void prepareSql(String name, io.shardgate.router.parse.PreparedText statement);

    /** The SQL-level prepared statement of that name, or null. */
    io.shardgate.router.parse.PreparedText preparedSql(String name);

    /** Drops the SQL-level prepared statement of that name; false if there was none. */
    boolean deallocateSql(String name);

    /** Whether the session may use a logical schema. */
    boolean maySee(String schema);

    /**
     * {@code KILL [QUERY | CONNECTION] id}: stops the statement another (or this) connection of the
     * proxy is running, or closes that connection. Throws 1094 for an unknown id, 1095 when the
     * session may not kill it.
     */
    default void kill(long connectionId, boolean queryOnly) {
        throw ShardGateException.notSupported("KILL in this session");
    }

    /** The character set the client writes statements in (character_set_client). */
    default io.shardgate.router.parse.ClientCharset clientCharset() {
        return io.shardgate.router.parse.ClientCharset.UTF8MB4;
    }

    /** Where primitives report the conditions they raise (the proxy's own warnings). */
    default Diagnostics diagnostics() {
        return Diagnostics.IGNORED;
    }

    /** The last statement's conditions, as SHOW WARNINGS lists them (errors included). */
    default java.util.List<Condition> conditions() {
        return java.util.List.of();
    }

    /** ROW_COUNT(): rows the previous statement changed, -1 after one that returned rows. */
    default long rowCount() {
        return 0;
    }

    /** FOUND_ROWS(): rows of the last SELECT (without its LIMIT under SQL_CALC_FOUND_ROWS). */
    default long foundRows() {
        return 0;
    }

    /** SHOW STATUS: the proxy's counters, sorted by name. */
    default java.util.SortedMap<String, Object> statusVariables(VariableScope scope) {
        return new java.util.TreeMap<>();
    }
}
