package io.shardgate.router.plan;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.List;

/** Rows of several shard streams one stream after another; all were opened in parallel. */
final class ConcatRowStream implements RowStream {

    private final List<RowStream> streams;
    private int current;

    ConcatRowStream(List<RowStream> streams) {
        this.streams = List.copyOf(streams);
    }

    @Override
    public List<Column> columns() {
        return streams.getFirst().columns();
    }

    @Override
    public Row next() {
        while (current < streams.size()) {
            Row row = streams.get(current).next();
            if (row != null) {
                return row;
            }
            streams.get(current).close();
            current++;
        }
        return null;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (int i = current; i < streams.size(); i++) {
            try {
                streams.get(i).close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        current = streams.size();
        if (first != null) {
            throw first;
        }
    }
}
