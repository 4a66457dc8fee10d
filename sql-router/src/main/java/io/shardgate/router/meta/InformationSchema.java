package io.shardgate.router.meta;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The information_schema tables ShardGate answers, and how. A table that describes databases
 * (or what is in them) must show the logical schemas, so its rows are built by the proxy from the
 * data nodes' own rows (physical database names replaced, shards and copies of one logical table
 * shown once, statistics added up over shards); a table about the server (character sets,
 * engines) is the same on every node and is read from one; a table of things ShardGate keeps out
 * of logical schemas (routines, triggers, views, events, grants on tables and columns) is empty.
 * Any other information_schema table is refused.
 */
public enum InformationSchema {

    SCHEMATA(Kind.SCHEMA, "SCHEMA_NAME", null, ShardMerge.NONE, true),
    TABLES(Kind.TABLE, "TABLE_SCHEMA", "TABLE_NAME", ShardMerge.TABLES, true),
    COLUMNS(Kind.TABLE, "TABLE_SCHEMA", "TABLE_NAME", ShardMerge.NONE, true),
    STATISTICS(Kind.TABLE, "TABLE_SCHEMA", "TABLE_NAME", ShardMerge.STATISTICS, false, "INDEX_SCHEMA"),
    PARTITIONS(Kind.TABLE, "TABLE_SCHEMA", "TABLE_NAME", ShardMerge.PARTITIONS, false),
    KEY_COLUMN_USAGE(Kind.TABLE, "TABLE_SCHEMA", "TABLE_NAME", ShardMerge.NONE, false,
            "CONSTRAINT_SCHEMA", "REFERENCED_TABLE_SCHEMA"),
    REFERENTIAL_CONSTRAINTS(Kind.TABLE, "CONSTRAINT_SCHEMA", "TABLE_NAME", ShardMerge.NONE, false,
            "UNIQUE_CONSTRAINT_SCHEMA"),
    TABLE_CONSTRAINTS(Kind.TABLE, "TABLE_SCHEMA", "TABLE_NAME", ShardMerge.NONE, false, "CONSTRAINT_SCHEMA"),
    CHECK_CONSTRAINTS(Kind.TABLE, "CONSTRAINT_SCHEMA", "TABLE_NAME", ShardMerge.NONE, false),
    ROUTINES(Kind.EMPTY),
    PARAMETERS(Kind.EMPTY),
    VIEWS(Kind.EMPTY),
    TRIGGERS(Kind.EMPTY),
    EVENTS(Kind.EMPTY),
    TABLE_PRIVILEGES(Kind.EMPTY),
    COLUMN_PRIVILEGES(Kind.EMPTY),
    CHARACTER_SETS(Kind.SERVER),
    COLLATIONS(Kind.SERVER),
    COLLATION_CHARACTER_SET_APPLICABILITY(Kind.SERVER),
    ENGINES(Kind.SERVER),
    KEYWORDS(Kind.SERVER),
    SQL_FUNCTIONS(Kind.SERVER),
    // FILES and TABLESPACES describe NDB cluster files and are always empty in MariaDB.
    FILES(Kind.SERVER),
    TABLESPACES(Kind.SERVER);

    public static final String NAME = "information_schema";

    /** How the rows are made. */
    public enum Kind {
        /** One row per logical schema. */
        SCHEMA,
        /** Rows of logical tables. */
        TABLE,
        /** None. */
        EMPTY,
        /** The server's own, from any node. */
        SERVER
    }

    private final Kind kind;
    private final String schemaColumn;
    private final String tableColumn;
    private final ShardMerge merge;
    private final boolean listsItself;
    private final List<String> otherSchemaColumns;

    InformationSchema(Kind kind) {
        this(kind, null, null, ShardMerge.NONE, false);
    }

    /**
     * @param schemaColumn       the column naming the database a row belongs to; MariaDB's lookup key
     * @param tableColumn        the column naming its table; MariaDB's second lookup key
     * @param listsItself        whether information_schema has rows about itself here (its tables, their columns)
     * @param otherSchemaColumns more columns naming the row's database, rewritten with it
     */
    InformationSchema(Kind kind, String schemaColumn, String tableColumn, ShardMerge merge, boolean listsItself,
                      String... otherSchemaColumns) {
        this.kind = kind;
        this.schemaColumn = schemaColumn;
        this.tableColumn = tableColumn;
        this.merge = merge;
        this.listsItself = listsItself;
        this.otherSchemaColumns = List.of(otherSchemaColumns);
    }

    public static Optional<InformationSchema> byName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(upper)).findFirst();
    }

    public static boolean is(String schema) {
        return NAME.equalsIgnoreCase(schema);
    }

    public Kind kind() {
        return kind;
    }

    /** The lookup key column of the database, or null. */
    public String schemaColumn() {
        return schemaColumn;
    }

    /** The lookup key column of the table, or null. */
    public String tableColumn() {
        return tableColumn;
    }

    ShardMerge merge() {
        return merge;
    }

    /** Every column naming the row's database: rewritten from the physical to the logical name. */
    List<String> schemaColumns() {
        List<String> all = new java.util.ArrayList<>();
        all.add(schemaColumn);
        all.addAll(otherSchemaColumns);
        return all;
    }

    /**
     * Which of the node's own rows join the proxy's: information_schema's rows about itself (the
     * same everywhere) when the query may want them; none otherwise.
     */
    String ownRows(Lookup lookup) {
        return listsItself && lookup.allowsInformationSchema() ? schemaColumn + " = '" + NAME + "'" : "0";
    }
}
