package io.shardgate.router.result;

/**
 * The several results of one statement, in order: a stored procedure's result sets, then the OK
 * that ends its CALL. Results are pulled one at a time, as the backend sends them: asking for the
 * next one closes the previous row stream, so at most one is open.
 */
public non-sealed interface MultiResult extends Result, AutoCloseable {

    /** The next result, or {@code null} after the last. */
    Result next();

    /** Releases the backend, whether or not every result was read. */
    @Override
    void close();
}
