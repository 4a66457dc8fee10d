package io.shardgate.router.meta;

import io.shardgate.router.DataNode;
import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A SHOW statement answered with rows the proxy builds (logical schemas, logical tables and their
 * status). Its column definitions are MariaDB's own: the same SHOW run on a data node over
 * information_schema with {@code WHERE 0}, which returns no rows and names no physical database;
 * the first column is renamed where MariaDB's name holds the database or the LIKE pattern.
 */
public final class ShowFromRows implements Primitive {

    /** The rows, given the SHOW's columns (a source can pick its values by their original names). */
    public interface Rows {
        List<Row> read(ExecutionContext context, List<Column> columns);
    }

    private final String shown;
    private final DataNode node;
    private final String describingShow;
    private final String firstColumn;
    private final Rows rows;
    private final ShowFilter filter;

    /**
     * @param describingShow the SHOW whose (empty) answer gives the column definitions
     * @param firstColumn    the first column's name without the pattern, or null to keep MariaDB's
     */
    public ShowFromRows(String shown, DataNode node, String describingShow, String firstColumn, Rows rows, ShowFilter filter) {
        this.shown = shown;
        this.node = node;
        this.describingShow = describingShow;
        this.firstColumn = firstColumn;
        this.rows = rows;
        this.filter = filter;
    }

    @Override
    public Result execute(ExecutionContext context) {
        List<Column> columns = new ArrayList<>(columns(context, node, describingShow));
        if (firstColumn != null) {
            columns.set(0, columns.getFirst().withName(filter.name(firstColumn)));
        }
        List<Row> all = rows.read(context, columns);
        return new ListRowStream(columns, filter.apply(context, node, columns, all));
    }

    /** The column definitions of a statement's answer (its rows are not read). */
    static List<Column> columns(ExecutionContext context, DataNode node, String sql) {
        try (RowStream rs = NodeQueries.query(context.shards(), node, sql)) {
            return rs.columns();
        }
    }

    /** Each row as the columns' values, picked by the columns' original names from named values. */
    static List<Row> project(List<Column> columns, List<Column> from, List<Row> rows) {
        int[] at = new int[columns.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = NodeQueries.indexOf(from, columns.get(i).orgName());
        }
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            byte[][] cells = new byte[at.length][];
            for (int i = 0; i < at.length; i++) {
                cells[i] = at[i] < 0 ? null : r.cell(at[i]);
            }
            out.add(new Row(cells));
        }
        return out;
    }

    @Override
    public Description describe() {
        return Description.of(shown + filter.clause(), Description.leaf(node.name() + ": " + describingShow));
    }
}
