package io.shardgate.backend;

import com.mysql.cj.result.Field;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import java.lang.reflect.AccessibleObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Result columns exactly as the backend described them on the wire.
 *
 * <p>Connector/J's {@link Field} is not raw: it turns integer display widths into type precisions
 * (INT's 11 becomes 10), takes sign and point off DECIMAL lengths, and zeroes "not fixed"
 * decimals. A client reading those numbers back through the proxy would compute wrong
 * precisions. The raw packet is still there: Connector/J's names are views into the column
 * definition packet's bytes, and the fixed-length fields follow the last name. With an unexpected
 * Connector/J layout the Field's values are used, DECIMAL lengths corrected.
 */
final class ColumnDefinitions {

    private static final Logger log = LoggerFactory.getLogger(ColumnDefinitions.class);

    /** Marks the fixed-length part of a column definition: its length as int&lt;lenenc&gt;. */
    private static final int FIXED_FIELDS_LENGTH = 0x0c;

    private static final java.lang.reflect.Field ORIGINAL_NAME;
    private static final java.lang.reflect.Field BUFFER;
    private static final java.lang.reflect.Field OFFSET;
    private static final java.lang.reflect.Field LENGTH;

    static {
        java.lang.reflect.Field[] handles = new java.lang.reflect.Field[4];
        try {
            handles[0] = Field.class.getDeclaredField("originalColumnName");
            Class<?> lazy = handles[0].getType();
            handles[1] = lazy.getDeclaredField("buffer");
            handles[2] = lazy.getDeclaredField("offset");
            handles[3] = lazy.getDeclaredField("length");
            AccessibleObject.setAccessible(handles, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Connector/J's field layout is not the expected one ({}); column lengths and decimals are "
                    + "reconstructed and may differ from the backend's", e.toString());
            handles = new java.lang.reflect.Field[4];
        }
        ORIGINAL_NAME = handles[0];
        BUFFER = handles[1];
        OFFSET = handles[2];
        LENGTH = handles[3];
    }

    private ColumnDefinitions() {
    }

    static Column of(Field f) {
        String schema = nonNull(f.getDatabaseName());
        String table = nonNull(f.getTableName());
        String orgTable = nonNull(f.getOriginalTableName());
        String name = nonNull(f.getColumnLabel());
        String orgName = nonNull(f.getOriginalName());
        byte[] raw = rawFixedFields(f);
        if (raw != null) {
            int collation = (raw[0] & 0xff) | (raw[1] & 0xff) << 8;
            long length = (raw[2] & 0xffL) | (raw[3] & 0xffL) << 8 | (raw[4] & 0xffL) << 16 | (raw[5] & 0xffL) << 24;
            int type = raw[6] & 0xff;
            int flags = (raw[7] & 0xff) | (raw[8] & 0xff) << 8;
            int decimals = raw[9] & 0xff;
            return new Column(schema, table, orgTable, name, orgName, collation, length, ColumnType.of(type), flags, decimals);
        }
        ColumnType type = ColumnType.of(f.getMysqlTypeId());
        long length = f.getLength();
        int flags = f.getFlags() & 0xffff;
        if (type == ColumnType.NEWDECIMAL || type == ColumnType.DECIMAL) {
            length += ((flags & Column.UNSIGNED) == 0 ? 1 : 0) + (f.getDecimals() > 0 ? 1 : 0);
        }
        return new Column(schema, table, orgTable, name, orgName, f.getCollationIndex(), length, type, flags, f.getDecimals());
    }

    /** charset(2) length(4) type(1) flags(2) decimals(1) from the packet, or null. */
    private static byte[] rawFixedFields(Field f) {
        if (ORIGINAL_NAME == null) {
            return null;
        }
        try {
            Object lazy = ORIGINAL_NAME.get(f);
            if (lazy == null) {
                return null;
            }
            byte[] buffer = (byte[]) BUFFER.get(lazy);
            if (buffer == null) {
                return null;
            }
            int end = OFFSET.getInt(lazy) + LENGTH.getInt(lazy);
            if (end + 11 > buffer.length || buffer[end] != FIXED_FIELDS_LENGTH) {
                return null;
            }
            byte[] fixed = new byte[10];
            System.arraycopy(buffer, end + 1, fixed, 0, 10);
            return fixed;
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
