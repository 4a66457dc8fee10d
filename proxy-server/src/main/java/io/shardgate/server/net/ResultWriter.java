package io.shardgate.server.net;

import io.netty.buffer.ByteBuf;
import io.shardgate.protocol.BinaryRowFormat;
import io.shardgate.protocol.Capability;
import io.shardgate.protocol.ColumnCountPacket;
import io.shardgate.protocol.ColumnDefinition41;
import io.shardgate.protocol.EofPacket;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.OkPacket;
import io.shardgate.protocol.PacketWriter;
import io.shardgate.protocol.ServerPacket;
import io.shardgate.protocol.ServerStatus;
import io.shardgate.protocol.StmtPrepareOk;
import io.shardgate.protocol.TextResultRow;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.result.UpdateResult;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.BiConsumer;

/**
 * Writes results: OK, ERR, and result sets (column count, definitions, EOF unless the client
 * deprecated it, rows, and the closing EOF or 0xFE-OK), in the text protocol or, for prepared
 * statements, the binary one; the COM_STMT_PREPARE answer and cursor fetches. The one place an
 * exception becomes an ERR packet.
 */
final class ResultWriter {

    private static final Logger log = LoggerFactory.getLogger(ResultWriter.class);

    private final PacketWriter out;
    private final boolean deprecateEof;

    ResultWriter(PacketWriter out, int clientCapabilities) {
        this.out = out;
        this.deprecateEof = Capability.DEPRECATE_EOF.in(clientCapabilities);
    }

    void ok(UpdateResult r, int status) {
        out.write(new OkPacket(r.affectedRows(), r.lastInsertId(), status, r.warnings(), r.info() == null ? "" : r.info()));
    }

    void ok(int status) {
        out.write(OkPacket.of(status));
    }

    /**
     * The bare EOF some commands answer with (COM_SET_OPTION, COM_DEBUG), or the 0xFE-headed OK
     * that replaces it for clients with CLIENT_DEPRECATE_EOF, as MariaDB's my_eof() does (captured).
     */
    void eof(int status) {
        out.write(end(status));
    }

    /**
     * Closes a result whose answer has gone out (complete, or ended by an ERR). A failure now, such
     * as a killed backend statement while its unread rows are discarded, must not add a packet
     * after the answer: the client would take it for the reply to its next command.
     */
    static void closeAnswered(AutoCloseable result) {
        try {
            result.close();
        } catch (Exception e) {
            log.debug("closing an answered result failed: {}", e.toString());
        }
    }

    void error(ShardGateException e) {
        out.write(new ErrPacket(e.errorNumber(), e.sqlState(), e.getMessage() == null ? "" : e.getMessage()));
    }

    /** A text-protocol result set (COM_QUERY). */
    void rows(RowStream rows, int status) {
        rows(rows, status, (buf, cells) -> TextResultRow.write(buf, cells));
    }

    /** A binary-protocol result set (COM_STMT_EXECUTE): each text cell converted by its column's type. */
    void binaryRows(RowStream rows, int status) {
        BinaryRowFormat format = BinaryRowFormat.of(definitions(rows.columns()));
        rows(rows, status, format::write);
    }

    /**
     * Streams the rows. A failure after the header has gone out still ends the result properly:
     * MySQL clients accept an ERR packet in place of the closing EOF.
     */
    private void rows(RowStream rows, int status, BiConsumer<ByteBuf, byte[][]> row) {
        header(rows.columns(), status);
        try {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                byte[][] cells = r.cells();
                out.write(buf -> row.accept(buf, cells));
            }
        } catch (ShardGateException e) {
            error(e);
            return;
        } catch (IllegalArgumentException e) {
            error(unconvertible(e));
            return;
        }
        out.write(end(status));
    }

    /**
     * The answer to a COM_STMT_EXECUTE that opened a cursor: the result set's header only, its end
     * flagged CURSOR_EXISTS; rows follow COM_STMT_FETCH. Even under CLIENT_DEPRECATE_EOF the
     * definitions are closed, by a 0xFE-OK, as MariaDB does: it carries the flag.
     */
    void cursorOpened(List<Column> columns, int status) {
        out.write(new ColumnCountPacket(columns.size()));
        for (Column c : columns) {
            out.write(definition(c));
        }
        out.write(end(status | ServerStatus.CURSOR_EXISTS.bit()));
    }

    /**
     * Up to {@code count} rows of an open cursor, then an end flagged CURSOR_EXISTS while rows
     * remain or LAST_ROW_SENT once there are none (the cursor is then closed).
     *
     * @return whether the cursor is exhausted
     */
    boolean fetch(Cursor cursor, long count, int status) {
        try {
            for (long i = 0; i < count && cursor.hasNext(); i++) {
                byte[][] cells = cursor.next().cells();
                out.write(buf -> cursor.format().write(buf, cells));
            }
            boolean more = cursor.hasNext();
            out.write(end(status | (more ? ServerStatus.CURSOR_EXISTS : ServerStatus.LAST_ROW_SENT).bit()));
            return !more;
        } catch (IllegalArgumentException e) {
            throw unconvertible(e);
        }
    }

    /** COM_STMT_PREPARE_OK, a "?" definition per parameter and the result's column definitions. */
    void prepared(long statementId, int paramCount, List<Column> columns, int status) {
        out.write(new StmtPrepareOk(statementId, columns.size(), paramCount, 0));
        for (int i = 0; i < paramCount; i++) {
            out.write(ColumnDefinition41.PARAMETER);
        }
        if (paramCount > 0 && !deprecateEof) {
            out.write(new EofPacket(0, status));
        }
        for (Column c : columns) {
            out.write(definition(c));
        }
        if (!columns.isEmpty() && !deprecateEof) {
            out.write(new EofPacket(0, status));
        }
    }

    /** Column definitions alone, as COM_FIELD_LIST returns them (with an empty default value). */
    void fieldList(List<Column> columns, int status) {
        for (Column c : columns) {
            out.write(definition(c).withDefaultValue(null));
        }
        out.write(end(status));
    }

    private void header(List<Column> columns, int status) {
        out.write(new ColumnCountPacket(columns.size()));
        for (Column c : columns) {
            out.write(definition(c));
        }
        if (!deprecateEof) {
            out.write(new EofPacket(0, status));
        }
    }

    private ServerPacket end(int status) {
        return deprecateEof ? OkPacket.of(status).asResultSetEnd() : new EofPacket(0, status);
    }

    private static ShardGateException unconvertible(IllegalArgumentException e) {
        return new ShardGateException(ErrorCode.UNKNOWN_ERROR, "cannot send a value in the binary protocol: " + e.getMessage());
    }

    static List<ColumnDefinition41> definitions(List<Column> columns) {
        return columns.stream().map(ResultWriter::definition).toList();
    }

    static ColumnDefinition41 definition(Column c) {
        return new ColumnDefinition41(c.schema(), c.table(), c.orgTable(), c.name(), c.orgName(), c.collationId(),
                c.length(), c.type().id(), c.flags(), c.decimals());
    }
}
