package io.shardgate.router.plan;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code SHOW [GLOBAL|SESSION] VARIABLES [LIKE ...]} from the session's own variables. */
public final class ShowVariables implements Primitive {

    private final VariableScope scope;
    private final LikePattern like;

    public ShowVariables(VariableScope scope, LikePattern like) {
        this.scope = scope;
        this.like = like;
    }

    @Override
    public Result execute(ExecutionContext context) {
        Map<String, Object> variables = context.session().systemVariables(scope);
        List<Row> rows = new ArrayList<>();
        variables.forEach((name, value) -> {
            if (like == null || like.matches(name)) {
                rows.add(Row.ofStrings(name, value == null ? "" : String.valueOf(value)));
            }
        });
        return new ListRowStream(List.of(column("Variable_name", "VARIABLE_NAME", 256), column("Value", "VARIABLE_VALUE", 8192)), rows);
    }

    private static Column column(String name, String orgName, int length) {
        return new Column("information_schema", "SESSION_VARIABLES", "SESSION_VARIABLES", name, orgName,
                Column.UTF8MB4_GENERAL_CI, length, ColumnType.VAR_STRING, Column.NOT_NULL, 0);
    }

    @Override
    public Description describe() {
        return Description.leaf("ShowVariables " + scope);
    }
}
