package io.shardgate.router.plan;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.result.MultiResult;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.RowStream;
import java.util.List;

/**
 * {@code CALL procedure(...)} on the one data node that holds its schema: the procedure's result
 * sets and its closing OK, passed on one by one. Column metadata and error messages name the
 * logical schema instead of the node's database.
 */
public final class CallProcedure implements Primitive {

    private final String procedure;
    private final String logicalSchema;
    private final ShardStatement statement;

    /**
     * @param procedure     the logical name, {@code schema.name}, as errors about it show it
     * @param logicalSchema the schema the procedure belongs to
     */
    public CallProcedure(String procedure, String logicalSchema, ShardStatement statement) {
        this.procedure = procedure;
        this.logicalSchema = logicalSchema;
        this.statement = statement;
    }

    public String procedure() {
        return procedure;
    }

    @Override
    public Result execute(ExecutionContext context) {
        try {
            return new Results(context.shards().executeMultiResults(statement));
        } catch (ShardGateException e) {
            throw logical(e);
        }
    }

    /** MariaDB names the procedure {@code db.p} (1305 "PROCEDURE shop_0.p does not exist"). */
    private ShardGateException logical(ShardGateException e) {
        ShardGateException mapped = Route.logicalError(e, statement.database(), logicalSchema);
        String message = mapped.getMessage();
        if (message == null || !message.contains(" " + statement.database() + ".")) {
            return mapped;
        }
        return new ShardGateException(mapped.errorNumber(), mapped.sqlState(),
                message.replace(" " + statement.database() + ".", " " + logicalSchema + "."), mapped.getCause());
    }

    /** The procedure's results, with logical names. */
    public final class Results implements MultiResult {
        private final MultiResult inner;

        private Results(MultiResult inner) {
            this.inner = inner;
        }

        /** The procedure, {@code schema.name}, as errors about its results name it. */
        public String procedure() {
            return procedure;
        }

        @Override
        public Result next() {
            try {
                Result r = inner.next();
                return r instanceof RowStream rows ? new SchemaMappingRowStream(rows, statement.database(), logicalSchema) : r;
            } catch (ShardGateException e) {
                throw logical(e);
            }
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Override
    public Description describe() {
        return new Description("CallProcedure " + procedure,
                List.of(Description.leaf(statement.dataNode() + ": " + statement.sql())));
    }
}
