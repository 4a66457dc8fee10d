package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The first packet of a successful COM_STMT_PREPARE answer. It is followed by {@code paramCount}
 * parameter definitions and {@code columnCount} column definitions, each group closed by an EOF
 * packet unless the client set CLIENT_DEPRECATE_EOF.
 *
 * @param statementId int&lt;4&gt;, unsigned
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/3-binary-protocol-prepared-statements/com_stmt_prepare#com_stmt_prepare_ok">MariaDB: COM_STMT_PREPARE_OK</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_prepare.html#sect_protocol_com_stmt_prepare_response_ok">MySQL: COM_STMT_PREPARE_OK</a>
 */
public record StmtPrepareOk(long statementId, int columnCount, int paramCount, int warnings) implements ServerPacket {

    public static final int HEADER = 0x00;

    public StmtPrepareOk {
        if (statementId < 0 || statementId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("statement id must fit int<4>: " + statementId);
        }
        if (columnCount < 0 || columnCount > 0xFFFF || paramCount < 0 || paramCount > 0xFFFF) {
            throw new IllegalArgumentException("column and parameter counts must fit int<2>: " + columnCount + ", " + paramCount);
        }
    }

    @Override
    public void writePayload(ByteBuf out) {
        Wire.writeInt1(out, HEADER);
        Wire.writeInt4(out, statementId);
        Wire.writeInt2(out, columnCount);
        Wire.writeInt2(out, paramCount);
        Wire.writeInt1(out, 0); // reserved
        Wire.writeInt2(out, warnings);
    }

    public static StmtPrepareOk read(ByteBuf in) {
        int header = Wire.readInt1(in);
        if (header != HEADER) {
            throw new MalformedPacketException("COM_STMT_PREPARE_OK: header 0x" + Integer.toHexString(header));
        }
        long id = Wire.readInt4(in);
        int columns = Wire.readInt2(in);
        int params = Wire.readInt2(in);
        Wire.skip(in, 1, "COM_STMT_PREPARE_OK reserved byte");
        return new StmtPrepareOk(id, columns, params, Wire.readInt2(in));
    }
}
