package io.shardgate.server.net;

import io.shardgate.protocol.BinaryRowFormat;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;

/**
 * The open result of a prepared statement executed with a read-only cursor: rows wait in the
 * backends' streams until COM_STMT_FETCH asks for them, so a cursor over a large result holds one
 * row at a time, not the result. One row is read ahead, to tell the last fetch (LAST_ROW_SENT)
 * from one after which rows remain (CURSOR_EXISTS). Rows go out in the character_set_results of
 * the execution that opened the cursor, which its column definitions announced.
 *
 * <p>The backend connections the rows come from stay with the cursor until it is read to the end,
 * reset, closed, or the statement runs again.
 */
final class Cursor implements AutoCloseable {

    private final RowStream rows;
    private final ResultWriter.Encoded result;
    private final BinaryRowFormat format;
    private Row ahead;
    private boolean exhausted;

    Cursor(RowStream rows, ResultWriter.Encoded result) {
        this.rows = rows;
        this.result = result;
        this.format = BinaryRowFormat.of(result.definitions());
    }

    ResultWriter.Encoded result() {
        return result;
    }

    BinaryRowFormat format() {
        return format;
    }

    boolean hasNext() {
        if (ahead == null && !exhausted) {
            ahead = rows.next();
            exhausted = ahead == null;
        }
        return ahead != null;
    }

    /** The next row's cells, in the client's character set. */
    byte[][] next() {
        if (!hasNext()) {
            throw new IllegalStateException("cursor exhausted");
        }
        Row r = ahead;
        ahead = null;
        return result.cells(r);
    }

    @Override
    public void close() {
        rows.close();
    }
}
