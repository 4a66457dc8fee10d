package io.shardgate.router.merge;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.List;

/** Removes the sort columns the proxy appended to the shard queries, leaving the client's columns. */
public final class DropHidden implements Primitive {

    private final Primitive input;
    private final int hidden;

    public DropHidden(Primitive input, int hidden) {
        this.input = input;
        this.hidden = hidden;
    }

    @Override
    public Result execute(ExecutionContext context) {
        RowStream in = (RowStream) input.execute(context);
        int width = in.columns().size() - hidden;
        List<Column> columns = List.copyOf(in.columns().subList(0, width));
        return new RowStream() {
            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public Row next() {
                Row r = in.next();
                if (r == null) {
                    return null;
                }
                byte[][] cells = new byte[width][];
                System.arraycopy(r.cells(), 0, cells, 0, width);
                return new Row(cells);
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public Description describe() {
        return Description.of("DropHidden " + hidden, input.describe());
    }
}
