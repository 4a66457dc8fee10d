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
import java.util.List;

/**
 * Writes results in the text protocol: OK, ERR, and result sets (column count, definitions, EOF
 * unless the client deprecated it, rows, and the closing EOF or 0xFE-OK). The one place an
 * exception becomes an ERR packet.
 */
final class ResultWriter {

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

    private io.shardgate.protocol.ServerPacket end(int status) {
        return deprecateEof ? new OkPacket(0, 0, status, 0, "").asResultSetEnd() : new EofPacket(0, status);
    }

    void error(ShardGateException e) {
        out.write(new ErrPacket(e.errorNumber(), e.sqlState(), e.getMessage() == null ? "" : e.getMessage()));
    }

    /**
     * Streams the rows. A failure after the header has gone out still ends the result properly:
     * MySQL clients accept an ERR packet in place of the closing EOF.
     */
    void rows(RowStream rows, int status) {
        List<Column> columns = rows.columns();
        out.write(new ColumnCountPacket(columns.size()));
        for (Column c : columns) {
            out.write(definition(c));
        }
        if (!deprecateEof) {
            out.write(new EofPacket(0, status));
        }
        try {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                byte[][] cells = r.cells();
                out.write(buf -> TextResultRow.write(buf, cells));
            }
        } catch (ShardGateException e) {
            error(e);
            return;
        }
        out.write(end(status));
    }

    /** Column definitions alone, as COM_FIELD_LIST returns them (with an empty default value). */
    void fieldList(List<Column> columns, int status) {
        for (Column c : columns) {
            out.write(definition(c).withDefaultValue(null));
        }
        out.write(end(status));
    }

    static ColumnDefinition41 definition(Column c) {
        return new ColumnDefinition41(c.schema(), c.table(), c.orgTable(), c.name(), c.orgName(), c.collationId(),
                c.length(), c.type().id(), c.flags(), c.decimals());
    }
}
