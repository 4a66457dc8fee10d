package io.shardgate.server.net;

import io.shardgate.protocol.ServerStatus;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.Planner;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.parse.PreparedText;
import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.DescribingExecutor;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.UseSchema;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.result.UpdateResult;
import io.shardgate.server.session.Session;
import java.util.List;

/**
 * A client's SQL from text to written result: parse, plan, execute, write. With
 * CLIENT_MULTI_STATEMENTS several statements run in order, each result but the last flagged
 * SERVER_MORE_RESULTS_EXISTS, stopping at the first error as MariaDB does.
 */
final class QueryService {

    private final Planner planner;
    private final Session session;
    private final ResultWriter writer;
    private final boolean multiStatements;

    QueryService(Planner planner, Session session, ResultWriter writer, boolean multiStatements) {
        this.planner = planner;
        this.session = session;
        this.writer = writer;
        this.multiStatements = multiStatements;
    }

    void query(String sql) {
        List<ParsedSql> statements;
        try {
            statements = SqlParser.parseAll(sql, session.backslashEscapes());
            if (statements.isEmpty()) {
                throw new ShardGateException(ErrorCode.EMPTY_QUERY);
            }
            if (statements.size() > 1 && !multiStatements) {
                throw new ShardGateException(ErrorCode.PARSE_ERROR,
                        "several statements in one query need the client's CLIENT_MULTI_STATEMENTS option");
            }
        } catch (ShardGateException e) {
            writer.error(e);
            return;
        }
        for (int i = 0; i < statements.size(); i++) {
            try {
                execute(statements.get(i), i < statements.size() - 1);
            } catch (ShardGateException e) {
                writer.error(e);
                return;
            }
        }
    }

    void useSchema(String schema) {
        try {
            run(new UseSchema(schema), false);
        } catch (ShardGateException e) {
            writer.error(e);
        }
    }

    private void execute(ParsedSql statement, boolean more) {
        run(planner.plan(statement, session), more);
    }

    /** Plans and runs one statement; the caller writes the result (and closes a RowStream). */
    Result execute(ParsedSql statement) {
        return execute(planner.plan(statement, session));
    }

    private Result execute(Primitive plan) {
        Result result = plan.execute(new ExecutionContext(session.executor(), session));
        if (result instanceof UpdateResult u && u.generated()) {
            session.statementInsertedId(u.lastInsertId());
        }
        return result;
    }

    /**
     * Checks a statement for COM_STMT_PREPARE and finds its result columns: the statement with
     * NULL parameters is planned like any query and run by a {@link DescribingExecutor}, which asks
     * each data node for no rows. A statement that does not answer with rows has none.
     */
    List<Column> prepare(PreparedText statement) {
        planner.checkPrepared(statement, session);
        if (!statement.returnsRows()) {
            return List.of();
        }
        Primitive plan = planner.plan(SqlParser.parse(statement.withNulls(), session.backslashEscapes()), session);
        DescribingExecutor describing = new DescribingExecutor(session.executor(), session.backslashEscapes());
        if (plan.execute(new ExecutionContext(describing, session)) instanceof RowStream rows) {
            try (rows) {
                return rows.columns();
            }
        }
        return List.of();
    }

    private void run(Primitive plan, boolean more) {
        Result result = execute(plan);
        switch (result) {
            case UpdateResult u -> writer.ok(u, status(more));
            case RowStream rows -> {
                try (rows) {
                    writer.rows(rows, status(more));
                }
            }
        }
    }

    int status(boolean more) {
        int s = 0;
        if (session.autocommit()) {
            s |= ServerStatus.AUTOCOMMIT.bit();
        }
        if (session.executor().inTransaction()) {
            s |= ServerStatus.IN_TRANS.bit();
        }
        if (more) {
            s |= ServerStatus.MORE_RESULTS_EXISTS.bit();
        }
        return s;
    }
}
