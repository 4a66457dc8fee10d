package io.shardgate.server.net;

import io.shardgate.protocol.Capability;
import io.shardgate.protocol.ServerStatus;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.Planner;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.parse.PreparedText;
import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.CallProcedure;
import io.shardgate.router.plan.DescribingExecutor;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.UseSchema;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.MultiResult;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.result.UpdateResult;
import io.shardgate.server.session.Session;
import java.util.List;

/**
 * A client's SQL from text to written result: parse, plan, execute, write. With
 * CLIENT_MULTI_STATEMENTS several statements run in order, each result but the last flagged
 * SERVER_MORE_RESULTS_EXISTS, stopping at the first error as MariaDB does. A statement with several
 * results of its own (CALL) flags each but its last the same way.
 */
final class QueryService {

    private final Planner planner;
    private final Session session;
    private final ResultWriter writer;
    private final ResultGuard guard;
    private final boolean multiResults;
    private boolean multiStatements;

    QueryService(Planner planner, Session session, ResultWriter writer, int clientCapabilities, ResultGuard guard) {
        this.planner = planner;
        this.session = session;
        this.writer = writer;
        this.guard = guard;
        this.multiStatements = Capability.MULTI_STATEMENTS.in(clientCapabilities);
        this.multiResults = Capability.MULTI_RESULTS.in(clientCapabilities);
    }

    /** COM_SET_OPTION switches multi-statements for the rest of the connection. */
    void multiStatements(boolean on) {
        multiStatements = on;
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
                writer.error(guard.translate(e));
                return;
            }
        }
    }

    void useSchema(String schema) {
        try {
            run(new UseSchema(schema), false);
        } catch (ShardGateException e) {
            writer.error(guard.translate(e));
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
            case UpdateResult u -> ok(u, more);
            case RowStream rows -> {
                try {
                    writer.rows(guard.rows(rows), status(more));
                } finally {
                    ResultWriter.closeAnswered(rows);
                }
            }
            case MultiResult results -> {
                try {
                    writeAll(results, more, (rows, status) -> writer.rows(guard.rows(rows), status));
                } finally {
                    ResultWriter.closeAnswered(results);
                }
            }
        }
    }

    private void ok(UpdateResult u, boolean more) {
        guard.check();
        writer.ok(u, status(more));
    }

    /** How one result set of several goes out: text rows, or binary ones for a prepared CALL. */
    interface RowsWriter {
        void write(RowStream rows, int status);
    }

    /**
     * Each result of a CALL in turn, all but the last flagged SERVER_MORE_RESULTS_EXISTS (the
     * closing OK always comes last, captured in {@code call-two-results.hex}). A client without
     * CLIENT_MULTI_RESULTS cannot take a result set from a procedure: 1312, as MariaDB answers.
     *
     * @param more whether statements follow (the closing OK is flagged then too)
     */
    void writeAll(MultiResult results, boolean more, RowsWriter rowsWriter) {
        Result current = results.next();
        while (current != null) {
            switch (current) {
                case RowStream rows -> {
                    if (!multiResults) {
                        rows.close();
                        throw new ShardGateException(ErrorCode.PROCEDURE_CANNOT_RETURN_RESULTS,
                                results instanceof CallProcedure.Results call ? call.procedure() : "");
                    }
                    try {
                        rowsWriter.write(rows, status(true));
                    } finally {
                        ResultWriter.closeAnswered(rows);
                    }
                    current = results.next();
                }
                case UpdateResult u -> {
                    if (u.generated()) {
                        session.statementInsertedId(u.lastInsertId());
                    }
                    Result following = results.next();
                    ok(u, more || following != null);
                    current = following;
                }
                case MultiResult nested -> throw new IllegalStateException("a result of several holds several itself");
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
