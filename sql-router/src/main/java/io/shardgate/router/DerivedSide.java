package io.shardgate.router;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.value.SqlValue;
import java.util.List;

/** A derived table in a proxy join: its SELECT's own plan, read whole and hashed by the join key. */
final class DerivedSide implements JoinSide {

    private final FromEntry.DerivedRows rows;

    DerivedSide(FromEntry.DerivedRows rows) {
        this.rows = rows;
    }

    @Override
    public Primitive scan() {
        return rows.plan();
    }

    @Override
    public Primitive shape() {
        return rows.plan();
    }

    @Override
    public boolean canLookUp() {
        return false;
    }

    @Override
    public Primitive lookup(List<SqlValue[]> tuples) {
        throw new UnsupportedOperationException("a derived table is read whole");
    }

    @Override
    public Description describe(String role) {
        return Description.of(role + " derived table " + rows.alias(), rows.plan().describe());
    }
}
