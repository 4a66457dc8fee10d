package io.shardgate.router.value;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;

/**
 * How the proxy treats a result column's values: the class of comparison and arithmetic it
 * needs, derived from the column definition (type, UNSIGNED/BINARY/ENUM/SET flags, collation).
 *
 * @param collationId for strings, the collation they compare by
 * @param decimals    digits after the point (DECIMAL), fractional seconds (temporal)
 */
public record ValueType(Category category, boolean unsigned, int collationId, int decimals) {

    /** What kind of value a column holds. */
    public enum Category {
        INTEGER, DECIMAL, DOUBLE,
        /** Character data compared by a collation. */
        STRING,
        /** Byte strings (BINARY, VARBINARY, BLOB, binary collation): compared byte by byte. */
        BINARY,
        /** DATE, DATETIME, TIMESTAMP: their text sorts as the values do. */
        TEMPORAL,
        TIME, YEAR, BIT,
        /** ENUM and SET sort by member index, which the text does not show. */
        ENUM_OR_SET,
        NULL_TYPE
    }

    private static final int ENUM_FLAG = 256;
    private static final int SET_FLAG = 2048;

    public static ValueType of(Column c) {
        boolean unsigned = (c.flags() & Column.UNSIGNED) != 0;
        if ((c.flags() & (ENUM_FLAG | SET_FLAG)) != 0 || c.type() == ColumnType.ENUM || c.type() == ColumnType.SET) {
            return new ValueType(Category.ENUM_OR_SET, false, c.collationId(), 0);
        }
        Category category = switch (c.type()) {
            case TINY, SHORT, LONG, INT24, LONGLONG -> Category.INTEGER;
            case YEAR -> Category.YEAR;
            case DECIMAL, NEWDECIMAL -> Category.DECIMAL;
            case FLOAT, DOUBLE -> Category.DOUBLE;
            case DATE, NEWDATE, DATETIME, DATETIME2, TIMESTAMP, TIMESTAMP2 -> Category.TEMPORAL;
            case TIME, TIME2 -> Category.TIME;
            case BIT -> Category.BIT;
            case NULL -> Category.NULL_TYPE;
            case VARCHAR, VAR_STRING, STRING, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB, BLOB, JSON, ENUM, SET, GEOMETRY ->
                    c.collationId() == Column.BINARY_COLLATION ? Category.BINARY : Category.STRING;
        };
        return new ValueType(category, unsigned, c.collationId(), c.decimals());
    }

    public static ValueType string(int collationId) {
        return new ValueType(Category.STRING, false, collationId, 0);
    }

    public boolean numeric() {
        return category == Category.INTEGER || category == Category.DECIMAL || category == Category.DOUBLE
                || category == Category.YEAR || category == Category.BIT;
    }
}
