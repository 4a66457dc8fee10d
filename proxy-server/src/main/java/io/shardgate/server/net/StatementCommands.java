package io.shardgate.server.net;

import io.netty.buffer.ByteBuf;
import io.shardgate.protocol.Command;
import io.shardgate.protocol.MalformedPacketException;
import io.shardgate.protocol.StmtExecute;
import io.shardgate.protocol.StmtFetch;
import io.shardgate.protocol.StmtHandle;
import io.shardgate.protocol.StmtSendLongData;
import io.shardgate.protocol.Wire;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.parse.PreparedText;
import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.RowStream;
import io.shardgate.server.session.Session;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The binary protocol's commands: COM_STMT_PREPARE, EXECUTE, FETCH, SEND_LONG_DATA, RESET and
 * CLOSE. An execution binds the parameter values into the statement as SQL literals and runs it
 * exactly as a text query (same parsing, planning, routing and session state), then writes the
 * result in the binary protocol.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/3-binary-protocol-prepared-statements">MariaDB: binary protocol (prepared statements)</a>
 */
final class StatementCommands {

    private static final Logger log = LoggerFactory.getLogger(StatementCommands.class);
    /** MariaDB's limit on placeholders: the parameter count travels as int&lt;2&gt;. */
    private static final int MAX_PARAMETERS = 0xFFFF;

    private final Session session;
    private final QueryService queries;
    private final ResultWriter writer;
    private final StatementRegistry statements;
    private final long maxLongData;

    /** @param maxLongData bytes one parameter may collect by COM_STMT_SEND_LONG_DATA */
    StatementCommands(Session session, QueryService queries, ResultWriter writer, long maxLongData) {
        this.session = session;
        this.queries = queries;
        this.writer = writer;
        this.statements = new StatementRegistry(session);
        this.maxLongData = maxLongData;
    }

    /** The statement is read in the client's character_set_client, as a COM_QUERY is. */
    void prepare(ByteBuf in) {
        session.countedCommand("Com_stmt_prepare");
        try {
            PreparedText text = PreparedText.of(Wire.readEofString(in, session.statementCharset().charset()),
                    session.backslashEscapes());
            if (text.parameterCount() > MAX_PARAMETERS) {
                throw new ShardGateException(ErrorCode.TOO_MANY_PLACEHOLDERS);
            }
            List<Column> columns = queries.prepare(text);
            PreparedStatement s = statements.add(text, columns);
            writer.prepared(s.id(), text.parameterCount(), columns, queries.idleStatus());
        } catch (ShardGateException e) {
            statements.prepareFailed();
            queries.failed(e);
        } catch (RuntimeException e) {
            statements.prepareFailed();
            throw e;
        }
    }

    /**
     * Binds the parameters into the statement's text and runs it as {@link QueryService} runs a
     * query (backend session variables, user variables, diagnostics), writing its rows in the
     * binary protocol, converted to character_set_results, or keeping them in a cursor.
     */
    void execute(ByteBuf in) {
        session.countedCommand("Com_stmt_execute");
        StmtExecute.Header header = StmtExecute.readHeader(in);
        PreparedStatement s;
        ParsedSql bound;
        try {
            s = find(header.statementId(), "mysqld_stmt_execute");
            s.closeCursor();
            if (s.longDataError() != null) {
                // as in MariaDB, the statement keeps failing until COM_STMT_RESET
                throw s.longDataError();
            }
            List<String> literals;
            try {
                StmtExecute.Parameters parameters = readParameters(in, s);
                s.types(parameters.types());
                literals = ParameterLiterals.of(parameters, s, session.statementCharset(), session.backslashEscapes());
            } finally {
                s.resetLongData();
            }
            bound = SqlParser.parse(s.text().bind(literals), session.backslashEscapes(), session.clientCharset());
        } catch (ShardGateException e) {
            queries.failed(e);
            return;
        }
        queries.execute(bound, (rows, headerStatus, ending) -> {
            // Inside a transaction the session has one connection per data node, which a cursor
            // would keep busy: the cursor is declined and the rows come at once, which clients
            // handle (no CURSOR_EXISTS in the status).
            if (header.wantsCursor() && !session.executor().pinsConnections()) {
                openCursor(s, rows, ending);
                return null;
            }
            return binaryRows(rows, headerStatus, ending);
        }, this::binaryRows); // a prepared CALL: MariaDB sends its result sets in the binary protocol, never in a cursor
    }

    private Long binaryRows(RowStream rows, int headerStatus, Supplier<ResultWriter.Ending> ending) {
        try {
            return writer.binaryRows(rows, headerStatus, ending);
        } finally {
            ResultWriter.closeAnswered(rows);
        }
    }

    private StmtExecute.Parameters readParameters(ByteBuf in, PreparedStatement s) {
        try {
            return StmtExecute.readParameters(in, s.text().parameterCount(), s.types(), s.longDataParameters());
        } catch (MalformedPacketException e) {
            throw ShardGateException.detailed(ErrorCode.WRONG_ARGUMENTS, e.getMessage(), "mysqld_stmt_execute");
        }
    }

    private void openCursor(PreparedStatement s, RowStream rows, Supplier<ResultWriter.Ending> ending) {
        Cursor cursor;
        try {
            cursor = new Cursor(rows, writer.encoded(rows.columns()));
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
        s.openCursor(cursor);
        writer.cursorOpened(cursor, ending.get());
    }

    void fetch(ByteBuf in) {
        session.countedCommand("Com_stmt_fetch");
        StmtFetch fetch = StmtFetch.read(in);
        PreparedStatement s = find(fetch.statementId(), "mysqld_stmt_fetch");
        Cursor cursor = s.cursor();
        if (cursor == null) {
            throw new ShardGateException(ErrorCode.NO_OPEN_CURSOR, s.id());
        }
        boolean exhausted;
        try {
            exhausted = writer.fetch(cursor, fetch.rows(), queries.idleStatus());
        } catch (RuntimeException e) {
            s.closeCursor();
            throw e;
        }
        if (exhausted) {
            s.closeCursor();
        }
    }

    void reset(ByteBuf in) {
        session.countedCommand("Com_stmt_reset");
        PreparedStatement s = find(StmtHandle.read(Command.COM_STMT_RESET, in).statementId(), "mysqld_stmt_reset");
        s.reset();
        writer.ok(queries.idleStatus());
    }

    /** Never answered, whatever happens: a reply the client does not read would desynchronise it. */
    void close(ByteBuf in) {
        session.countedCommand("Com_stmt_close");
        try {
            statements.close(StmtHandle.read(Command.COM_STMT_CLOSE, in).statementId());
        } catch (RuntimeException e) {
            log.debug("COM_STMT_CLOSE ignored on connection {}: {}", session.connectionId(), e.toString());
        }
    }

    /**
     * Never answered either. A chunk for a parameter that does not exist, or one that makes the
     * value larger than max_allowed_packet, marks the statement: its executions fail with that
     * error until COM_STMT_RESET, as in MariaDB. A chunk for an unknown statement is dropped.
     */
    void sendLongData(ByteBuf in) {
        session.countedCommand("Com_stmt_send_long_data");
        try {
            StmtSendLongData.Target target = StmtSendLongData.readTarget(in);
            PreparedStatement s = statements.get(target.statementId());
            if (s == null) {
                return;
            }
            if (target.paramId() >= s.text().parameterCount()) {
                s.longDataError(ShardGateException.detailed(ErrorCode.WRONG_ARGUMENTS, "long data for parameter "
                        + (target.paramId() + 1) + " of a statement with " + s.text().parameterCount(),
                        "mysqld_stmt_send_long_data"));
            } else if (!s.appendLongData(target.paramId(), in, maxLongData)) {
                s.longDataError(new ShardGateException(ErrorCode.PACKET_TOO_LARGE.number(), ErrorCode.PACKET_TOO_LARGE.sqlState(),
                        "Parameter " + (target.paramId() + 1) + " of the prepared statement, sent by "
                                + "COM_STMT_SEND_LONG_DATA, is longer than max_allowed_packet (" + maxLongData + " bytes)", null));
            }
        } catch (RuntimeException e) {
            log.debug("COM_STMT_SEND_LONG_DATA ignored on connection {}: {}", session.connectionId(), e.toString());
        }
    }

    private PreparedStatement find(long id, String command) {
        PreparedStatement s = statements.get(id);
        if (s == null) {
            throw new ShardGateException(ErrorCode.UNKNOWN_STMT_HANDLER,
                    id == StatementRegistry.LAST_PREPARED ? "-1" : Long.toString(id), command);
        }
        return s;
    }

    /** The connection is gone. */
    void closeAll() {
        statements.closeAll();
    }
}
