package io.shardgate.router.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitZeroTest {

    private static String of(String sql) {
        return LimitZero.of(sql, true);
    }

    @Test
    void addsALimitWhereThereIsNone() {
        assertThat(of("SELECT a FROM t WHERE b = 'LIMIT'")).isEqualTo("SELECT a FROM t WHERE b = 'LIMIT' LIMIT 0");
        assertThat(of("SELECT a FROM t ORDER BY a;")).isEqualTo("SELECT a FROM t ORDER BY a LIMIT 0");
        assertThat(of("(SELECT a FROM t) UNION (SELECT b FROM u)")).isEqualTo("(SELECT a FROM t) UNION (SELECT b FROM u) LIMIT 0");
    }

    @Test
    void replacesTheOutermostLimitOnly() {
        assertThat(of("SELECT a FROM t LIMIT 10")).isEqualTo("SELECT a FROM t LIMIT 0");
        assertThat(of("SELECT a FROM t LIMIT 5, 10")).isEqualTo("SELECT a FROM t LIMIT 0");
        assertThat(of("SELECT a FROM t LIMIT 10 OFFSET 5")).isEqualTo("SELECT a FROM t LIMIT 0");
        assertThat(of("SELECT a FROM (SELECT a FROM t LIMIT 3) x WHERE a IN (SELECT b FROM u LIMIT 1)"))
                .isEqualTo("SELECT a FROM (SELECT a FROM t LIMIT 3) x WHERE a IN (SELECT b FROM u LIMIT 1) LIMIT 0");
        assertThat(of("SELECT a FROM t UNION SELECT b FROM u LIMIT 7")).isEqualTo("SELECT a FROM t UNION SELECT b FROM u LIMIT 0");
    }

    @Test
    void staysBeforeLockingClauses() {
        assertThat(of("SELECT a FROM t WHERE id = 1 FOR UPDATE")).isEqualTo("SELECT a FROM t WHERE id = 1 LIMIT 0 FOR UPDATE");
        assertThat(of("SELECT a FROM t LIMIT 2 FOR UPDATE")).isEqualTo("SELECT a FROM t LIMIT 0 FOR UPDATE");
        assertThat(of("SELECT a FROM t LOCK IN SHARE MODE")).isEqualTo("SELECT a FROM t LIMIT 0 LOCK IN SHARE MODE");
        // a system-versioned table's FOR is not a locking clause
        assertThat(of("SELECT a FROM t FOR SYSTEM_TIME ALL")).isEqualTo("SELECT a FROM t FOR SYSTEM_TIME ALL LIMIT 0");
    }
}
