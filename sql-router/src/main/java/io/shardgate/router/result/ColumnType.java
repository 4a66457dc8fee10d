package io.shardgate.router.result;

/** MySQL column (field) types as numbered on the wire. */
public enum ColumnType {
    DECIMAL(0), TINY(1), SHORT(2), LONG(3), FLOAT(4), DOUBLE(5), NULL(6), TIMESTAMP(7), LONGLONG(8),
    INT24(9), DATE(10), TIME(11), DATETIME(12), YEAR(13), NEWDATE(14), VARCHAR(15), BIT(16),
    TIMESTAMP2(17), DATETIME2(18), TIME2(19), JSON(245), NEWDECIMAL(246), ENUM(247), SET(248),
    TINY_BLOB(249), MEDIUM_BLOB(250), LONG_BLOB(251), BLOB(252), VAR_STRING(253), STRING(254),
    GEOMETRY(255);

    private static final ColumnType[] BY_ID = new ColumnType[256];

    static {
        for (ColumnType t : values()) {
            BY_ID[t.id] = t;
        }
    }

    private final int id;

    ColumnType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static ColumnType of(int id) {
        ColumnType t = id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
        if (t == null) {
            throw new IllegalArgumentException("unknown column type id " + id);
        }
        return t;
    }
}
