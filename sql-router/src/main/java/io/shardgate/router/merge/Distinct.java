package io.shardgate.router.merge;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.value.CellComparator;
import io.shardgate.router.value.ValueType;
import java.util.List;

/**
 * DISTINCT over an input sorted so that equal rows are adjacent: drops a row equal (under each
 * column's collation) to the one before it. Holds one row.
 */
public final class Distinct implements Primitive {

    private final Primitive input;
    private final int width;
    private final Integer[] collations;

    /**
     * @param width      the leading columns that make a row distinct (the visible select list)
     * @param collations per column, the collation text compares by (null entries: the column's)
     */
    public Distinct(Primitive input, int width, Integer[] collations) {
        this.input = input;
        this.width = width;
        this.collations = collations.clone();
    }

    @Override
    public Result execute(ExecutionContext context) {
        RowStream in = (RowStream) input.execute(context);
        CellComparator[] cmp = new CellComparator[width];
        for (int i = 0; i < width; i++) {
            Column c = in.columns().get(i);
            cmp[i] = CellComparator.of(ValueType.of(c), c.name(), i < collations.length ? collations[i] : null);
        }
        return new RowStream() {
            private Row previous;

            @Override
            public List<Column> columns() {
                return in.columns();
            }

            @Override
            public Row next() {
                for (Row r = in.next(); r != null; r = in.next()) {
                    if (previous == null || !same(previous, r)) {
                        previous = r;
                        return r;
                    }
                }
                return null;
            }

            private boolean same(Row a, Row b) {
                for (int i = 0; i < width; i++) {
                    if (cmp[i].compare(a.cell(i), b.cell(i)) != 0) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public Description describe() {
        return Description.of("Distinct " + width + " columns", input.describe());
    }
}
