package io.shardgate.router.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.router.FakeSession;
import io.shardgate.router.FakeShardExecutor;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowDiagnosticsTest {

    private static final List<Condition> CONDITIONS = List.of(new Condition(Condition.Level.WARNING, 1365, "Division by 0"),
            new Condition(Condition.Level.NOTE, 1050, "Table 't' already exists"),
            new Condition(Condition.Level.ERROR, 1054, "Unknown column 'x' in 'SELECT'"));

    /** A session whose last statement left {@link #CONDITIONS}. */
    private final FakeSession session = FakeSession.inShop().conditions(CONDITIONS);
    private final ExecutionContext context = new ExecutionContext(new FakeShardExecutor(), session);

    private List<String> rows(ShowDiagnostics show) {
        List<String> out = new ArrayList<>();
        try (RowStream rs = (RowStream) show.execute(context)) {
            for (Row r = rs.next(); r != null; r = rs.next()) {
                out.add(String.join("|", r.text(0), r.text(1), r.text(2)));
            }
        }
        return out;
    }

    @Test
    void warningsListEveryLevelErrorsOnlyErrors() {
        assertThat(rows(new ShowDiagnostics(false, false, 0, Long.MAX_VALUE))).containsExactly(
                "Warning|1365|Division by 0", "Note|1050|Table 't' already exists", "Error|1054|Unknown column 'x' in 'SELECT'");
        assertThat(rows(new ShowDiagnostics(true, false, 0, Long.MAX_VALUE))).containsExactly("Error|1054|Unknown column 'x' in 'SELECT'");
        assertThat(rows(new ShowDiagnostics(false, false, 1, 1))).containsExactly("Note|1050|Table 't' already exists");
    }

    @Test
    void countsAreTheSessionVariablesMariaDbNamesThemAfter() {
        RowStream warnings = (RowStream) new ShowDiagnostics(false, true, 0, 0).execute(context);
        assertThat(warnings.columns()).extracting(Column::name).containsExactly("@@session.warning_count");
        assertThat(warnings.next().text(0)).isEqualTo("3");
        RowStream errors = (RowStream) new ShowDiagnostics(true, true, 0, 0).execute(context);
        assertThat(errors.columns()).extracting(Column::name).containsExactly("@@session.error_count");
        assertThat(errors.next().text(0)).isEqualTo("1");
    }
}
