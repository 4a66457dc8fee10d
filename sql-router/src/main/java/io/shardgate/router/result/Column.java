package io.shardgate.router.result;

/**
 * A result column as described by a MySQL column definition.
 *
 * @param collationId character set / collation number ({@code 63} is binary)
 * @param flags       column flag bits ({@link #NOT_NULL}, {@link #UNSIGNED}, ...)
 */
public record Column(String schema, String table, String orgTable, String name, String orgName,
                     int collationId, long length, ColumnType type, int flags, int decimals) {

    public static final int NOT_NULL = 1;
    public static final int PRI_KEY = 2;
    public static final int UNSIGNED = 32;
    public static final int BINARY = 128;
    public static final int NUM = 32768;

    public static final int UTF8MB4_GENERAL_CI = 45;
    public static final int BINARY_COLLATION = 63;

    /** A computed string column, as MariaDB describes {@code SELECT 'x'}: utf8mb4, 4 bytes a character. */
    public static Column computedString(String name, int maxChars) {
        return new Column("", "", "", name, "", UTF8MB4_GENERAL_CI, Math.max(1, maxChars) * 4L,
                ColumnType.VAR_STRING, 0, 39);
    }

    /** A computed signed integer column, as MariaDB describes {@code SELECT 1}. */
    public static Column computedInteger(String name) {
        return new Column("", "", "", name, "", BINARY_COLLATION, 21, ColumnType.LONGLONG, BINARY | NUM, 0);
    }

    public Column withCollation(int newCollationId) {
        return new Column(schema, table, orgTable, name, orgName, newCollationId, length, type, flags, decimals);
    }

    public Column withName(String newName) {
        return new Column(schema, table, orgTable, newName, orgName, collationId, length, type, flags, decimals);
    }

    public Column withSchema(String newSchema) {
        return new Column(newSchema, table, orgTable, name, orgName, collationId, length, type, flags, decimals);
    }
}
