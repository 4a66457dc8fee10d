package io.shardgate.router.result;

import java.util.List;

/**
 * A pull-based result: columns first, then rows one at a time. Implementations hold at most a
 * bounded number of rows; {@link #close()} releases backend resources even when not drained.
 */
public non-sealed interface RowStream extends Result, AutoCloseable {

    List<Column> columns();

    /** The next row, or {@code null} at the end. */
    Row next();

    @Override
    void close();
}
