package io.shardgate.router.meta;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema and table names a query over an information_schema table pins with top-level
 * equalities ({@code TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'orders'}). MariaDB takes such values
 * as lookup keys and opens exactly the named database and table, so there they match
 * case-sensitively (on a case-sensitive file system) even though the columns compare ignoring
 * case; ShardGate applies them the same way, and reads only the tables they name.
 *
 * @param schemas the only schemas wanted, or null for any
 * @param tables  the only table names wanted, or null for any
 */
public record Lookup(Set<String> schemas, Set<String> tables) {

    public static final Lookup ANY = new Lookup(null, null);

    public Lookup {
        schemas = schemas == null ? null : Set.copyOf(schemas);
        tables = tables == null ? null : Set.copyOf(tables);
    }

    /** Pins the schema to {@code value}; null (as {@code DATABASE()} without a schema) matches nothing. */
    public Lookup withSchema(String value) {
        return new Lookup(intersect(schemas, value), tables);
    }

    public Lookup withTable(String value) {
        return new Lookup(schemas, intersect(tables, value));
    }

    private static Set<String> intersect(Set<String> current, String value) {
        Set<String> next = new HashSet<>(value == null ? List.of() : List.of(value));
        if (current != null) {
            next.retainAll(current);
        }
        return next;
    }

    public boolean allowsSchema(String schema) {
        return schemas == null || schemas.contains(schema);
    }

    public boolean allowsTable(String table) {
        return tables == null || tables.contains(table);
    }

    /** information_schema's own name is matched ignoring case by MariaDB, wherever it appears. */
    public boolean allowsInformationSchema() {
        return schemas == null || schemas.stream().anyMatch(InformationSchema.NAME::equalsIgnoreCase);
    }

    @Override
    public String toString() {
        return (schemas == null ? "any schema" : "schema " + sorted(schemas)) + ", "
                + (tables == null ? "any table" : "table " + sorted(tables));
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().map(n -> "'" + n + "'").toList().toString();
    }
}
