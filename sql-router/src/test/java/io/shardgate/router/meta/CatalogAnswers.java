package io.shardgate.router.meta;

import io.shardgate.router.FakeRowStream;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A data node's answers to catalog queries, by the start of the statement: the first registered
 * prefix that the SQL starts with answers. An unexpected statement fails the test.
 */
final class CatalogAnswers implements Function<ShardStatement, Result> {

    private final Map<String, Function<ShardStatement, Result>> byPrefix = new LinkedHashMap<>();

    CatalogAnswers on(String prefix, Function<ShardStatement, Result> answer) {
        byPrefix.put(prefix, answer);
        return this;
    }

    CatalogAnswers rows(String prefix, List<Column> columns, String[]... rows) {
        return on(prefix, s -> new FakeRowStream(columns, java.util.Arrays.stream(rows).map(Row::ofStrings).toList()));
    }

    /** Tables of the node's database: "name" a base table. */
    CatalogAnswers tables(String... names) {
        List<String[]> rows = new ArrayList<>();
        for (String n : names) {
            rows.add(new String[] {n, "BASE TABLE"});
        }
        return rows("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES", text("TABLE_NAME", "TABLE_TYPE"),
                rows.toArray(String[][]::new));
    }

    @Override
    public Result apply(ShardStatement s) {
        for (Map.Entry<String, Function<ShardStatement, Result>> e : byPrefix.entrySet()) {
            if (s.sql().startsWith(e.getKey())) {
                return e.getValue().apply(s);
            }
        }
        throw new AssertionError("unexpected statement for " + s.dataNode() + ": " + s.sql());
    }

    /** information_schema text columns. */
    static List<Column> text(String... names) {
        List<Column> out = new ArrayList<>();
        for (String n : names) {
            out.add(column(n, ColumnType.VAR_STRING, 0));
        }
        return out;
    }

    static Column column(String name, ColumnType type, int flags) {
        boolean text = type == ColumnType.VAR_STRING;
        return new Column("information_schema", "TABLES", "TABLES", name, name,
                text ? Column.UTF8MB4_GENERAL_CI : Column.BINARY_COLLATION, 256, type, flags, 0);
    }
}
