package io.shardgate.router.result;

import java.util.Iterator;
import java.util.List;

/** A row stream over rows already in memory: small local results (SHOW, SELECT @@var). */
public final class ListRowStream implements RowStream {

    private final List<Column> columns;
    private final Iterator<Row> rows;

    public ListRowStream(List<Column> columns, List<Row> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows).iterator();
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Row next() {
        return rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {
    }
}
