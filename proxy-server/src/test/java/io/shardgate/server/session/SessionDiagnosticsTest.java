package io.shardgate.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.plan.Condition;
import io.shardgate.router.plan.Condition.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MariaDB's rules for what SHOW WARNINGS shows after each statement. */
class SessionDiagnosticsTest {

    private static final Condition DIV0 = new Condition(Level.WARNING, 1365, "Division by 0");

    private final SessionDiagnostics d = new SessionDiagnostics();

    @Test
    void aStatementsConditionsReplaceThePreviousOnes() {
        d.begin(64);
        d.add(3, List.of(DIV0, DIV0, DIV0));
        assertThat(d.end(true)).isEqualTo(3);
        assertThat(d.conditions()).hasSize(3);
        assertThat(d.warningCount()).isEqualTo(3);

        d.begin(64);
        d.add(new Condition(Level.NOTE, 1050, "Table 't' already exists"));
        assertThat(d.end(true)).isEqualTo(1);
        assertThat(d.conditions()).extracting(Condition::code).containsExactly(1050);
    }

    @Test
    void onlyStatementsThatUseTablesClearTheList() {
        d.begin(64);
        d.add(DIV0);
        d.end(false);
        d.begin(64);
        assertThat(d.end(false)).as("SELECT 1 raises none").isZero();
        assertThat(d.warningCount()).isEqualTo(1);
        d.begin(64);
        d.end(true);
        assertThat(d.conditions()).isEmpty();
        assertThat(d.warningCount()).isZero();
    }

    @Test
    void anErrorIsTheStatementsLastCondition() {
        d.begin(64);
        d.add(DIV0);
        d.fail(new ShardGateException(1054, "42S22", "Unknown column 'x' in 'SELECT'", null), true);
        assertThat(d.conditions()).extracting(Condition::level).containsExactly(Level.WARNING, Level.ERROR);
        assertThat(d.warningCount()).isEqualTo(2);
        assertThat(d.errorCount()).isEqualTo(1);
    }

    @Test
    void maxErrorCountBoundsTheListNotTheCount() {
        d.begin(2);
        d.add(3, List.of(DIV0, DIV0, DIV0));
        d.add(DIV0);
        assertThat(d.end(true)).isEqualTo(4);
        assertThat(d.conditions()).hasSize(2);
        assertThat(d.warningCount()).isEqualTo(4);
    }

    @Test
    void foundRowsAndStatusFlagsOfSeveralShardsAddUp() {
        d.begin(64);
        d.foundRows(3);
        d.foundRows(4);
        d.statusFlags(32);
        d.statusFlags(16);
        assertThat(d.backendFoundRows()).isEqualTo(7);
        assertThat(d.backendStatusFlags()).isEqualTo(48);
        d.begin(64);
        assertThat(d.backendFoundRows()).isNull();
        assertThat(d.backendStatusFlags()).isZero();
    }
}
