package io.shardgate.router.plan;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SHOW WARNINGS}, {@code SHOW ERRORS} (with LIMIT) and {@code SHOW COUNT(*) WARNINGS|ERRORS}
 * from the session's diagnostics area: the previous statement's conditions, which this statement
 * leaves in place.
 */
public final class ShowDiagnostics implements Primitive {

    private static final List<Column> COLUMNS = List.of(
            new Column("", "", "", "Level", "", Column.UTF8MB4_GENERAL_CI, 28, ColumnType.VAR_STRING, Column.NOT_NULL, 39),
            new Column("", "", "", "Code", "", Column.BINARY_COLLATION, 4, ColumnType.LONG,
                    Column.NOT_NULL | Column.UNSIGNED | Column.BINARY | Column.NUM, 0),
            new Column("", "", "", "Message", "", Column.UTF8MB4_GENERAL_CI, 2048, ColumnType.VAR_STRING, Column.NOT_NULL, 39));

    private final boolean errorsOnly;
    private final boolean count;
    private final long offset;
    private final long limit;

    /**
     * @param count  SHOW COUNT(*) ...: one row with the number
     * @param offset rows skipped (LIMIT offset, n)
     * @param limit  rows shown at most
     */
    public ShowDiagnostics(boolean errorsOnly, boolean count, long offset, long limit) {
        this.errorsOnly = errorsOnly;
        this.count = count;
        this.offset = offset;
        this.limit = limit;
    }

    @Override
    public Result execute(ExecutionContext context) {
        if (count) {
            String name = errorsOnly ? "@@session.error_count" : "@@session.warning_count";
            Object n = context.session().systemVariable(errorsOnly ? "error_count" : "warning_count", VariableScope.SESSION);
            Column c = new Column("", "", "", name, "", Column.BINARY_COLLATION, 21, ColumnType.LONGLONG,
                    Column.UNSIGNED | Column.BINARY | Column.NUM, 0);
            return new ListRowStream(List.of(c), List.of(Row.ofStrings(String.valueOf(n))));
        }
        List<Row> rows = new ArrayList<>();
        long skipped = 0;
        for (Condition c : context.session().conditions()) {
            if (errorsOnly && c.level() != Condition.Level.ERROR) {
                continue;
            }
            if (skipped++ < offset) {
                continue;
            }
            if (rows.size() >= limit) {
                break;
            }
            rows.add(Row.ofStrings(c.level().text(), Integer.toString(c.code()), c.message()));
        }
        return new ListRowStream(COLUMNS, rows);
    }

    @Override
    public Description describe() {
        return Description.leaf("ShowDiagnostics " + (count ? "COUNT " : "") + (errorsOnly ? "ERRORS" : "WARNINGS"));
    }
}
