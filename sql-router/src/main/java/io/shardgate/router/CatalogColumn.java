package io.shardgate.router;

/** A column of a physical table as the catalog reports it. */
public record CatalogColumn(String name, ValueKind kind) {
}
