package io.shardgate.router.merge;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.value.Eval;
import io.shardgate.router.value.Formatter;
import io.shardgate.router.value.SqlValue;
import java.util.List;

/**
 * The select list computed by the proxy (expressions over aggregates). Each value is written as the
 * matching column of the original statement would hold it; those columns (names, types, decimals)
 * come from running the original statement with LIMIT 0 on one data node, so they are exactly
 * MariaDB's.
 */
public final class Evaluate implements Primitive {

    private final Primitive input;
    private final List<Eval> outputs;
    private final List<String> shown;
    private final ShardStatement shapeQuery;
    private final String logicalSchema;

    public Evaluate(Primitive input, List<Eval> outputs, List<String> shown, ShardStatement shapeQuery,
                    String logicalSchema) {
        this.input = input;
        this.outputs = List.copyOf(outputs);
        this.shown = List.copyOf(shown);
        this.shapeQuery = shapeQuery;
        this.logicalSchema = logicalSchema;
    }

    @Override
    public Result execute(ExecutionContext context) {
        List<Column> shape = shape(context);
        RowStream in = (RowStream) input.execute(context);
        Slots slots = new Slots(in.columns());
        return new RowStream() {
            @Override
            public List<Column> columns() {
                return shape;
            }

            @Override
            public Row next() {
                Row r = in.next();
                if (r == null) {
                    return null;
                }
                SqlValue[] s = slots.of(r);
                byte[][] cells = new byte[outputs.size()][];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = Formatter.cell(outputs.get(i).eval(s), shape.get(i));
                }
                return new Row(cells);
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    private List<Column> shape(ExecutionContext context) {
        Result r = context.shards().execute(shapeQuery);
        if (!(r instanceof RowStream rows)) {
            throw new io.shardgate.router.ShardGateException(1105, "HY000", "the shape query returned no columns", null);
        }
        try (rows) {
            List<Column> columns = rows.columns();
            if (columns.size() != outputs.size()) {
                throw new io.shardgate.router.ShardGateException(1105, "HY000", "the shape query returned "
                        + columns.size() + " columns, expected " + outputs.size(), null);
            }
            return columns.stream().map(c -> shapeQuery.database().equals(c.schema()) && logicalSchema != null
                    ? c.withSchema(logicalSchema) : c).toList();
        }
    }

    @Override
    public Description describe() {
        return Description.of("Evaluate " + shown + " (columns from " + shapeQuery.dataNode() + ": " + shapeQuery.sql() + ")",
                input.describe());
    }
}
