package io.shardgate.router.plan;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends rewritten statements to data nodes and combines what they return: rows are concatenated
 * (streamed shard after shard), update counts summed. Physical database names in result metadata
 * and error messages are mapped back to the logical schema.
 */
public final class Route implements Primitive {

    private final RouteKind kind;
    private final String target;
    private final String logicalSchema;
    private final List<ShardStatement> statements;
    private final boolean write;

    /**
     * @param target        what is routed, for EXPLAIN (a table name, or "-")
     * @param logicalSchema the schema to show in result metadata, or null to leave it as is
     */
    public Route(RouteKind kind, String target, String logicalSchema, List<ShardStatement> statements) {
        this(kind, target, logicalSchema, statements, false);
    }

    /**
     * @param write whether the statements change data: then a failure on one node undoes the
     *              others (DDL, which MariaDB cannot undo, is not a write here)
     */
    public Route(RouteKind kind, String target, String logicalSchema, List<ShardStatement> statements, boolean write) {
        this.write = write;
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one statement");
        }
        this.kind = kind;
        this.target = target;
        this.logicalSchema = logicalSchema;
        this.statements = List.copyOf(statements);
    }

    public RouteKind kind() {
        return kind;
    }

    public List<ShardStatement> statements() {
        return statements;
    }

    @Override
    public Result execute(ExecutionContext context) {
        if (statements.size() == 1) {
            ShardStatement only = statements.getFirst();
            try {
                return logical(context.shards().execute(only), only);
            } catch (ShardGateException e) {
                throw logicalError(e, only);
            }
        }
        List<ShardOutcome> outcomes = write ? context.shards().executeAllAtomically(statements)
                : context.shards().executeAll(statements);
        failIfAnyFailed(outcomes);
        if (outcomes.getFirst().result() instanceof RowStream) {
            List<RowStream> streams = new ArrayList<>(outcomes.size());
            for (ShardOutcome o : outcomes) {
                streams.add((RowStream) logical(o.result(), o.statement()));
            }
            return new ConcatRowStream(streams);
        }
        UpdateResult total = UpdateResult.EMPTY;
        for (ShardOutcome o : outcomes) {
            if (o.result() instanceof UpdateResult u) {
                total = total.plus(u);
            } else if (o.result() instanceof RowStream rs) {
                rs.close();
            }
        }
        return total;
    }

    /**
     * Runs every statement concurrently and returns each shard's rows as its own stream, for
     * merge primitives; the streams are the statements' order.
     */
    public List<RowStream> openStreams(ExecutionContext context) {
        List<ShardOutcome> outcomes = context.shards().executeAll(statements);
        failIfAnyFailed(outcomes);
        List<RowStream> streams = new ArrayList<>(outcomes.size());
        for (ShardOutcome o : outcomes) {
            if (!(o.result() instanceof RowStream rs)) {
                streams.forEach(RowStream::close);
                throw new ShardGateException(1105, "HY000", "data node '" + o.statement().dataNode()
                        + "' returned no rows for a query", null);
            }
            streams.add((RowStream) logical(rs, o.statement()));
        }
        return streams;
    }

    /** Runs a write on every statement's node; each node's count, in statement order. */
    public List<UpdateResult> executeUpdates(ExecutionContext context) {
        List<ShardOutcome> outcomes = write ? context.shards().executeAllAtomically(statements)
                : context.shards().executeAll(statements);
        failIfAnyFailed(outcomes);
        List<UpdateResult> out = new ArrayList<>(outcomes.size());
        for (ShardOutcome o : outcomes) {
            if (o.result() instanceof UpdateResult u) {
                out.add(u);
            } else if (o.result() instanceof RowStream rs) {
                rs.close();
                out.add(UpdateResult.EMPTY);
            }
        }
        return out;
    }

    public String logicalSchema() {
        return logicalSchema;
    }

    private Result logical(Result result, ShardStatement statement) {
        if (logicalSchema != null && result instanceof RowStream rs) {
            return new SchemaMappingRowStream(rs, statement.database(), logicalSchema);
        }
        return result;
    }

    /**
     * When some shards failed, the statement's results are dropped and the first failure is
     * reported with the nodes it happened on; for statements that could not be undone (DDL), the
     * nodes where it did apply are named too.
     */
    private void failIfAnyFailed(List<ShardOutcome> outcomes) {
        List<ShardOutcome> failed = outcomes.stream().filter(ShardOutcome::failed).toList();
        if (failed.isEmpty()) {
            return;
        }
        List<String> applied = new ArrayList<>();
        for (ShardOutcome o : outcomes) {
            if (o.result() instanceof RowStream rs) {
                rs.close();
            } else if (!o.failed()) {
                applied.add(o.statement().dataNode());
            }
        }
        ShardGateException first = logicalError(failed.getFirst().failure(), failed.getFirst().statement());
        StringBuilder msg = new StringBuilder();
        msg.append(first.getMessage()).append(" [failed on ")
                .append(String.join(", ", failed.stream().map(o -> o.statement().dataNode()).toList()));
        if (!applied.isEmpty() && !write) {
            msg.append("; applied on ").append(String.join(", ", applied));
        }
        msg.append(']');
        throw new ShardGateException(first.errorNumber(), first.sqlState(), msg.toString(), first);
    }

    private ShardGateException logicalError(ShardGateException e, ShardStatement statement) {
        return logicalError(e, statement.database(), logicalSchema);
    }

    /** Backend messages name physical tables ({@code Table 'shop_1.orders' doesn't exist}). */
    static ShardGateException logicalError(ShardGateException e, String database, String logicalSchema) {
        if (logicalSchema == null || e.getMessage() == null || !e.getMessage().contains(database)) {
            return e;
        }
        String message = e.getMessage()
                .replace("'" + database + ".", "'" + logicalSchema + ".")
                .replace("`" + database + "`", "`" + logicalSchema + "`");
        return new ShardGateException(e.errorNumber(), e.sqlState(), message, e.getCause());
    }

    @Override
    public Description describe() {
        List<Description> children = new ArrayList<>();
        for (ShardStatement s : statements) {
            children.add(Description.leaf(s.dataNode() + ": " + s.sql()));
        }
        return new Description("Route " + kind + " " + target + (write && statements.size() > 1 ? " (atomic)" : ""), children);
    }
}
