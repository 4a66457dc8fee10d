package io.shardgate.server.net;

import io.shardgate.protocol.Capability;
import io.shardgate.protocol.ColumnCountPacket;
import io.shardgate.protocol.ColumnDefinition41;
import io.shardgate.protocol.EofPacket;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.OkPacket;
import io.shardgate.protocol.PacketWriter;
import io.shardgate.protocol.TextResultRow;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.result.UpdateResult;
import io.shardgate.server.session.ResultEncoding;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes results in the text protocol: OK, ERR, and result sets (column count, definitions, EOF
 * unless the client deprecated it, rows, and the closing EOF or 0xFE-OK), in the client's
 * character_set_results. The one place an exception becomes an ERR packet.
 */
final class ResultWriter {

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

    void error(ShardGateException e) {
        out.write(new ErrPacket(e.errorNumber(), e.sqlState(), e.getMessage() == null ? "" : e.getMessage())
                .in(encoding.get().names()));
    }

    /**
     * Streams the rows and returns how many went out. The stream is closed before the closing
     * packet, so that the backends' warnings have been read when {@code ending} is asked. A
     * failure after the header has gone out is thrown; the caller's ERR packet then ends the
     * result (MySQL clients accept an ERR in place of the closing EOF).
     */
    long rows(RowStream rows, int headerStatus, Supplier<Ending> ending) {
        ResultEncoding enc = encoding.get();
        List<Column> columns = rows.columns();
        out.write(new ColumnCountPacket(columns.size()));
        for (Column c : columns) {
            out.write(definition(enc.column(c)).in(enc.columnNames()));
        }
        if (!deprecateEof) {
            out.write(new EofPacket(0, headerStatus));
        }
        long sent = 0;
        boolean convert = !enc.valuesPassThrough();
        Column[] cols = columns.toArray(Column[]::new);
        for (Row r = rows.next(); r != null; r = rows.next()) {
            byte[][] cells = convert ? convert(enc, cols, r.cells()) : r.cells();
            out.write(buf -> TextResultRow.write(buf, cells));
            sent++;
        }
        rows.close();
        Ending end = ending.get();
        out.write(deprecateEof ? new OkPacket(0, 0, end.status(), end.warnings(), "").asResultSetEnd()
                : new EofPacket(end.warnings(), end.status()));
        return sent;
    }

    private static byte[][] convert(ResultEncoding enc, Column[] columns, byte[][] cells) {
        byte[][] out = new byte[cells.length][];
        for (int i = 0; i < cells.length; i++) {
            out[i] = enc.value(columns[i], cells[i]);
        }
        return out;
    }

    /** Column definitions alone, as COM_FIELD_LIST returns them (with an empty default value). */
    void fieldList(List<Column> columns, int status) {
        ResultEncoding enc = encoding.get();
        for (Column c : columns) {
            out.write(definition(enc.column(c)).withDefaultValue(null, enc.columnNames()));
        }
        out.write(deprecateEof ? new OkPacket(0, 0, status, 0, "").asResultSetEnd() : new EofPacket(0, status));
    }

    static ColumnDefinition41 definition(Column c) {
        return new ColumnDefinition41(c.schema(), c.table(), c.orgTable(), c.name(), c.orgName(), c.collationId(),
                c.length(), c.type().id(), c.flags(), c.decimals());
    }
}
