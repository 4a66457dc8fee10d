package io.shardgate.router;

/**
 * A column of a physical table as the catalog reports it.
 *
 * @param collation the column's collation name, null for non-text columns
 */
public record CatalogColumn(String name, ValueKind kind, boolean autoIncrement, String collation) {

    public CatalogColumn(String name, ValueKind kind) {
        this(name, kind, false, null);
    }

    public CatalogColumn(String name, ValueKind kind, boolean autoIncrement) {
        this(name, kind, autoIncrement, null);
    }
}
