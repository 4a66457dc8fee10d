package io.shardgate.router;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.VariableScope;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * An INSERT into a table with an AUTO_INCREMENT column. On a sharded or global table every backend
 * would count on its own and hand out the same ids, so where rows leave the column to the server
 * the proxy takes ids from the global sequence instead (one contiguous run per statement, as
 * MariaDB gives a multi-row INSERT), writes them into the rows, and only then routes the rows. The
 * client gets the first id as LAST_INSERT_ID. Explicit ids move the sequence past them, as they
 * move MariaDB's counter, and leave LAST_INSERT_ID() as it was.
 */
final class Sequenced {

    private final StatementContext ctx;
    private final String sequence;
    private final String column;
    private final List<Slot> slots;
    private final Runnable addColumn;
    /** The largest explicit id of the statement, or 0. */
    private final long maxExplicit;
    /** The largest explicit id in rows before the first row that needs an id, or 0. */
    private final long explicitBefore;

    /** Where one id goes. */
    private interface Slot {
        void fill(long id);
    }

    private Sequenced(StatementContext ctx, String sequence, String column, List<Slot> slots, Runnable addColumn,
                      long maxExplicit, long explicitBefore) {
        this.ctx = ctx;
        this.sequence = sequence;
        this.column = column;
        this.slots = slots;
        this.addColumn = addColumn;
        this.maxExplicit = maxExplicit;
        this.explicitBefore = explicitBefore;
    }

    /** Null when the table has no AUTO_INCREMENT column (or the catalog does not know it). */
    static Sequenced of(StatementContext ctx, InsertPlanner.Shape shape, ResolvedTable target, DataNode catalogNode) {
        Optional<CatalogColumn> auto = ctx.catalog.columns(catalogNode, target.name())
                .flatMap(cols -> cols.stream().filter(CatalogColumn::autoIncrement).findFirst());
        if (auto.isEmpty()) {
            return null;
        }
        String column = auto.get().name();
        String sequence = target.schema() + "." + target.name().toLowerCase(Locale.ROOT);
        boolean zeroIsAuto = !String.valueOf(ctx.session.systemVariable("sql_mode", VariableScope.DEFAULT))
                .toUpperCase(Locale.ROOT).contains("NO_AUTO_VALUE_ON_ZERO");
        List<Slot> slots = new ArrayList<>();
        long[] maxExplicit = {0};
        long explicitBefore = -1;
        Runnable addColumn = null;
        if (shape.setForm() != null && !shape.setForm().isEmpty()) {
            UpdateSet holder = null;
            int index = -1;
            for (UpdateSet set : shape.setForm()) {
                for (int i = 0; i < set.getColumns().size(); i++) {
                    if (set.getColumn(i).getColumnName().replace("`", "").equalsIgnoreCase(column)) {
                        holder = set;
                        index = i;
                    }
                }
            }
            if (holder == null) {
                List<UpdateSet> sets = shape.setForm();
                slots.add(id -> sets.add(new UpdateSet(new Column(column), new LongValue(id))));
            } else if (needsId(ctx, holder.getValue(index), zeroIsAuto, maxExplicit)) {
                @SuppressWarnings("unchecked")
                List<Expression> values = (List<Expression>) holder.getValues();
                int at = index;
                slots.add(id -> values.set(at, new LongValue(id)));
            }
        } else if (shape.source() instanceof Values values) {
            List<String> names = InsertPlanner.columnNames(ctx, shape, catalogNode, target.name());
            int index = -1;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(column)) {
                    index = i;
                }
            }
            for (ExpressionList<?> row : InsertPlanner.rowsOf(values)) {
                @SuppressWarnings("unchecked")
                List<Expression> cells = (List<Expression>) row;
                if (index < 0) {
                    slots.add(id -> cells.add(new LongValue(id)));
                } else if (index < cells.size() && needsId(ctx, cells.get(index), zeroIsAuto, maxExplicit)) {
                    int at = index;
                    slots.add(id -> cells.set(at, new LongValue(id)));
                }
                if (explicitBefore < 0 && !slots.isEmpty()) {
                    explicitBefore = maxExplicit[0];
                }
            }
            if (index < 0 && !slots.isEmpty()) {
                addColumn = () -> shape.columns().add(new Column(column));
            }
        } else {
            return null;
        }
        return new Sequenced(ctx, sequence, column, slots, addColumn, maxExplicit[0], Math.max(0, explicitBefore));
    }

    /**
     * Whether a value leaves the id to the server: NULL, DEFAULT, or (unless NO_AUTO_VALUE_ON_ZERO)
     * anything that stores as 0 ({@code 0}, {@code '0'}). An explicit integer id is noted.
     */
    private static boolean needsId(StatementContext ctx, Expression value, boolean zeroIsAuto, long[] maxExplicit) {
        if (value instanceof NullValue || value instanceof Column c && c.getColumnName().equalsIgnoreCase("DEFAULT")) {
            return true;
        }
        Optional<Object> constant = ctx.constants.valueOf(value);
        if (constant.isEmpty()) {
            return false;
        }
        Optional<Object> stored;
        try {
            stored = ShardKeyValue.coerce(constant.get(), new ShardKeyColumn(ValueKind.INTEGER, null), true);
        } catch (ShardGateException notAnInteger) {
            return false;
        }
        if (stored.isPresent() && stored.get() instanceof Long l) {
            if (l == 0) {
                return zeroIsAuto;
            }
            maxExplicit[0] = Math.max(maxExplicit[0], l);
        } else if (stored.isPresent() && stored.get() instanceof java.math.BigInteger) {
            maxExplicit[0] = Long.MAX_VALUE;
        }
        return false;
    }

    /** Whether the statement has rows whose id the server (or the sequence) gives. */
    boolean generates() {
        return !slots.isEmpty();
    }

    /**
     * A table on one node counts its own ids: the statement runs as it is, and only says whether
     * LAST_INSERT_ID() changes.
     */
    static Primitive onOneNode(Sequenced ids, Primitive route) {
        if (ids == null || ids.generates()) {
            return route;
        }
        return new Primitive() {
            @Override
            public Result execute(ExecutionContext context) {
                Result r = route.execute(context);
                return r instanceof UpdateResult u ? u.explicitId() : r;
            }

            @Override
            public Description describe() {
                return route.describe();
            }
        };
    }

    Primitive primitive(Supplier<Primitive> route) {
        return new Primitive() {
            @Override
            public Result execute(ExecutionContext context) {
                if (explicitBefore > 0) {
                    // MariaDB numbers rows in order: an explicit id before them moves the counter first
                    ctx.sequences.observe(sequence, explicitBefore);
                }
                long[] ids = slots.isEmpty() ? new long[0] : ctx.sequences.next(sequence, slots.size());
                if (addColumn != null) {
                    addColumn.run();
                }
                for (int i = 0; i < slots.size(); i++) {
                    slots.get(i).fill(ids[i]);
                }
                Result r = route.get().execute(context);
                if (maxExplicit > 0) {
                    ctx.sequences.observe(sequence, maxExplicit);
                }
                if (r instanceof UpdateResult u) {
                    return ids.length > 0 ? new UpdateResult(u.affectedRows(), ids[0], u.warnings(), u.info())
                            : u.explicitId();
                }
                return r;
            }

            @Override
            public Description describe() {
                if (slots.isEmpty()) {
                    return Description.of("ExplicitIds up to " + maxExplicit + ": sequence " + sequence
                            + " moved past them", route.get().describe());
                }
                // the rows are routed only once the ids are filled in
                return Description.leaf("SequencedInsert " + slots.size() + " id(s) for " + column
                        + " from sequence " + sequence + ", then routed by key");
            }
        };
    }
}
