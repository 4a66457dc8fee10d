package io.shardgate.router.value;

/** A compiled expression: evaluated over one row of input slots. */
@FunctionalInterface
public interface Eval {

    SqlValue eval(SqlValue[] slots);

    static Eval slot(int index) {
        return slots -> slots[index];
    }

    static Eval constant(SqlValue v) {
        return slots -> v;
    }
}
