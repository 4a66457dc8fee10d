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
 * An INSERT whose rows leave the AUTO_INCREMENT column to the server: on a sharded or global table
 * every backend would count on its own and hand out the same ids, so the proxy takes ids from the
 * global sequence instead, writes them into the rows, and only then routes the rows. The client
 * gets the first id as LAST_INSERT_ID, as MariaDB gives it for a multi-row INSERT.
 */
final class Sequenced {

    private final StatementContext ctx;
    private final String sequence;
    private final String column;
    private final List<Slot> slots;
    private final Runnable addColumn;

    /** Where one id goes. */
    private interface Slot {
        void fill(long id);
    }

    private Sequenced(StatementContext ctx, String sequence, String column, List<Slot> slots, Runnable addColumn) {
        this.ctx = ctx;
        this.sequence = sequence;
        this.column = column;
        this.slots = slots;
        this.addColumn = addColumn;
    }

    /** Null when the table has no AUTO_INCREMENT column or every row already has its value. */
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
                UpdateSet last = shape.setForm().getLast();
                slots.add(id -> last.add(new Column(column), new LongValue(id)));
            } else if (needsId(ctx, holder.getValue(index), zeroIsAuto)) {
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
                } else if (index < cells.size() && needsId(ctx, cells.get(index), zeroIsAuto)) {
                    int at = index;
                    slots.add(id -> cells.set(at, new LongValue(id)));
                }
            }
            if (index < 0 && !slots.isEmpty()) {
                addColumn = () -> shape.columns().add(new Column(column));
            }
        }
        return slots.isEmpty() ? null : new Sequenced(ctx, sequence, column, slots, addColumn);
    }

    private static boolean needsId(StatementContext ctx, Expression value, boolean zeroIsAuto) {
        if (value instanceof NullValue || value instanceof Column c && c.getColumnName().equalsIgnoreCase("DEFAULT")) {
            return true;
        }
        return zeroIsAuto && ctx.constants.valueOf(value).map(v -> v instanceof Long l && l == 0).orElse(false);
    }

    Primitive primitive(Supplier<Primitive> route) {
        return new Primitive() {
            @Override
            public Result execute(ExecutionContext context) {
                long[] ids = ctx.sequences.next(sequence, slots.size());
                if (addColumn != null) {
                    addColumn.run();
                }
                for (int i = 0; i < slots.size(); i++) {
                    slots.get(i).fill(ids[i]);
                }
                Result r = route.get().execute(context);
                if (r instanceof UpdateResult u) {
                    return new UpdateResult(u.affectedRows(), ids[0], u.warnings(), u.info());
                }
                return r;
            }

            @Override
            public Description describe() {
                return Description.leaf("SequencedInsert " + slots.size() + " id(s) for " + column
                        + " from sequence " + sequence + ", then routed by key");
            }
        };
    }
}
