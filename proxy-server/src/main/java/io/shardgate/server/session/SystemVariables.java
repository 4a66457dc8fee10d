package io.shardgate.server.session;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.server.session.VariableDefinition.Kind;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * The system variables a session reads and sets: MariaDB 10.11's defaults for what drivers and
 * tools ask about, ShardGate's own identity (version, port), and aliases
 * ({@code tx_isolation} = {@code transaction_isolation}).
 */
public final class SystemVariables {

    private static final Map<String, String> ALIASES = Map.of(
            "tx_isolation", "transaction_isolation",
            "tx_read_only", "transaction_read_only",
            "identity", "last_insert_id",
            "storage_engine", "default_storage_engine");

    private final Map<String, VariableDefinition> definitions;

    /** Global values, shared by new sessions as their starting point. */
    public SystemVariables(String version, int port, long maxAllowedPacket, int maxPreparedStatements) {
        Map<String, VariableDefinition> d = new HashMap<>();
        // Implemented by the proxy: transactions, the connection's character sets, what it reports.
        bool(d, "autocommit", 1L);
        bool(d, "sql_log_bin", 1L);
        // Accepted so drivers that ask for session tracking connect; ShardGate does not announce
        // CLIENT_SESSION_TRACK, so no tracking data is ever sent.
        bool(d, "session_track_schema", 1L);
        bool(d, "session_track_state_change", 0L);
        string(d, "session_track_system_variables", "autocommit,character_set_client,character_set_connection,character_set_results,time_zone");
        string(d, "session_track_transaction_info", "OFF");
        integer(d, "interactive_timeout", 28800);
        integer(d, "last_insert_id", 0);
        integer(d, "net_buffer_length", 16384);
        integer(d, "net_read_timeout", 30);
        integer(d, "net_write_timeout", 60);
        integer(d, "sql_select_limit", Long.MAX_VALUE);
        integer(d, "wait_timeout", 28800);
        string(d, "character_set_client", "utf8mb4");
        string(d, "character_set_connection", "utf8mb4");
        string(d, "character_set_results", "utf8mb4");
        string(d, "collation_connection", "utf8mb4_general_ci");
        string(d, "completion_type", "NO_CHAIN");
        string(d, "default_storage_engine", "InnoDB");
        // In force on the backend connections that run the session's statements.
        applied(d, "sql_mode", Kind.STRING, "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION");
        applied(d, "time_zone", Kind.STRING, "SYSTEM");
        applied(d, "transaction_isolation", "tx_isolation", Kind.STRING, "REPEATABLE-READ");
        applied(d, "transaction_read_only", "tx_read_only", Kind.BOOLEAN, 0L);
        applied(d, "foreign_key_checks", Kind.BOOLEAN, 1L);
        applied(d, "unique_checks", Kind.BOOLEAN, 1L);
        applied(d, "sql_auto_is_null", Kind.BOOLEAN, 0L);
        applied(d, "sql_notes", Kind.BOOLEAN, 1L);
        applied(d, "sql_warnings", Kind.BOOLEAN, 0L);
        applied(d, "sql_quote_show_create", Kind.BOOLEAN, 1L);
        applied(d, "sql_safe_updates", Kind.BOOLEAN, 0L);
        applied(d, "sql_big_selects", Kind.BOOLEAN, 1L);
        applied(d, "sql_buffer_result", Kind.BOOLEAN, 0L);
        applied(d, "big_tables", Kind.BOOLEAN, 0L);
        applied(d, "auto_increment_increment", Kind.INTEGER, 1L);
        applied(d, "auto_increment_offset", Kind.INTEGER, 1L);
        applied(d, "div_precision_increment", Kind.INTEGER, 4L);
        applied(d, "group_concat_max_len", Kind.INTEGER, 1048576L);
        applied(d, "innodb_lock_wait_timeout", Kind.INTEGER, 50L);
        applied(d, "lock_wait_timeout", Kind.INTEGER, 86400L);
        applied(d, "max_error_count", Kind.INTEGER, 64L);
        applied(d, "max_sort_length", Kind.INTEGER, 1024L);
        applied(d, "default_week_format", Kind.INTEGER, 0L);
        applied(d, "max_statement_time", Kind.DOUBLE, 0.0);
        applied(d, "optimizer_switch", Kind.STRING, "");
        string(d, "character_set_database", "utf8mb4");
        string(d, "character_set_server", "utf8mb4");
        string(d, "character_set_filesystem", "binary");
        string(d, "collation_database", "utf8mb4_general_ci");
        string(d, "collation_server", "utf8mb4_general_ci");
        readOnly(d, "character_set_system", Kind.STRING, "utf8mb3");
        readOnly(d, "init_connect", Kind.STRING, "");
        readOnly(d, "license", Kind.STRING, "GPL");
        readOnly(d, "lower_case_table_names", Kind.INTEGER, 0L);
        readOnly(d, "max_allowed_packet", Kind.INTEGER, maxAllowedPacket);
        readOnly(d, "max_prepared_stmt_count", Kind.INTEGER, (long) maxPreparedStatements);
        readOnly(d, "performance_schema", Kind.BOOLEAN, 0L);
        readOnly(d, "port", Kind.INTEGER, (long) port);
        readOnly(d, "protocol_version", Kind.INTEGER, 10L);
        readOnly(d, "query_cache_size", Kind.INTEGER, 1048576L);
        readOnly(d, "query_cache_type", Kind.STRING, "OFF");
        readOnly(d, "have_ssl", Kind.STRING, "DISABLED");
        readOnly(d, "system_time_zone", Kind.STRING, TimeZone.getDefault().getID());
        readOnly(d, "version", Kind.STRING, version);
        readOnly(d, "version_comment", Kind.STRING, "ShardGate sharding proxy");
        readOnly(d, "version_compile_machine", Kind.STRING, System.getProperty("os.arch"));
        readOnly(d, "version_compile_os", Kind.STRING, System.getProperty("os.name"));
        readOnly(d, "warning_count", Kind.INTEGER, 0L);
        readOnly(d, "error_count", Kind.INTEGER, 0L);
        this.definitions = Map.copyOf(d);
    }

    private SystemVariables(Map<String, VariableDefinition> definitions) {
        this.definitions = Map.copyOf(definitions);
    }

    private static void applied(Map<String, VariableDefinition> d, String name, Kind kind, Object value) {
        applied(d, name, name, kind, value);
    }

    private static void applied(Map<String, VariableDefinition> d, String name, String backendName, Kind kind, Object value) {
        d.put(name, new VariableDefinition(name, kind, value, false, backendName));
    }

    /** The backend names of the variables sessions apply to backends, for reading their defaults. */
    public java.util.List<String> backendVariables() {
        return definitions.values().stream().filter(VariableDefinition::appliedToBackends)
                .map(VariableDefinition::backendName).sorted().toList();
    }

    /**
     * These variables with the backends' own defaults, by backend name (what a data node's session
     * starts with), where a value fits the variable.
     */
    public SystemVariables withBackendDefaults(Map<String, Object> byBackendName) {
        Map<String, VariableDefinition> d = new HashMap<>(definitions);
        for (VariableDefinition def : definitions.values()) {
            if (def.appliedToBackends() && byBackendName.containsKey(def.backendName())) {
                try {
                    d.put(def.name(), def.withDefault(def.accept(byBackendName.get(def.backendName()))));
                } catch (ShardGateException unusable) {
                    // keep MariaDB 10.11's default
                }
            }
        }
        return new SystemVariables(d);
    }

    private static void bool(Map<String, VariableDefinition> d, String name, long value) {
        d.put(name, new VariableDefinition(name, Kind.BOOLEAN, value, false));
    }

    private static void integer(Map<String, VariableDefinition> d, String name, long value) {
        d.put(name, new VariableDefinition(name, Kind.INTEGER, value, false));
    }

    private static void string(Map<String, VariableDefinition> d, String name, String value) {
        d.put(name, new VariableDefinition(name, Kind.STRING, value, false));
    }

    private static void readOnly(Map<String, VariableDefinition> d, String name, Kind kind, Object value) {
        d.put(name, new VariableDefinition(name, kind, value, true));
    }

    /** The version string clients see as {@code @@version}. */
    public Object versionString() {
        return definitions.get("version").defaultValue();
    }

    /** The canonical name, or 1193 for a variable ShardGate does not know. */
    String canonical(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        n = ALIASES.getOrDefault(n, n);
        if (!definitions.containsKey(n)) {
            throw new ShardGateException(ErrorCode.UNKNOWN_SYSTEM_VARIABLE, name);
        }
        return n;
    }

    VariableDefinition definition(String canonicalName) {
        return definitions.get(canonicalName);
    }

    /** A new session's values. */
    Map<String, Object> initialValues() {
        Map<String, Object> values = new HashMap<>();
        definitions.forEach((name, def) -> values.put(name, def.defaultValue()));
        return values;
    }

    Object defaultValue(String canonicalName) {
        return definitions.get(canonicalName).defaultValue();
    }

    /** Values as SHOW VARIABLES prints them, aliases included. */
    SortedMap<String, Object> show(Map<String, Object> values) {
        SortedMap<String, Object> out = new TreeMap<>();
        definitions.forEach((name, def) -> out.put(name, def.show(values.get(name))));
        ALIASES.forEach((alias, name) -> out.put(alias, definitions.get(name).show(values.get(name))));
        return out;
    }
}
