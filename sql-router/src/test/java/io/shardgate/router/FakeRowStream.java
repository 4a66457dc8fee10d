package io.shardgate.router;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Rows in memory that remember how often they were closed and whether they were drained. */
public final class FakeRowStream implements RowStream {

    private final List<Column> columns;
    private final Iterator<Row> rows;
    private int closeCount;
    private RuntimeException failOnClose;

    public FakeRowStream(List<Column> columns, List<Row> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows).iterator();
    }

    /** String columns of table {@code orders} in {@code schema}, one row per String[]. */
    public static FakeRowStream of(String schema, List<String> names, String[]... rows) {
        List<Column> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(new Column(schema, "orders", "orders", n, n, Column.UTF8MB4_GENERAL_CI, 80,
                    ColumnType.VAR_STRING, 0, 0));
        }
        return new FakeRowStream(cols, Arrays.stream(rows).map(Row::ofStrings).toList());
    }

    public FakeRowStream failingOnClose(RuntimeException e) {
        this.failOnClose = e;
        return this;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Row next() {
        if (closeCount > 0) {
            throw new IllegalStateException("next() after close()");
        }
        return rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {
        closeCount++;
        if (failOnClose != null) {
            throw failOnClose;
        }
    }

    public boolean closed() {
        return closeCount > 0;
    }

    public int closeCount() {
        return closeCount;
    }
}
