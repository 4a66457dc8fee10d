package io.shardgate.router.merge;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.value.Eval;
import io.shardgate.router.value.Ops;
import java.util.List;

/** HAVING: keeps the groups for which the condition is true (not false, not NULL). */
public final class Filter implements Primitive {

    private final Primitive input;
    private final Eval condition;
    private final String shown;

    public Filter(Primitive input, Eval condition, String shown) {
        this.input = input;
        this.condition = condition;
        this.shown = shown;
    }

    @Override
    public Result execute(ExecutionContext context) {
        RowStream in = (RowStream) input.execute(context);
        Slots slots = new Slots(in.columns());
        return new RowStream() {
            @Override
            public List<Column> columns() {
                return in.columns();
            }

            @Override
            public Row next() {
                for (Row r = in.next(); r != null; r = in.next()) {
                    if (Boolean.TRUE.equals(Ops.truth(condition.eval(slots.of(r))))) {
                        return r;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public Description describe() {
        return Description.of("Filter " + shown, input.describe());
    }
}
