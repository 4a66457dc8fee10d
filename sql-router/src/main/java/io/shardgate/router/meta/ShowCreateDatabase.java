package io.shardgate.router.meta;

import io.shardgate.router.DataNode;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SHOW CREATE DATABASE [IF NOT EXISTS] schema}: the statement of the schema's home data
 * node's database (its character set, collation and comment), naming the logical schema.
 */
public final class ShowCreateDatabase implements Primitive {

    private final String schema;
    private final DataNode home;
    private final boolean ifNotExists;

    public ShowCreateDatabase(String schema, DataNode home, boolean ifNotExists) {
        this.schema = schema;
        this.home = home;
        this.ifNotExists = ifNotExists;
    }

    private String sql() {
        return "SHOW CREATE DATABASE " + (ifNotExists ? "IF NOT EXISTS " : "") + MysqlStrings.quoteIdentifier(home.database());
    }

    @Override
    public Result execute(ExecutionContext context) {
        List<Row> rows = new ArrayList<>();
        try (RowStream answer = NodeQueries.query(context.shards(), home, sql())) {
            for (Row r = answer.next(); r != null; r = answer.next()) {
                byte[][] cells = r.cells().clone();
                cells[0] = schema.getBytes(StandardCharsets.UTF_8);
                cells[1] = renamed(r.text(1)).getBytes(StandardCharsets.UTF_8);
                rows.add(new Row(cells));
            }
            return new ListRowStream(answer.columns(), rows);
        }
    }

    /** The database's name in the statement (its first identifier, quoted unless sql_quote_show_create is off). */
    private String renamed(String statement) {
        String quoted = MysqlStrings.quoteIdentifier(home.database());
        int at = statement.indexOf(quoted);
        if (at >= 0) {
            return statement.substring(0, at) + MysqlStrings.quoteIdentifier(schema) + statement.substring(at + quoted.length());
        }
        at = statement.indexOf(home.database());
        return at < 0 ? statement
                : statement.substring(0, at) + schema + statement.substring(at + home.database().length());
    }

    @Override
    public Description describe() {
        return Description.of("ShowCreateDatabase " + schema, Description.leaf(home.name() + ": " + sql()));
    }
}
