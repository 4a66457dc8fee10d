package io.shardgate.router;

import io.shardgate.router.plan.Primitive;
import java.util.List;

/** An entry of a FROM clause that columns can name: a table, or the rows of a derived table. */
sealed interface FromEntry permits ResolvedTable, FromEntry.DerivedRows {

    /** The name a column qualifier uses for it. */
    String qualifier();

    /**
     * {@code (SELECT ...) alias} whose SELECT the proxy plans on its own.
     *
     * @param names the inner select list's column names, in order
     * @param plan  the inner SELECT's plan
     */
    record DerivedRows(String alias, List<String> names, Primitive plan) implements FromEntry {
        @Override
        public String qualifier() {
            return alias;
        }
    }
}
