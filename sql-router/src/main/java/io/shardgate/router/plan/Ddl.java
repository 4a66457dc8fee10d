package io.shardgate.router.plan;

import io.shardgate.router.DataNode;
import io.shardgate.router.TableCatalog;
import io.shardgate.router.result.Result;
import java.util.List;

/**
 * A DDL route that forgets the cached column lists of the tables it touched, whether it succeeded
 * or failed on some nodes (a half-applied ALTER leaves shapes unknown).
 */
public final class Ddl implements Primitive {

    /** A physical table a DDL statement changes. */
    public record Touched(DataNode node, String table) {
    }

    private final Route route;
    private final TableCatalog catalog;
    private final List<Touched> touched;

    public Ddl(Route route, TableCatalog catalog, List<Touched> touched) {
        this.route = route;
        this.catalog = catalog;
        this.touched = List.copyOf(touched);
    }

    @Override
    public Result execute(ExecutionContext context) {
        try {
            return route.execute(context);
        } finally {
            touched.forEach(t -> catalog.invalidate(t.node(), t.table()));
        }
    }

    @Override
    public Description describe() {
        return Description.of("Ddl", route.describe());
    }
}
