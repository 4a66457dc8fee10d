package io.shardgate.router.merge;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.List;

/**
 * {@code LIMIT offset, count} over a merged stream: skips rows as they stream (a deep OFFSET holds
 * nothing) and closes its input as soon as the last row is out.
 */
public final class Limit implements Primitive {

    private final Primitive input;
    private final long offset;
    private final long count;

    public Limit(Primitive input, long offset, long count) {
        this.input = input;
        this.offset = offset;
        this.count = count;
    }

    @Override
    public Result execute(ExecutionContext context) {
        RowStream in = (RowStream) input.execute(context);
        return new RowStream() {
            private long skipped;
            private long emitted;
            private boolean closed;

            @Override
            public List<Column> columns() {
                return in.columns();
            }

            @Override
            public Row next() {
                if (closed) {
                    return null;
                }
                while (skipped < offset) {
                    if (in.next() == null) {
                        close();
                        return null;
                    }
                    skipped++;
                }
                if (emitted >= count) {
                    close();
                    return null;
                }
                Row r = in.next();
                if (r == null) {
                    close();
                    return null;
                }
                emitted++;
                return r;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    in.close();
                }
            }
        };
    }

    @Override
    public Description describe() {
        return Description.of("Limit " + (offset > 0 ? offset + ", " : "") + count, input.describe());
    }
}
