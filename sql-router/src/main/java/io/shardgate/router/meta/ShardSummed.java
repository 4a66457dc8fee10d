package io.shardgate.router.meta;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The same SHOW on every shard of a table, answered with the first shard's rows and statistics
 * added up ({@code SHOW INDEX}: each index column's cardinality summed over the shards).
 */
public final class ShardSummed implements Primitive {

    private final Route route;
    private final ShardMerge merge;

    ShardSummed(Route route, ShardMerge merge) {
        this.route = route;
        this.merge = merge;
    }

    /** SHOW INDEX over the shards of a sharded table. */
    public static Primitive showIndex(Route route) {
        return route.statements().size() == 1 ? route : new ShardSummed(route, ShardMerge.SHOW_INDEX);
    }

    @Override
    public Result execute(ExecutionContext context) {
        List<RowStream> streams = route.openStreams(context);
        try {
            List<List<Row>> shards = new ArrayList<>();
            for (RowStream s : streams) {
                List<Row> rows = new ArrayList<>();
                for (Row r = s.next(); r != null; r = s.next()) {
                    rows.add(r);
                }
                shards.add(rows);
            }
            return new ListRowStream(streams.getFirst().columns(),
                    merge.merge(streams.getFirst().columns(), shards.getFirst(), shards.subList(1, shards.size())));
        } finally {
            streams.forEach(RowStream::close);
        }
    }

    @Override
    public Description describe() {
        return Description.of("ShardSummed " + merge.sums(), route.describe());
    }
}
