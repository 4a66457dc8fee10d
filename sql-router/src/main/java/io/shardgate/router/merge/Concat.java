package io.shardgate.router.merge;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of several queries one after another ({@code UNION ALL}). Each input runs only when the
 * one before it is exhausted and closed, so no two hold backend connections at once. Columns are
 * named and described by the first input, as MariaDB names a UNION's columns.
 */
public final class Concat implements Primitive {

    private final List<Primitive> inputs;

    public Concat(List<Primitive> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public Result execute(ExecutionContext context) {
        RowStream first = (RowStream) inputs.getFirst().execute(context);
        List<Column> columns = first.columns();
        return new RowStream() {
            private RowStream current = first;
            private int next = 1;

            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public Row next() {
                while (current != null) {
                    Row r = current.next();
                    if (r != null) {
                        return r;
                    }
                    current.close();
                    current = null;
                    if (next < inputs.size()) {
                        current = (RowStream) inputs.get(next++).execute(context);
                        if (current.columns().size() != columns.size()) {
                            int got = current.columns().size();
                            current.close();
                            current = null;
                            throw new ShardGateException(1222, "21000",
                                    "The used SELECT statements have a different number of columns (" + got + ")", null);
                        }
                    }
                }
                return null;
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                    current = null;
                }
                next = inputs.size();
            }
        };
    }

    @Override
    public Description describe() {
        List<Description> children = new ArrayList<>();
        inputs.forEach(i -> children.add(i.describe()));
        return new Description("Concat", children);
    }
}
