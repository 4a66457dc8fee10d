package io.shardgate.protocol;

/**
 * MYSQL_TYPE_* field type ids (the int&lt;1&gt; "type" of {@link ColumnDefinition41}). TIMESTAMP2,
 * DATETIME2 and TIME2 exist only in binlogs and table metadata; servers send the plain ids on the
 * wire.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/result-set-packets#field-types">MariaDB: field types</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/field__types_8h.html">MySQL: enum_field_types</a>
 */
public enum ColumnType {
    DECIMAL(0),
    TINY(1),
    SHORT(2),
    LONG(3),
    FLOAT(4),
    DOUBLE(5),
    NULL(6),
    TIMESTAMP(7),
    LONGLONG(8),
    INT24(9),
    DATE(10),
    TIME(11),
    DATETIME(12),
    YEAR(13),
    NEWDATE(14),
    VARCHAR(15),
    BIT(16),
    TIMESTAMP2(17),
    DATETIME2(18),
    TIME2(19),
    JSON(245),
    NEWDECIMAL(246),
    ENUM(247),
    SET(248),
    TINY_BLOB(249),
    MEDIUM_BLOB(250),
    LONG_BLOB(251),
    BLOB(252),
    VAR_STRING(253),
    STRING(254),
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

    /** @throws IllegalArgumentException for an id no server sends */
    public static ColumnType of(int id) {
        ColumnType type = id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
        if (type == null) {
            throw new IllegalArgumentException("unknown column type id " + id);
        }
        return type;
    }
}
