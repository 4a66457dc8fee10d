package io.shardgate.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.router.plan.BackendSettings;
import org.junit.jupiter.api.Test;

/** The one SET that takes a pooled connection from what the last session left to what the next needs. */
class ConnectionSettingsTest {

    private static final BackendSettings STRICT_UTC = BackendSettings.DEFAULTS
            .with("sql_mode", "'STRICT_ALL_TABLES'").with("time_zone", "'+00:00'");

    @Test
    void agreeingStatesNeedNoStatement() {
        assertThat(ConnectionSettings.difference(BackendSettings.DEFAULTS, BackendSettings.DEFAULTS)).isNull();
        assertThat(ConnectionSettings.difference(STRICT_UTC, BackendSettings.DEFAULTS
                .with("time_zone", "'+00:00'").with("sql_mode", "'STRICT_ALL_TABLES'"))).isNull();
    }

    @Test
    void whatTheNextSessionWantsIsSetAndWhatItDoesNotIsReset() {
        BackendSettings next = BackendSettings.DEFAULTS.with("time_zone", "'+05:00'").with("group_concat_max_len", "77");
        assertThat(ConnectionSettings.difference(STRICT_UTC, next))
                .isEqualTo("SET SESSION group_concat_max_len = 77, sql_mode = DEFAULT, time_zone = '+05:00'");
        assertThat(ConnectionSettings.difference(BackendSettings.DEFAULTS, STRICT_UTC))
                .isEqualTo("SET SESSION sql_mode = 'STRICT_ALL_TABLES', time_zone = '+00:00'");
    }

    /** The connection's character set goes back to the one the proxy reads results in, not the server's default. */
    @Test
    void collationConnectionReturnsToThePoolsOwn() {
        BackendSettings latin1 = BackendSettings.DEFAULTS.with("collation_connection", "'latin1_swedish_ci'");
        assertThat(ConnectionSettings.difference(latin1, BackendSettings.DEFAULTS))
                .isEqualTo("SET SESSION collation_connection = 'utf8mb4_general_ci'");
    }

    @Test
    void literalsAreWhatMariaDbReadsBack() {
        assertThat(BackendSettings.literal(5L)).isEqualTo("5");
        assertThat(BackendSettings.literal(1.5)).isEqualTo("1.5E0");
        assertThat(BackendSettings.literal("it's")).isEqualTo("'it''s'");
        assertThat(BackendSettings.literal(null)).isEqualTo("NULL");
    }
}
