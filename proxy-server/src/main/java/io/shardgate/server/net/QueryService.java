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
import io.shardgate.server.session.SessionDiagnostics;
import io.shardgate.server.session.StatementClass;
import java.util.List;
import java.util.function.Supplier;

/**
 * A client's SQL from text to written result: parse, plan, execute, write, and the session's
 * bookkeeping around each statement (its warnings, ROW_COUNT(), FOUND_ROWS(), status counters,
 * the status flags of its last packet). Executions of prepared statements, SQL-level ones and
 * COM_STMT_EXECUTE alike, take the same path with their values written in, so they see the same
 * session state (backend variables, user variables, character sets, diagnostics). With
 * CLIENT_MULTI_STATEMENTS several statements run in order, each result but the last flagged
 * SERVER_MORE_RESULTS_EXISTS, stopping at the first error as MariaDB does. A statement with several
 * results of its own (CALL) flags each but its last the same way.
 *
 * <p>Every result passes a {@link ResultGuard} on its way out: a killed statement ends in ERR 1317
 * and no row larger than max_allowed_packet is encoded.
 */
final class QueryService {

    private final Planner planner;
    private final Session session;
    private final ResultWriter writer;
    private final ResultGuard guard;
    private final boolean multiResults;
    private boolean multiStatements;
    private final RowsOut textRows;

    QueryService(Planner planner, Session session, ResultWriter writer, int clientCapabilities, ResultGuard guard) {
        this.planner = planner;
        this.session = session;
        this.writer = writer;
        this.guard = guard;
        this.multiStatements = Capability.MULTI_STATEMENTS.in(clientCapabilities);
        this.multiResults = Capability.MULTI_RESULTS.in(clientCapabilities);
        this.textRows = (rows, headerStatus, ending) -> {
            try {
                return writer.rows(rows, headerStatus, ending);
            } finally {
                ResultWriter.closeAnswered(rows);
            }
        };
    }

    /** COM_SET_OPTION switches multi-statements for the rest of the connection. */
    void multiStatements(boolean on) {
        multiStatements = on;
    }

    /**
     * Where a statement's rows go: written at once, in the text or the binary protocol, or kept
     * for later (a cursor). Whoever takes the stream closes it; once its answer has gone out, with
     * {@link ResultWriter#closeAnswered}.
     */
    interface RowsOut {
        /**
         * @param ending the statement's final status and warning count; ask once the rows are read
         * @return how many rows went out, or null when they were kept
         */
        Long write(RowStream rows, int headerStatus, Supplier<ResultWriter.Ending> ending);
    }

    void query(String sql) {
        List<ParsedSql> statements;
        try {
            statements = SqlParser.parseAll(sql, session.backslashEscapes(), session.clientCharset());
            if (statements.isEmpty()) {
                throw new ShardGateException(ErrorCode.EMPTY_QUERY);
            }
            if (statements.size() > 1 && !multiStatements) {
                throw new ShardGateException(ErrorCode.PARSE_ERROR,
                        "several statements in one query need the client's CLIENT_MULTI_STATEMENTS option");
            }
        } catch (ShardGateException e) {
            failed(e);
            return;
        }
        for (int i = 0; i < statements.size(); i++) {
            ParsedSql statement = statements.get(i);
            boolean more = i < statements.size() - 1;
            if (!run(StatementClass.of(statement), () -> planner.plan(statement, session), more, textRows, textRows)) {
                return;
            }
        }
    }

    void useSchema(String schema) {
        run(new StatementClass("Com_change_db", false, false), () -> new UseSchema(schema), false, textRows, textRows);
    }

    /**
     * Runs one statement of a prepared statement's execution, {@code statement} being its text
     * with the parameters' values written in: planned, run and accounted for like a query.
     *
     * @param rows        where a result set goes
     * @param severalRows where each result set of a statement with several (a CALL) goes
     */
    void execute(ParsedSql statement, RowsOut rows, RowsOut severalRows) {
        run(StatementClass.of(statement), () -> planner.plan(statement, session), false, rows, severalRows);
    }

    /**
     * A command failed before it had a statement to run (it could not be parsed, a prepared
     * statement's parameters were wrong): its error is written and, as in MariaDB, it becomes the
     * diagnostics area's (SHOW WARNINGS lists it).
     */
    void failed(ShardGateException e) {
        session.diagnosticsArea().begin(session.maxErrorCount());
        session.diagnosticsArea().fail(e, false);
        writer.error(e);
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
        Primitive plan = planner.plan(SqlParser.parse(statement.withNulls(), session.backslashEscapes(),
                session.clientCharset()), session);
        DescribingExecutor describing = new DescribingExecutor(session.executor(), session.backslashEscapes());
        if (plan.execute(new ExecutionContext(describing, session)) instanceof RowStream rows) {
            try (rows) {
                return rows.columns();
            }
        }
        return List.of();
    }

    /**
     * Runs one statement and writes its result or error; false when it failed.
     *
     * @param severalOut where each result set of a statement with several results goes
     */
    private boolean run(StatementClass kind, Supplier<Primitive> plan, boolean more, RowsOut out, RowsOut severalOut) {
        SessionDiagnostics diagnostics = session.diagnosticsArea();
        session.counted(kind);
        diagnostics.begin(session.maxErrorCount());
        try {
            Result result = plan.get().execute(new ExecutionContext(session.executor(), session));
            switch (result) {
                case UpdateResult u -> {
                    if (u.generated()) {
                        session.statementInsertedId(u.lastInsertId());
                    }
                    guard.check();
                    int warnings = diagnostics.end(kind.usesTables());
                    session.statementCounted(u.affectedRows(), null);
                    writer.ok(u, new ResultWriter.Ending(status(more), warnings));
                }
                case RowStream rows -> {
                    Long sent = out.write(guard.rows(rows), status(more),
                            () -> new ResultWriter.Ending(status(more), diagnostics.end(kind.usesTables())));
                    Long backendFound = diagnostics.backendFoundRows();
                    session.statementCounted(-1, !kind.setsFoundRows() || sent == null ? null
                            : backendFound != null ? backendFound : sent);
                }
                case MultiResult results -> {
                    try {
                        writeAll(results, kind, more, severalOut);
                    } finally {
                        ResultWriter.closeAnswered(results);
                    }
                }
            }
            return true;
        } catch (ShardGateException e) {
            ShardGateException reported = guard.translate(e);
            diagnostics.fail(reported, kind.usesTables());
            session.statementCounted(-1, null);
            writer.error(reported);
            return false;
        }
    }

    /**
     * Each result of a CALL in turn, all but the last flagged SERVER_MORE_RESULTS_EXISTS (the
     * closing OK always comes last, captured in {@code call-two-results.hex}); the closing OK
     * carries the statement's warnings and sets ROW_COUNT(). A client without
     * CLIENT_MULTI_RESULTS cannot take a result set from a procedure: 1312, as MariaDB answers.
     *
     * @param more whether statements follow (the closing OK is flagged then too)
     */
    private void writeAll(MultiResult results, StatementClass kind, boolean more, RowsOut out) {
        SessionDiagnostics diagnostics = session.diagnosticsArea();
        Result current = results.next();
        while (current != null) {
            switch (current) {
                case RowStream rows -> {
                    if (!multiResults) {
                        rows.close();
                        throw new ShardGateException(ErrorCode.PROCEDURE_CANNOT_RETURN_RESULTS,
                                results instanceof CallProcedure.Results call ? call.procedure() : "");
                    }
                    // the procedure's warnings are read with its closing OK, which counts them
                    out.write(guard.rows(rows), status(true), () -> new ResultWriter.Ending(status(true), 0));
                    current = results.next();
                }
                case UpdateResult u -> {
                    if (u.generated()) {
                        session.statementInsertedId(u.lastInsertId());
                    }
                    Result following = results.next();
                    guard.check();
                    int warnings = following == null ? diagnostics.end(kind.usesTables()) : 0;
                    if (following == null) {
                        session.statementCounted(u.affectedRows(), null);
                    }
                    writer.ok(u, new ResultWriter.Ending(status(more || following != null), warnings));
                    current = following;
                }
                case MultiResult nested -> throw new IllegalStateException("a result of several holds several itself");
            }
        }
    }

    /** The status flags of the packet that ends a statement: the session's and its backends'. */
    int status(boolean more) {
        int s = idleStatus() | session.diagnosticsArea().backendStatusFlags();
        if (more) {
            s |= ServerStatus.MORE_RESULTS_EXISTS.bit();
        }
        return s;
    }

    /**
     * The status flags of answers that run no statement (COM_PING, COM_STMT_PREPARE, a fetch): the
     * session's alone, since MariaDB clears the per-statement ones when a command starts.
     */
    int idleStatus() {
        int s = 0;
        if (session.autocommit()) {
            s |= ServerStatus.AUTOCOMMIT.bit();
        }
        if (session.executor().inTransaction()) {
            s |= ServerStatus.IN_TRANS.bit();
        }
        if (session.executor().inReadOnlyTransaction()) {
            s |= ServerStatus.IN_TRANS_READONLY.bit();
        }
        if (!session.backslashEscapes()) {
            s |= ServerStatus.NO_BACKSLASH_ESCAPES.bit();
        }
        return s;
    }
}
