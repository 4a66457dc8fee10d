package io.shardgate.router.plan;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import java.util.List;

/** A result the proxy knows without asking a backend (SHOW DATABASES, SELECT @@var, EXPLAIN). */
public final class LocalResult implements Primitive {

    private final String what;
    private final List<Column> columns;
    private final List<Row> rows;

    public LocalResult(String what, List<Column> columns, List<Row> rows) {
        this.what = what;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    @Override
    public Result execute(ExecutionContext context) {
        return new ListRowStream(columns, rows);
    }

    @Override
    public Description describe() {
        return Description.leaf("LocalResult " + what + " (" + rows.size() + " rows)");
    }
}
