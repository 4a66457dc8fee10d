package io.shardgate.router;

/** How MariaDB compares and converts values of a column: what shard-key coercion needs to know. */
public enum ValueKind {
    INTEGER, DECIMAL, FLOAT, STRING, BINARY, TEMPORAL, OTHER;

    /** Classifies an information_schema {@code DATA_TYPE}. */
    public static ValueKind ofDataType(String dataType) {
        return switch (dataType.toLowerCase(java.util.Locale.ROOT)) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year" -> INTEGER;
            case "decimal", "numeric" -> DECIMAL;
            case "float", "double", "real" -> FLOAT;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> STRING;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> BINARY;
            case "date", "datetime", "timestamp", "time" -> TEMPORAL;
            default -> OTHER;
        };
    }
}
