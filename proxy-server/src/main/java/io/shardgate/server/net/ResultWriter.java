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
import io.shardgate.server.session.ResultEncoding;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes results: OK, ERR, and result sets (column count, definitions, EOF unless the client
 * deprecated it, rows, and the closing EOF or 0xFE-OK), in the text protocol or, for prepared
 * statements, the binary one; the COM_STMT_PREPARE answer and cursor fetches. Everything goes out
 * in the client's character_set_results, binary rows included. The one place an exception becomes
 * an ERR packet.
 */
final class ResultWriter {

    private static final Logger log = LoggerFactory.getLogger(ResultWriter.class);

    /** What the packet that ends a statement carries, known only once its rows are all read. */
    record Ending(int status, int warnings) {
    }

    private final PacketWriter out;
    private final boolean deprecateEof;
    private final Supplier<ResultEncoding> encoding;

    /** @param encoding the session's result encoding, as it is when a result is written */
    ResultWriter(PacketWriter out, int clientCapabilities, Supplier<ResultEncoding> encoding) {
        this.out = out;
        this.deprecateEof = Capability.DEPRECATE_EOF.in(clientCapabilities);
        this.encoding = encoding;
    }

    void ok(UpdateResult r, Ending end) {
        out.write(new OkPacket(r.affectedRows(), r.lastInsertId(), end.status(), end.warnings(), r.info() == null ? "" : r.info()));
    }

    void ok(int status) {
        out.write(OkPacket.of(status));
    }

    /**
     * The bare EOF some commands answer with (COM_SET_OPTION, COM_DEBUG), or the 0xFE-headed OK
     * that replaces it for clients with CLIENT_DEPRECATE_EOF, as MariaDB's my_eof() does (captured).
     */
    void eof(int status) {
        out.write(end(status, 0));
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
        out.write(new ErrPacket(e.errorNumber(), e.sqlState(), e.getMessage() == null ? "" : e.getMessage())
                .in(encoding.get().names()));
    }

    /**
     * A text-protocol result set (COM_QUERY). Streams the rows and returns how many went out. The
     * stream is closed before the closing packet, so that the backends' warnings have been read
     * when {@code ending} is asked. A failure after the header has gone out is thrown; the
     * caller's ERR packet then ends the result (MySQL clients accept an ERR in place of the
     * closing EOF).
     */
    long rows(RowStream rows, int headerStatus, Supplier<Ending> ending) {
        return rows(rows, headerStatus, ending, result -> TextResultRow::write);
    }

    /**
     * A binary-protocol result set (COM_STMT_EXECUTE), as {@link #rows}: each text cell, converted
     * to character_set_results, is then written as its column's type.
     */
    long binaryRows(RowStream rows, int headerStatus, Supplier<Ending> ending) {
        return rows(rows, headerStatus, ending, result -> BinaryRowFormat.of(result.definitions())::write);
    }

    private long rows(RowStream rows, int headerStatus, Supplier<Ending> ending,
                      Function<Encoded, BiConsumer<ByteBuf, byte[][]>> formatOf) {
        Encoded result = new Encoded(encoding.get(), rows.columns());
        BiConsumer<ByteBuf, byte[][]> format = formatOf.apply(result);
        header(result, headerStatus);
        long sent = 0;
        try {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                byte[][] cells = result.cells(r);
                out.write(buf -> format.accept(buf, cells));
                sent++;
            }
        } catch (IllegalArgumentException e) {
            throw unconvertible(e);
        }
        rows.close();
        Ending end = ending.get();
        out.write(end(end.status(), end.warnings()));
        return sent;
    }

    /**
     * The answer to a COM_STMT_EXECUTE that opened a cursor: the result set's header only, its end
     * flagged CURSOR_EXISTS; rows follow COM_STMT_FETCH. Even under CLIENT_DEPRECATE_EOF the
     * definitions are closed, by a 0xFE-OK, as MariaDB does: it carries the flag.
     */
    void cursorOpened(Cursor cursor, Ending end) {
        Encoded result = cursor.result();
        out.write(new ColumnCountPacket(result.definitions().size()));
        for (ColumnDefinition41 d : result.definitions()) {
            out.write(d.in(result.encoding().columnNames()));
        }
        out.write(end(end.status() | ServerStatus.CURSOR_EXISTS.bit(), end.warnings()));
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
                byte[][] cells = cursor.next();
                out.write(buf -> cursor.format().write(buf, cells));
            }
            boolean more = cursor.hasNext();
            out.write(end(status | (more ? ServerStatus.CURSOR_EXISTS : ServerStatus.LAST_ROW_SENT).bit(), 0));
            return !more;
        } catch (IllegalArgumentException e) {
            throw unconvertible(e);
        }
    }

    /** COM_STMT_PREPARE_OK, a "?" definition per parameter and the result's column definitions. */
    void prepared(long statementId, int paramCount, List<Column> columns, int status) {
        Encoded result = new Encoded(encoding.get(), columns);
        out.write(new StmtPrepareOk(statementId, columns.size(), paramCount, 0));
        for (int i = 0; i < paramCount; i++) {
            out.write(ColumnDefinition41.PARAMETER);
        }
        if (paramCount > 0 && !deprecateEof) {
            out.write(new EofPacket(0, status));
        }
        for (ColumnDefinition41 d : result.definitions()) {
            out.write(d.in(result.encoding().columnNames()));
        }
        if (!columns.isEmpty() && !deprecateEof) {
            out.write(new EofPacket(0, status));
        }
    }

    /** The session's result encoding now, for a result written later (a cursor's). */
    Encoded encoded(List<Column> columns) {
        return new Encoded(encoding.get(), columns);
    }

    /** Column definitions alone, as COM_FIELD_LIST returns them (with an empty default value). */
    void fieldList(List<Column> columns, int status) {
        Encoded result = new Encoded(encoding.get(), columns);
        for (ColumnDefinition41 d : result.definitions()) {
            out.write(d.withDefaultValue(null, result.encoding().columnNames()));
        }
        out.write(end(status, 0));
    }

    private void header(Encoded result, int status) {
        out.write(new ColumnCountPacket(result.definitions().size()));
        for (ColumnDefinition41 d : result.definitions()) {
            out.write(d.in(result.encoding().columnNames()));
        }
        if (!deprecateEof) {
            out.write(new EofPacket(0, status));
        }
    }

    private ServerPacket end(int status, int warnings) {
        return deprecateEof ? new OkPacket(0, 0, status, warnings, "").asResultSetEnd() : new EofPacket(warnings, status);
    }

    private static ShardGateException unconvertible(IllegalArgumentException e) {
        return new ShardGateException(ErrorCode.UNKNOWN_ERROR, "cannot send a value in the binary protocol: " + e.getMessage());
    }

    static ColumnDefinition41 definition(Column c) {
        return new ColumnDefinition41(c.schema(), c.table(), c.orgTable(), c.name(), c.orgName(), c.collationId(),
                c.length(), c.type().id(), c.flags(), c.decimals());
    }

    /**
     * A result's columns as a client with this encoding sees them: definitions with the
     * character_set_results collation and length of text columns, and values converted to it.
     */
    record Encoded(ResultEncoding encoding, Column[] columns, List<ColumnDefinition41> definitions) {

        Encoded(ResultEncoding encoding, List<Column> columns) {
            this(encoding, columns.toArray(Column[]::new),
                    columns.stream().map(c -> definition(encoding.column(c))).toList());
        }

        /** A row's cells in character_set_results (the backends' own when nothing changes). */
        byte[][] cells(Row row) {
            byte[][] cells = row.cells();
            if (encoding.valuesPassThrough()) {
                return cells;
            }
            byte[][] converted = new byte[cells.length][];
            for (int i = 0; i < cells.length; i++) {
                converted[i] = encoding.value(columns[i], cells[i]);
            }
            return converted;
        }
    }
}
