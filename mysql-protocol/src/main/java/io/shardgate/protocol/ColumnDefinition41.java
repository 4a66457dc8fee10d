package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Describes one column of a result set (and, with a default value, one column of a COM_FIELD_LIST
 * answer).
 *
 * <p>The catalog is always "def". Names are written in UTF-8 by {@link #writePayload}, or in the
 * client's character_set_results by {@link #in(Charset)}; the column's own {@code characterSet}
 * says how its <em>values</em> are encoded. MariaDB's extended type info (MARIADB_CLIENT_EXTENDED_TYPE_INFO)
 * is never written since ShardGate does not offer that capability.
 *
 * @param columnLength int&lt;4&gt;, unsigned: 0xFFFFFFFF for LONGTEXT
 * @param type the MySQL field type number (3 LONG, 253 VAR_STRING, ...)
 * @param flags {@link ColumnFlag} bits
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/result-set-packets#column-definition-packet">MariaDB: column definition packet</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset_column_definition.html">MySQL: Protocol::ColumnDefinition41</a>
 */
public record ColumnDefinition41(
        String schema,
        String table,
        String orgTable,
        String name,
        String orgName,
        int characterSet,
        long columnLength,
        int type,
        int flags,
        int decimals)
        implements ServerPacket {

    private static final String CATALOG = "def";

    /**
     * How MariaDB describes every parameter in a COM_STMT_PREPARE answer: named "?", binary
     * character set, type NULL (6), flag BINARY; the real type is known only at execution.
     */
    public static final ColumnDefinition41 PARAMETER = new ColumnDefinition41("", "", "", "?", "", 63, 0, 6,
            ColumnFlag.BINARY.bit(), 0);
    /** int&lt;lenenc&gt; length of the fixed-length fields that follow the names: always 0x0c. */
    private static final int FIXED_FIELDS_LENGTH = 0x0c;

    public ColumnDefinition41 {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(orgTable, "orgTable");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(orgName, "orgName");
        if (columnLength < 0 || columnLength > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("column length must fit int<4>: " + columnLength);
        }
    }


    @Override
    public void writePayload(ByteBuf out) {
        write(out, StandardCharsets.UTF_8);
    }

    /** This definition with its names in {@code names}, as MariaDB converts metadata to character_set_results. */
    public ServerPacket in(Charset names) {
        return out -> write(out, names);
    }

    private void write(ByteBuf out, Charset names) {
        Wire.writeLenencString(out, CATALOG);
        Wire.writeLenencString(out, schema, names);
        Wire.writeLenencString(out, table, names);
        Wire.writeLenencString(out, orgTable, names);
        Wire.writeLenencString(out, name, names);
        Wire.writeLenencString(out, orgName, names);
        Wire.writeLenencInt(out, FIXED_FIELDS_LENGTH);
        Wire.writeInt2(out, characterSet);
        Wire.writeInt4(out, columnLength);
        Wire.writeInt1(out, type);
        Wire.writeInt2(out, flags);
        Wire.writeInt1(out, decimals);
        out.writeZero(2); // filler
    }

    /**
     * This definition followed by the column's default value, as COM_FIELD_LIST answers it: the
     * value as string&lt;lenenc&gt; in its text form, or the NULL marker 0xFB for no default.
     *
     * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/2-text-protocol/com_field_list">MariaDB: COM_FIELD_LIST</a>
     */
    public ServerPacket withDefaultValue(byte[] defaultValue) {
        return withDefaultValue(defaultValue, StandardCharsets.UTF_8);
    }

    /** {@link #withDefaultValue(byte[])} with the names in {@code names}. */
    public ServerPacket withDefaultValue(byte[] defaultValue, Charset names) {
        byte[] copy = defaultValue == null ? null : defaultValue.clone();
        return out -> {
            write(out, names);
            if (copy == null) {
                Wire.writeNullMarker(out);
            } else {
                Wire.writeLenencBytes(out, copy);
            }
        };
    }

    /**
     * Reads a definition and leaves the reader index after it, where a COM_FIELD_LIST answer has
     * the default value (read it with {@link Wire#readNullMarker} and {@link Wire#readLenencBytes}).
     */
    public static ColumnDefinition41 read(ByteBuf in) {
        Wire.readLenencString(in, StandardCharsets.UTF_8); // catalog, always "def"
        String schema = Wire.readLenencString(in, StandardCharsets.UTF_8);
        String table = Wire.readLenencString(in, StandardCharsets.UTF_8);
        String orgTable = Wire.readLenencString(in, StandardCharsets.UTF_8);
        String name = Wire.readLenencString(in, StandardCharsets.UTF_8);
        String orgName = Wire.readLenencString(in, StandardCharsets.UTF_8);
        long fixedLength = Wire.readLenencInt(in);
        if (fixedLength < FIXED_FIELDS_LENGTH) {
            throw new MalformedPacketException("ColumnDefinition41: fixed fields length " + fixedLength + ", expected 12");
        }
        Wire.need(in, fixedLength, "ColumnDefinition41 fixed fields");
        int characterSet = Wire.readInt2(in);
        long columnLength = Wire.readInt4(in);
        int type = Wire.readInt1(in);
        int flags = Wire.readInt2(in);
        int decimals = Wire.readInt1(in);
        in.skipBytes((int) fixedLength - 10); // filler, and whatever a newer server added
        return new ColumnDefinition41(schema, table, orgTable, name, orgName, characterSet, columnLength, type,
                flags, decimals);
    }
}
