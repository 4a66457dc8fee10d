package io.shardgate.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.protocol.charset.MariaDbCharset;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.plan.SetValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionVariablesTest {

    private static final String DEFAULT_MODE = "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION";

    /** A backend that expands 'ansi' and otherwise reads values back as given. */
    private final RecordingExecutor backend = new RecordingExecutor((name, literal) -> switch (literal) {
        case "'ansi'" -> "REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI";
        case "'+1:00'" -> "+01:00";
        case "'" + DEFAULT_MODE + "'" -> DEFAULT_MODE;
        default -> literal.startsWith("'") ? literal.substring(1, literal.length() - 1)
                : literal.contains(".") ? (Object) Double.valueOf(literal) : Long.valueOf(literal);
    });
    private final SessionVariables vars = new SessionVariables(new SystemVariables("10.11.19-MariaDB-ShardGate", 8066, 1 << 26, 16382),
            backend, 45);

    @Test
    void backendVariablesAreJudgedByABackendAndCarriedByItsConnections() {
        vars.set("sql_mode", "ansi");
        assertThat(backend.tried).containsExactly("sql_mode = 'ansi'");
        assertThat(vars.get("sql_mode")).isEqualTo("REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI");
        assertThat(backend.current().values())
                .containsExactly(Map.entry("sql_mode", "'REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI'"));

        vars.set("time_zone", "+1:00");
        assertThat(vars.get("time_zone")).isEqualTo("+01:00");
        assertThat(backend.current().values()).containsEntry("time_zone", "'+01:00'");
    }

    @Test
    void aValueEqualToTheDefaultLeavesTheConnectionsAlone() {
        vars.set("sql_mode", "ansi");
        vars.set("sql_mode", DEFAULT_MODE);
        assertThat(backend.current().values()).isEmpty();
        vars.set("group_concat_max_len", 77L);
        vars.set("group_concat_max_len", SetValue.DEFAULT);
        assertThat(backend.tried).containsExactly("sql_mode = 'ansi'", "sql_mode = '" + DEFAULT_MODE + "'",
                "group_concat_max_len = 77");
        assertThat(vars.get("group_concat_max_len")).isEqualTo(1048576L);
        assertThat(backend.current().values()).isEmpty();
    }

    @Test
    void variablesTheProxyImplementsNeverReachABackend() {
        vars.set("sql_select_limit", 5L);
        vars.set("wait_timeout", 10L);
        assertThat(backend.tried).isEmpty();
        assertThat(backend.settings).isEmpty();
        assertThat(vars.get("sql_select_limit")).isEqualTo(5L);
    }

    @Test
    void wrongValuesFailBeforeAnyBackendIsAsked() {
        assertThatThrownBy(() -> vars.set("foreign_key_checks", 2L)).isInstanceOfSatisfying(ShardGateException.class,
                e -> assertThat(e.errorNumber()).isEqualTo(1231));
        assertThatThrownBy(() -> vars.set("group_concat_max_len", "many")).isInstanceOfSatisfying(ShardGateException.class,
                e -> assertThat(e.errorNumber()).isEqualTo(1232));
        assertThatThrownBy(() -> vars.set("version", "1")).isInstanceOfSatisfying(ShardGateException.class,
                e -> assertThat(e.errorNumber()).isEqualTo(1238));
        assertThat(backend.tried).isEmpty();
    }

    @Test
    void setNamesChangesTheThreeCharacterSetsAndTheBackendsCollation() {
        vars.names("latin1", null, false);
        assertThat(vars.get("character_set_client")).isEqualTo("latin1");
        assertThat(vars.get("character_set_results")).isEqualTo("latin1");
        assertThat(vars.get("collation_connection")).isEqualTo("latin1_swedish_ci");
        assertThat(backend.current().values()).containsExactly(Map.entry("collation_connection", "'latin1_swedish_ci'"));
        assertThat(vars.charsets().clientCharset()).isEqualTo(MariaDbCharset.LATIN1);
        assertThat(vars.charsets().resultEncoding().textCollation()).isEqualTo(8);

        vars.set("character_set_results", null);
        assertThat(vars.get("character_set_results")).isNull();
        assertThat(vars.charsets().resultEncoding().target()).isNull();

        vars.names("utf8mb4", null, false);
        assertThat(backend.current().values()).isEmpty();
    }

    @Test
    void characterSetErrorsAreMariaDbs() {
        assertThat(code(() -> vars.names("nosuch", null, false))).isEqualTo(1115);
        assertThat(code(() -> vars.names("ucs2", null, false))).isEqualTo(1231);
        assertThat(code(() -> vars.names("utf8mb4", "latin1_bin", false))).isEqualTo(1253);
        assertThat(code(() -> vars.names("utf8mb4", "nosuch_ci", false))).isEqualTo(1273);
        assertThat(code(() -> vars.set("character_set_client", null))).isEqualTo(1231);
        assertThat(vars.get("character_set_client")).isEqualTo("utf8mb4");
    }

    @Test
    void theHandshakesCharacterSetIsTheSessionsUnlessNoClientMayUseIt() {
        SystemVariables defaults = new SystemVariables("v", 8066, 1 << 20, 16382);
        assertThat(new SessionVariables(defaults, backend, 8).get("character_set_client")).isEqualTo("latin1");
        assertThat(new SessionVariables(defaults, backend, 33).get("collation_connection")).isEqualTo("utf8mb3_general_ci");
        assertThat(new SessionVariables(defaults, backend, 35).get("character_set_client")).as("ucs2").isEqualTo("utf8mb4");
        assertThat(new SessionVariables(defaults, backend, 255).get("collation_connection")).isEqualTo("utf8mb4_general_ci");
    }

    @Test
    void maxExecutionTimeIsMaxStatementTimeInMilliseconds() {
        vars.set("max_execution_time", 1500L);
        assertThat(backend.tried).containsExactly("max_statement_time = 1.5E0");
        assertThat(vars.get("max_statement_time")).isEqualTo(1.5);
        assertThat(vars.get("MAX_EXECUTION_TIME")).isEqualTo(1500L);
    }

    @Test
    void ignoreSpaceJoinsTheModesWhereMariaDbListsIt() {
        vars.ignoreSpace();
        assertThat(vars.get("sql_mode")).isEqualTo("IGNORE_SPACE," + DEFAULT_MODE);
        assertThat(backend.current().values()).containsEntry("sql_mode", "'IGNORE_SPACE," + DEFAULT_MODE + "'");
        vars.set("sql_mode", "ansi");
        vars.ignoreSpace();
        assertThat(vars.get("sql_mode")).isEqualTo("REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI");
    }

    private static int code(Runnable r) {
        try {
            r.run();
        } catch (ShardGateException e) {
            return e.errorNumber();
        }
        throw new AssertionError("no error");
    }
}
