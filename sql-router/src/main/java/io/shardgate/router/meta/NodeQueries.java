package io.shardgate.router.meta;

import io.shardgate.router.DataNode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.plan.ShardExecutor;
import io.shardgate.router.plan.ShardOutcome;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog queries run on several data nodes at once, each answer read whole: metadata answers
 * are merged and rewritten by the proxy before the client sees a row. They are bounded all the
 * same (a schema of very many tables), by the join limit, since the rows are held like a join's.
 */
final class NodeQueries {

    /** One node's answer. */
    record Answer(ShardStatement statement, List<Column> columns, List<Row> rows) {
    }

    private NodeQueries() {
    }

    static List<Answer> run(ShardExecutor shards, List<ShardStatement> statements, long maxRows) {
        if (statements.isEmpty()) {
            return List.of();
        }
        List<ShardOutcome> outcomes = shards.executeAll(statements);
        ShardGateException failure = null;
        for (ShardOutcome o : outcomes) {
            if (o.failed() && failure == null) {
                failure = o.failure();
            }
        }
        if (failure != null) {
            closeAll(outcomes);
            throw failure;
        }
        List<Answer> out = new ArrayList<>(outcomes.size());
        long held = 0;
        try {
            for (ShardOutcome o : outcomes) {
                if (!(o.result() instanceof RowStream rows)) {
                    throw new ShardGateException(1105, "HY000", "data node '" + o.statement().dataNode()
                            + "' returned no rows for a catalog query", null);
                }
                List<Row> read = new ArrayList<>();
                for (Row r = rows.next(); r != null; r = rows.next()) {
                    read.add(r);
                    if (++held > maxRows) {
                        throw new ShardGateException(1104, "42000", "The catalog answer would hold more than "
                                + "limits.maxJoinRows (" + maxRows + ") rows in the proxy; narrow it with WHERE "
                                + "conditions on the schema and table names", null);
                    }
                }
                out.add(new Answer(o.statement(), rows.columns(), read));
            }
        } finally {
            closeAll(outcomes);
        }
        return out;
    }

    private static void closeAll(List<ShardOutcome> outcomes) {
        for (ShardOutcome o : outcomes) {
            if (o.result() instanceof RowStream rows) {
                rows.close();
            }
        }
    }

    /** One query on one node, its rows streaming. */
    static RowStream query(ShardExecutor shards, DataNode node, String sql) {
        if (!(shards.execute(new ShardStatement(node.name(), node.database(), sql)) instanceof RowStream rows)) {
            throw new ShardGateException(1105, "HY000", "data node '" + node.name() + "' returned no rows for a query", null);
        }
        return rows;
    }

    /** The index of the column named {@code name} (ignoring case), or -1. */
    static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
