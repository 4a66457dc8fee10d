package io.shardgate.router;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.value.SqlValue;
import java.util.List;

/** One side of a proxy join: where its rows come from. */
interface JoinSide {

    /** Every row of the side. */
    Primitive scan();

    /** No rows, the side's columns. */
    Primitive shape();

    /** Whether rows can be fetched by join key ({@link #lookup}); otherwise the side is read whole. */
    boolean canLookUp();

    /** The rows whose keys equal one of the tuples; null when no node can hold any. */
    Primitive lookup(List<SqlValue[]> tuples);

    Description describe(String role);
}
