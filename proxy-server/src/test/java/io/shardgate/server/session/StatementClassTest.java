package io.shardgate.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.router.parse.SqlParser;
import org.junit.jupiter.api.Test;

class StatementClassTest {

    private static StatementClass of(String sql) {
        return StatementClass.of(SqlParser.parse(sql, true));
    }

    @Test
    void statementsWithoutTablesLeaveTheWarnings() {
        for (String sql : new String[] {"SET @a = 1", "SELECT 1", "SELECT NOW() FROM DUAL", "BEGIN", "COMMIT",
            "SAVEPOINT a", "SHOW WARNINGS", "SHOW CREATE DATABASE shop", "SHOW CREATE SCHEMA shop", "SHOW COUNT(*) ERRORS",
            "USE shop", "SELECT (SELECT 1 FROM t)"}) {
            assertThat(of(sql).usesTables()).as(sql).isFalse();
        }
        for (String sql : new String[] {"SELECT * FROM t", "SHOW TABLES", "SHOW VARIABLES", "INSERT INTO t VALUES (1)",
            "CREATE TABLE t (a INT)"}) {
            assertThat(of(sql).usesTables()).as(sql).isTrue();
        }
    }

    @Test
    void statusCountersAreMariaDbs() {
        assertThat(of("SELECT 1").counter()).isEqualTo("Com_select");
        assertThat(of("set @a = 1").counter()).isEqualTo("Com_set_option");
        assertThat(of("START TRANSACTION").counter()).isEqualTo("Com_begin");
        assertThat(of("ROLLBACK TO SAVEPOINT a").counter()).isEqualTo("Com_rollback_to_savepoint");
        assertThat(of("ROLLBACK WORK TO a").counter()).isEqualTo("Com_rollback_to_savepoint");
        assertThat(of("SHOW FULL TABLES").counter()).isEqualTo("Com_show_tables");
        assertThat(of("SHOW GLOBAL STATUS").counter()).isEqualTo("Com_show_status");
        assertThat(of("DROP TABLE t").counter()).isEqualTo("Com_drop_table");
        assertThat(of("DO 1").counter()).isNull();
    }

    @Test
    void sqlLevelPreparedStatementsHaveTheirOwnCounters() {
        assertThat(of("PREPARE s FROM 'SELECT 1'").counter()).isEqualTo("Com_prepare_sql");
        assertThat(of("EXECUTE s USING @a").counter()).isEqualTo("Com_execute_sql");
        assertThat(of("DEALLOCATE PREPARE s").counter()).isEqualTo("Com_dealloc_sql");
        assertThat(of("DROP PREPARE s").counter()).isEqualTo("Com_dealloc_sql");
        assertThat(of("DROP PREPARE s").usesTables()).isFalse();
        assertThat(of("DROP INDEX i ON t").counter()).isEqualTo("Com_drop_index");
    }

    @Test
    void showWarningsDoesNotChangeFoundRows() {
        assertThat(of("SHOW WARNINGS").setsFoundRows()).isFalse();
        assertThat(of("SHOW ERRORS").setsFoundRows()).isFalse();
        assertThat(of("SHOW COUNT(*) WARNINGS").setsFoundRows()).isTrue();
        assertThat(of("SELECT 1").setsFoundRows()).isTrue();
    }
}
