package io.shardgate.router.merge;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.Diagnostics;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.SessionValues;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.value.CellComparator;
import io.shardgate.router.value.DoubleText;
import io.shardgate.router.value.SqlValue;
import io.shardgate.router.value.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GROUP BY in the proxy over an input sorted by the group columns (the shards group and sort,
 * MergeSort merges): consecutive rows with equal group keys (under each column's collation) form a
 * group, so one group's state is held at a time. Without GROUP BY the whole input is one group and
 * exactly one row comes out, even from no rows, as in MariaDB.
 *
 * <p>Output columns: the group columns, one column per aggregate, then the passthrough columns
 * (values the shards computed per group), taken from the group's first row.
 */
public final class Aggregate implements Primitive {

    private final Primitive input;
    private final int groupColumns;
    private final int[] distinctColumns;
    private final boolean raw;
    private final List<AggregateCall> calls;
    private final int[] passthrough;
    private final Integer[] groupCollations;
    private final Integer[] distinctCollations;

    /**
     * @param groupColumns    the leading input columns that are the group key (0 for none)
     * @param distinctColumns the input columns a DISTINCT aggregate de-duplicates (sorted right
     *                        after the group columns)
     * @param raw             whether inputs are rows (true) or shard partial aggregates (false)
     */
    public Aggregate(Primitive input, int groupColumns, int[] distinctColumns, boolean raw, List<AggregateCall> calls,
                     int[] passthrough, Integer[] groupCollations, Integer[] distinctCollations) {
        this.input = input;
        this.groupColumns = groupColumns;
        this.distinctColumns = distinctColumns.clone();
        this.raw = raw;
        this.calls = List.copyOf(calls);
        this.passthrough = passthrough.clone();
        this.groupCollations = groupCollations.clone();
        this.distinctCollations = distinctCollations.clone();
    }

    @Override
    public Result execute(ExecutionContext context) {
        RowStream in = (RowStream) input.execute(context);
        try {
            return new Grouped(in, SessionValues.groupConcatMaxLen(context.session()),
                    SessionValues.divPrecision(context.session()), context.session().diagnostics());
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public Description describe() {
        return Description.of("Aggregate " + (raw ? "rows " : "partials ") + "group=" + groupColumns
                + (distinctColumns.length > 0 ? " distinct=" + java.util.Arrays.toString(distinctColumns) : "")
                + " " + calls + (passthrough.length > 0 ? " pass=" + java.util.Arrays.toString(passthrough) : ""),
                input.describe());
    }

    private final class Grouped implements RowStream {

        private final RowStream in;
        private final List<Column> columns;
        private final CellComparator[] groupCmp;
        private final CellComparator[] distinctCmp;
        private final List<Accumulator.Factory> factories = new ArrayList<>();
        private Row pending;
        private boolean started;
        private boolean emittedScalar;
        private final Diagnostics diagnostics;
        /** Input rows read, which MariaDB's GROUP_CONCAT warning numbers the cut row by. */
        private long rowsRead;

        Grouped(RowStream in, long groupConcatMaxLen, int divPrecision, Diagnostics diagnostics) {
            this.in = in;
            this.diagnostics = diagnostics;
            List<Column> inCols = in.columns();
            groupCmp = comparators(inCols, range(groupColumns), groupCollations);
            distinctCmp = comparators(inCols, distinctColumns, distinctCollations);
            List<Column> out = new ArrayList<>();
            for (int i = 0; i < groupColumns; i++) {
                // Later comparisons (ORDER BY after grouping) must use the key's real collation too.
                Column c = inCols.get(i);
                boolean text = ValueType.of(c).category() == ValueType.Category.STRING;
                out.add(text && i < groupCollations.length && groupCollations[i] != null ? c.withCollation(groupCollations[i]) : c);
            }
            for (int i = 0; i < calls.size(); i++) {
                Accumulator.Factory f = new Accumulator.Factory(calls.get(i), raw, inCols, groupConcatMaxLen, divPrecision);
                factories.add(f);
                out.add(f.resultColumn("_sg_a" + i));
            }
            for (int p : passthrough) {
                out.add(inCols.get(p));
            }
            columns = List.copyOf(out);
        }

        private static int[] range(int n) {
            int[] r = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = i;
            }
            return r;
        }

        private static CellComparator[] comparators(List<Column> cols, int[] indexes, Integer[] collations) {
            CellComparator[] c = new CellComparator[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                Column col = cols.get(indexes[i]);
                c[i] = CellComparator.of(ValueType.of(col), col.name(), i < collations.length ? collations[i] : null);
            }
            return c;
        }

        @Override
        public List<Column> columns() {
            return columns;
        }

        @Override
        public Row next() {
            if (!started) {
                started = true;
                pending = in.next();
            }
            if (pending == null) {
                if (groupColumns == 0 && !emittedScalar) {
                    emittedScalar = true;
                    return finish(null, fresh());
                }
                return null;
            }
            Row first = pending;
            List<Accumulator> acc = fresh();
            Row previous = null;
            while (pending != null && sameGroup(first, pending)) {
                boolean newDistinct = previous == null || !sameDistinct(previous, pending);
                rowsRead++;
                for (int i = 0; i < acc.size(); i++) {
                    if (!calls.get(i).distinct() || newDistinct) {
                        Accumulator a = acc.get(i);
                        boolean wasCut = a.cut();
                        a.add(pending.cells());
                        if (!wasCut && a.cut()) {
                            diagnostics.add(GroupConcatCut.warning(rowsRead));
                        }
                    }
                }
                previous = pending;
                pending = in.next();
            }
            emittedScalar = true;
            return finish(first, acc);
        }

        private List<Accumulator> fresh() {
            List<Accumulator> acc = new ArrayList<>(factories.size());
            factories.forEach(f -> acc.add(f.create()));
            return acc;
        }

        private boolean sameGroup(Row a, Row b) {
            for (int i = 0; i < groupCmp.length; i++) {
                if (groupCmp[i].compare(a.cell(i), b.cell(i)) != 0) {
                    return false;
                }
            }
            return true;
        }

        private boolean sameDistinct(Row a, Row b) {
            for (int i = 0; i < distinctCmp.length; i++) {
                if (distinctCmp[i].compare(a.cell(distinctColumns[i]), b.cell(distinctColumns[i])) != 0) {
                    return false;
                }
            }
            return true;
        }

        private Row finish(Row first, List<Accumulator> acc) {
            byte[][] cells = new byte[columns.size()][];
            int c = 0;
            for (int i = 0; i < groupColumns; i++) {
                cells[c++] = first.cell(i);
            }
            for (Accumulator a : acc) {
                cells[c++] = text(a.result());
            }
            for (int p : passthrough) {
                cells[c++] = first == null ? null : first.cell(p);
            }
            return new Row(cells);
        }

        @Override
        public void close() {
            in.close();
        }
    }

    /** Intermediate text: exact and round-tripping, not yet the client's formatting. */
    static byte[] text(SqlValue v) {
        return switch (v) {
            case SqlValue.Null n -> null;
            case SqlValue.Raw r -> r.text();
            case SqlValue.Int i -> Long.toString(i.value()).getBytes(StandardCharsets.US_ASCII);
            case SqlValue.BigInt b -> b.value().toString().getBytes(StandardCharsets.US_ASCII);
            // Intermediate text keeps every digit; the client's formatting rounds later.
            case SqlValue.Dec d -> d.value().toPlainString().getBytes(StandardCharsets.US_ASCII);
            case SqlValue.Dbl d -> DoubleText.ofDouble(d.value()).getBytes(StandardCharsets.US_ASCII);
            case SqlValue.Str s -> s.value().getBytes(StandardCharsets.UTF_8);
        };
    }
}
