package io.shardgate.server.session;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.plan.BackendSettings;
import io.shardgate.router.plan.SetValue;
import io.shardgate.router.plan.ShardExecutor;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A session's system variables. Three kinds of variable:
 * <ul>
 *   <li>those backends must see (sql_mode, time_zone, ...; {@link VariableDefinition#backendName}):
 *       a new value is first set on a backend connection, so the backend judges it (its errors,
 *       its warnings, its normal form: sql_mode='ansi' reads back expanded), then becomes part of
 *       the {@link BackendSettings} every later statement's connections carry;</li>
 *   <li>the character sets ({@link SessionCharsets}), of which collation_connection also goes to
 *       the backends;</li>
 *   <li>those the proxy implements or only reports (autocommit, sql_select_limit, ...).</li>
 * </ul>
 */
final class SessionVariables {

    /** MySQL's name for MariaDB's max_statement_time, in milliseconds rather than seconds. */
    static final String MAX_EXECUTION_TIME = "max_execution_time";

    private final SystemVariables variables;
    private final ShardExecutor executor;
    private final Map<String, Object> values;
    private final SessionCharsets charsets;
    private BackendSettings backend = BackendSettings.DEFAULTS;

    SessionVariables(SystemVariables variables, ShardExecutor executor, int handshakeCollationId) {
        this.variables = variables;
        this.executor = executor;
        this.values = variables.initialValues();
        this.charsets = new SessionCharsets(handshakeCollationId);
        syncCharsets();
    }

    /**
     * A client that connected with CLIENT_IGNORE_SPACE gets IGNORE_SPACE in its sql_mode, as
     * MariaDB gives it (after the modes MariaDB lists before it: REAL_AS_FLOAT, PIPES_AS_CONCAT,
     * ANSI_QUOTES).
     */
    void ignoreSpace() {
        String mode = String.valueOf(values.get("sql_mode"));
        java.util.List<String> modes = new java.util.ArrayList<>(mode.isEmpty() ? java.util.List.of()
                : java.util.Arrays.asList(mode.split(",")));
        if (modes.contains("IGNORE_SPACE")) {
            return;
        }
        int at = 0;
        while (at < modes.size() && java.util.Set.of("REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES").contains(modes.get(at))) {
            at++;
        }
        modes.add(at, "IGNORE_SPACE");
        String value = String.join(",", modes);
        values.put("sql_mode", value);
        backend("sql_mode", BackendSettings.literal(value));
    }

    SessionCharsets charsets() {
        return charsets;
    }

    Object get(String name) {
        if (name.equalsIgnoreCase(MAX_EXECUTION_TIME)) {
            return (long) ((Double) values.get("max_statement_time") * 1000);
        }
        return values.get(variables.canonical(name));
    }

    Map<String, Object> all() {
        return new HashMap<>(values);
    }

    /** Sets a variable; returns its canonical name, for the session's own reactions (autocommit...). */
    String set(String name, Object value) {
        if (name.equalsIgnoreCase(MAX_EXECUTION_TIME)) {
            Object seconds = value == SetValue.DEFAULT || !(value instanceof Long ms) ? value
                    : ms / 1000.0;
            return set("max_statement_time", seconds);
        }
        String canonical = variables.canonical(name);
        VariableDefinition def = variables.definition(canonical);
        if (value != SetValue.DEFAULT) {
            def.accept(value); // read-only variables and values of the wrong type fail here, before any backend
        }
        switch (canonical) {
            case "character_set_client" -> charsets.client(charsetName(value, "utf8mb4", canonical));
            case "character_set_results" -> charsets.results(value == SetValue.DEFAULT ? "utf8mb4" : value == null ? null : String.valueOf(value));
            case "character_set_connection" -> charsets.connectionCharset(charsetName(value, "utf8mb4", canonical));
            case "collation_connection" -> charsets.connectionCollation(charsetName(value, "utf8mb4_general_ci", canonical));
            default -> {
                Object v = value == SetValue.DEFAULT ? def.defaultValue()
                        : def.appliedToBackends() ? def.accept(executor.trySetting(def.backendName(), BackendSettings.literal(value)))
                        : def.accept(value);
                values.put(canonical, v);
                if (def.appliedToBackends()) {
                    backend(def.backendName(), def.isDefault(v) ? null : BackendSettings.literal(v));
                }
                return canonical;
            }
        }
        syncCharsets();
        return canonical;
    }

    /** SET NAMES / SET CHARACTER SET. */
    void names(String charset, String collation, boolean characterSet) {
        if (characterSet) {
            charsets.characterSet(charset, Collations.byName(String.valueOf(values.get("collation_database")))
                    .orElse(Collations.UTF8MB4_GENERAL_CI));
        } else {
            charsets.names(charset, collation);
        }
        syncCharsets();
    }

    private static String charsetName(Object value, String defaultName, String variable) {
        if (value == SetValue.DEFAULT) {
            return defaultName;
        }
        if (value == null) {
            throw new ShardGateException(io.shardgate.router.ErrorCode.WRONG_VALUE_FOR_VAR, variable, "NULL");
        }
        return String.valueOf(value).toLowerCase(Locale.ROOT);
    }

    /** The variables mirror the character sets; collation_connection goes to the backends. */
    private void syncCharsets() {
        values.put("character_set_client", charsets.clientName());
        values.put("character_set_results", charsets.resultsName());
        values.put("character_set_connection", charsets.connection().charset());
        values.put("collation_connection", charsets.connection().name());
        String collation = charsets.connection().name();
        backend("collation_connection", collation.equals(Collations.UTF8MB4_GENERAL_CI.name()) ? null
                : BackendSettings.literal(collation));
    }

    private void backend(String name, String literal) {
        BackendSettings next = literal == null ? backend.without(name) : backend.with(name, literal);
        if (!next.equals(backend)) {
            backend = next;
            executor.settings(next);
        }
    }
}
