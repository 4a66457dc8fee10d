package io.shardgate.router.plan;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code SHOW [GLOBAL|SESSION] VARIABLES [LIKE ...]} from the session's own variables, and
 * {@code SHOW [GLOBAL|SESSION] STATUS [LIKE ...]} from the proxy's counters: both name/value
 * tables of information_schema.
 */
public final class ShowVariables implements Primitive {

    private final VariableScope scope;
    private final LikePattern like;
    private final boolean status;

    public ShowVariables(VariableScope scope, LikePattern like) {
        this(scope, like, false);
    }

    private ShowVariables(VariableScope scope, LikePattern like, boolean status) {
        this.scope = scope;
        this.like = like;
        this.status = status;
    }

    public static ShowVariables status(VariableScope scope, LikePattern like) {
        return new ShowVariables(scope, like, true);
    }

    @Override
    public Result execute(ExecutionContext context) {
        Map<String, Object> variables = status ? context.session().statusVariables(scope)
                : context.session().systemVariables(scope);
        List<Row> rows = new ArrayList<>();
        variables.forEach((name, value) -> {
            if (like == null || like.matches(name)) {
                rows.add(Row.ofStrings(name, value == null ? "" : String.valueOf(value)));
            }
        });
        return new ListRowStream(List.of(column("Variable_name", "VARIABLE_NAME", 256), column("Value", "VARIABLE_VALUE", 8192)), rows);
    }

    private Column column(String name, String orgName, int length) {
        String table = status ? "SESSION_STATUS" : "SESSION_VARIABLES";
        return new Column("information_schema", table, table, name, orgName,
                Column.UTF8MB4_GENERAL_CI, length, ColumnType.VAR_STRING, Column.NOT_NULL, 0);
    }

    @Override
    public Description describe() {
        return Description.leaf((status ? "ShowStatus " : "ShowVariables ") + scope);
    }
}
