package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The type a client binds a prepared-statement parameter with in COM_STMT_EXECUTE: the field type
 * number and, in the second byte, the UNSIGNED flag (0x80).
 *
 * @param type a field type number (1 TINY, 8 LONGLONG, 253 VAR_STRING, 252 BLOB, ...)
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/3-binary-protocol-prepared-statements/com_stmt_execute">MariaDB: COM_STMT_EXECUTE</a>
 */
public record ParameterType(int type, boolean unsigned) {

    private static final int UNSIGNED_FLAG = 0x80;

    public ParameterType {
        if (type < 0 || type > 0xFF) {
            throw new IllegalArgumentException("field type must fit int<1>: " + type);
        }
    }

    public BinaryEncoding encoding() {
        return BinaryEncoding.of(type);
    }

    static ParameterType read(ByteBuf in) {
        int type = Wire.readInt1(in);
        int flags = Wire.readInt1(in);
        return new ParameterType(type, (flags & UNSIGNED_FLAG) != 0);
    }

    void write(ByteBuf out) {
        Wire.writeInt1(out, type);
        Wire.writeInt1(out, unsigned ? UNSIGNED_FLAG : 0);
    }
}
