package io.shardgate.router.meta;

import io.shardgate.router.DataNode;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A SHOW statement's WHERE condition over rows the proxy built, evaluated by a data node: the rows
 * go to it as a derived table of typed constants under the SHOW's column names, numbered, and it
 * answers with the numbers of the rows that pass. The condition is then evaluated by MariaDB
 * itself, with any function or operator the client used.
 *
 * <p>The first SELECT only names the columns (a VALUES list cannot): it holds the first row's
 * values, for the types, but no row. Its LIMIT keeps MariaDB from pushing the condition into it,
 * where it would be evaluated once more for that row and raise its warnings twice; so the
 * condition runs once per row, in order, and its warnings are listed that way.
 */
final class ShowWhere {

    private static final String NUMBER = "shardgate_row";

    private ShowWhere() {
    }

    static List<Row> filter(ExecutionContext context, DataNode node, List<Column> columns, List<Row> rows, String where) {
        if (rows.isEmpty()) {
            return rows;
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(NUMBER).append(" FROM ((SELECT 0 AS ").append(NUMBER);
        Row first = rows.getFirst();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(", ").append(SqlValues.literal(columns.get(i), first.cell(i))).append(" AS ")
                    .append(MysqlStrings.quoteIdentifier(columns.get(i).name()));
        }
        sql.append(" LIMIT 0)");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? " UNION ALL VALUES " : ", ").append('(').append(r);
            for (int i = 0; i < columns.size(); i++) {
                sql.append(", ").append(SqlValues.literal(columns.get(i), rows.get(r).cell(i)));
            }
            sql.append(')');
        }
        sql.append(") AS shardgate_show WHERE ").append(where);
        List<Row> out = new ArrayList<>();
        try (RowStream passed = NodeQueries.query(context.shards(), node, sql.toString())) {
            for (Row r = passed.next(); r != null; r = passed.next()) {
                out.add(rows.get(Integer.parseInt(r.text(0))));
            }
        }
        return out;
    }
}
