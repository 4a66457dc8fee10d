package io.shardgate.router.merge;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges shard streams that each arrive sorted (the shard queries carry the ORDER BY) into one
 * sorted stream, holding one row per shard: memory is bounded by the number of shards.
 */
public final class MergeSort implements Primitive {

    private final Route route;
    private final List<SortKey> keys;

    public MergeSort(Route route, List<SortKey> keys) {
        this.route = route;
        this.keys = List.copyOf(keys);
    }

    @Override
    public Result execute(ExecutionContext context) {
        List<RowStream> streams = route.openStreams(context);
        try {
            return new Merged(streams, new RowOrder(keys, streams.getFirst().columns()));
        } catch (RuntimeException e) {
            streams.forEach(RowStream::close);
            throw e;
        }
    }

    @Override
    public Description describe() {
        return Description.of("MergeSort " + keys, route.describe());
    }

    private static final class Merged implements RowStream {

        private record Head(Row row, int shard) {
        }

        private final List<RowStream> streams;
        private final PriorityQueue<Head> heads;
        private boolean started;

        Merged(List<RowStream> streams, RowOrder order) {
            this.streams = streams;
            // Ties go to the lower shard, so equal keys keep a stable, repeatable order.
            this.heads = new PriorityQueue<>(Math.max(1, streams.size()),
                    (a, b) -> {
                        int c = order.compare(a.row(), b.row());
                        return c != 0 ? c : Integer.compare(a.shard(), b.shard());
                    });
        }

        @Override
        public List<Column> columns() {
            return streams.getFirst().columns();
        }

        @Override
        public Row next() {
            if (!started) {
                started = true;
                for (int i = 0; i < streams.size(); i++) {
                    Row r = streams.get(i).next();
                    if (r != null) {
                        heads.add(new Head(r, i));
                    }
                }
            }
            Head h = heads.poll();
            if (h == null) {
                return null;
            }
            Row following = streams.get(h.shard()).next();
            if (following != null) {
                heads.add(new Head(following, h.shard()));
            }
            return h.row();
        }

        @Override
        public void close() {
            RuntimeException first = null;
            for (RowStream s : streams) {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
