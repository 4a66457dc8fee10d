package io.shardgate.server.net;

import io.shardgate.protocol.ServerStatus;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.Planner;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.UseSchema;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.result.UpdateResult;
import io.shardgate.server.session.Session;
import io.shardgate.server.session.SessionDiagnostics;
import io.shardgate.server.session.StatementClass;
import java.util.List;

/**
 * A client's SQL from text to written result: parse, plan, execute, write, and the session's
 * bookkeeping around each statement (its warnings, ROW_COUNT(), FOUND_ROWS(), status counters,
 * the status flags of its last packet). With CLIENT_MULTI_STATEMENTS several statements run in
 * order, each result but the last flagged SERVER_MORE_RESULTS_EXISTS, stopping at the first
 * error as MariaDB does.
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
            statements = SqlParser.parseAll(sql, session.backslashEscapes(), session.clientCharset());
            if (statements.isEmpty()) {
                throw new ShardGateException(ErrorCode.EMPTY_QUERY);
            }
            if (statements.size() > 1 && !multiStatements) {
                throw new ShardGateException(ErrorCode.PARSE_ERROR,
                        "several statements in one query need the client's CLIENT_MULTI_STATEMENTS option");
            }
        } catch (ShardGateException e) {
            session.diagnosticsArea().begin(session.maxErrorCount());
            session.diagnosticsArea().fail(e, false);
            writer.error(e);
            return;
        }
        for (int i = 0; i < statements.size(); i++) {
            ParsedSql statement = statements.get(i);
            StatementClass kind = StatementClass.of(statement);
            if (!run(kind, () -> planner.plan(statement, session), i < statements.size() - 1)) {
                return;
            }
        }
    }

    void useSchema(String schema) {
        run(new StatementClass("Com_change_db", false, false), () -> new UseSchema(schema), false);
    }

    /** Runs one statement and writes its result or error; false when it failed. */
    private boolean run(StatementClass kind, java.util.function.Supplier<Primitive> plan, boolean more) {
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
                    int warnings = diagnostics.end(kind.usesTables());
                    session.statementCounted(u.affectedRows(), null);
                    writer.ok(u, new ResultWriter.Ending(status(more), warnings));
                }
                case RowStream rows -> {
                    long sent;
                    try (rows) {
                        sent = writer.rows(rows, status(more), () -> {
                            int warnings = diagnostics.end(kind.usesTables());
                            return new ResultWriter.Ending(status(more), warnings);
                        });
                    }
                    Long backendFound = diagnostics.backendFoundRows();
                    session.statementCounted(-1, !kind.setsFoundRows() ? null : backendFound != null ? backendFound : sent);
                }
            }
            return true;
        } catch (ShardGateException e) {
            diagnostics.fail(e, kind.usesTables());
            session.statementCounted(-1, null);
            writer.error(e);
            return false;
        }
    }

    int status(boolean more) {
        int s = session.diagnosticsArea().backendStatusFlags();
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
        if (more) {
            s |= ServerStatus.MORE_RESULTS_EXISTS.bit();
        }
        return s;
    }
}
