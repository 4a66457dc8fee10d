package io.shardgate.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.shardgate.backend.JdbcShardExecutor;
import io.shardgate.protocol.ChannelClosedException;
import io.shardgate.protocol.Command;
import io.shardgate.protocol.MalformedPacketException;
import io.shardgate.protocol.Packet;
import io.shardgate.protocol.PacketWriter;
import io.shardgate.protocol.ProcessKill;
import io.shardgate.protocol.ServerStatus;
import io.shardgate.protocol.SetOption;
import io.shardgate.protocol.Wire;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.meta.InformationSchema;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.RowStream;
import io.shardgate.server.session.Session;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data port's command phase: SQL and the other client commands, answered per the protocol.
 *
 * <p>{@link #closed()} ends the phase when the client leaves and also when it sends
 * COM_RESET_CONNECTION (a fresh phase follows): whatever this phase holds for the session
 * (transactions, prepared statements, ...) must be released there.
 */
final class DataCommands implements CommandProcessor {

    private static final Logger log = LoggerFactory.getLogger(DataCommands.class);

    /** How much of a query SHOW @@CONNECTION shows (MariaDB's SHOW PROCESSLIST shows 100 characters). */
    private static final int SHOWN_QUERY_LENGTH = 1024;

    private final ServerContext server;
    private final Channel channel;
    private final PacketWriter out;
    private final Session session;
    private final JdbcShardExecutor executor;
    private final ResultWriter writer;
    private final QueryService queries;
    private final StatementCommands statements;
    private final FrontendConnection connection;

    DataCommands(ServerContext server, FrontendConnection connection, Session session, JdbcShardExecutor executor,
                 int clientCapabilities) {
        this.server = server;
        this.connection = connection;
        this.channel = connection.channel();
        this.out = connection.writer();
        this.session = session;
        this.executor = executor;
        this.writer = new ResultWriter(out, clientCapabilities, session::resultEncoding);
        ResultGuard guard = new ResultGuard(connection.command(), server.config().server().maxAllowedPacket());
        this.queries = new QueryService(server.planner(), session, writer, clientCapabilities, guard);
        this.statements = new StatementCommands(session, queries, writer, server.config().server().maxAllowedPacket());
    }

    @Override
    public void handle(Packet packet) {
        out.sequence((packet.sequenceId() + 1) & 0xFF);
        ByteBuf in = packet.payload();
        try {
            if (!in.isReadable()) {
                throw new MalformedPacketException("empty command packet");
            }
            int code = in.readUnsignedByte();
            Optional<Command> command = Command.of(code);
            connection.command().start(command.map(Enum::name).orElse("0x" + Integer.toHexString(code)));
            dispatch(command.orElse(null), in);
        } catch (MalformedPacketException e) {
            writer.error(new ShardGateException(ErrorCode.MALFORMED_PACKET, e.getMessage()));
        } catch (ChannelClosedException | CancellationException e) {
            return;
        } catch (ShardGateException e) {
            writer.error(e);
        } catch (RuntimeException e) {
            log.error("internal error on connection {}", session.connectionId(), e);
            writer.error(new ShardGateException(ErrorCode.UNKNOWN_ERROR, "internal error: " + e));
        } finally {
            connection.command().end();
        }
        if (channel.isActive()) {
            out.flush();
        }
    }

    private void dispatch(Command command, ByteBuf in) {
        if (command == null) {
            writer.error(new ShardGateException(ErrorCode.UNKNOWN_COMMAND));
            return;
        }
        switch (command) {
            case COM_QUIT -> channel.close();
            case COM_PING -> writer.ok(queries.idleStatus());
            // Text from the client is in its character_set_client; bytes that are no characters of it
            // survive decoding (MariaDbCharset), so binary literals reach the backends intact.
            case COM_QUERY -> {
                String sql = Wire.readEofString(in, session.statementCharset().charset());
                connection.command().describe(sql.length() > SHOWN_QUERY_LENGTH ? sql.substring(0, SHOWN_QUERY_LENGTH) + "..." : sql);
                queries.query(sql);
            }
            case COM_INIT_DB -> queries.useSchema(Wire.readEofString(in, session.statementCharset().charset()));
            case COM_FIELD_LIST -> fieldList(Wire.readNulString(in, session.statementCharset().charset()));
            case COM_CHANGE_USER -> connection.changeUser(fromCommandByte(in));
            case COM_STATISTICS -> out.write(buf -> buf.writeCharSequence(statistics(), StandardCharsets.UTF_8));
            case COM_STMT_PREPARE -> statements.prepare(in);
            case COM_STMT_EXECUTE -> statements.execute(in);
            case COM_STMT_FETCH -> statements.fetch(in);
            case COM_STMT_RESET -> statements.reset(in);
            case COM_STMT_CLOSE -> statements.close(in);
            case COM_STMT_SEND_LONG_DATA -> statements.sendLongData(in);
            case COM_SET_OPTION -> setOption(SetOption.read(fromCommandByte(in)));
            // MariaDB writes debug information to its error log and answers EOF; there is none to write
            case COM_DEBUG -> writer.eof(queries.idleStatus());
            case COM_PROCESS_KILL -> {
                session.kill(ProcessKill.read(fromCommandByte(in)).connectionId(), false);
                writer.ok(queries.idleStatus());
            }
            case COM_RESET_CONNECTION -> {
                connection.resetSession();
                writer.ok(ServerStatus.AUTOCOMMIT.bit());
            }
            default -> writer.error(new ShardGateException(ErrorCode.UNKNOWN_COMMAND));
        }
    }

    /** The payload again from its command byte, for the packet records that read it whole. */
    private static ByteBuf fromCommandByte(ByteBuf in) {
        return in.readerIndex(in.readerIndex() - 1);
    }

    private void setOption(SetOption option) {
        switch (option.option()) {
            case SetOption.MULTI_STATEMENTS_ON, SetOption.MULTI_STATEMENTS_OFF -> {
                boolean on = option.option() == SetOption.MULTI_STATEMENTS_ON;
                connection.multiStatements(on);
                queries.multiStatements(on);
                writer.eof(queries.idleStatus());
            }
            default -> writer.error(new ShardGateException(ErrorCode.UNKNOWN_COMMAND));
        }
    }

    /** COM_FIELD_LIST: the table's columns as its first data node describes them. */
    private void fieldList(String table) {
        String schema = session.schema();
        if (schema == null) {
            throw new ShardGateException(ErrorCode.NO_DATABASE_SELECTED);
        }
        boolean informationSchema = InformationSchema.is(schema);
        var node = informationSchema ? server.rules().nodes().getFirst() : server.rules().schema(schema).orElseThrow()
                .placementOf(table).orElseThrow(() -> new ShardGateException(ErrorCode.NO_SUCH_TABLE, schema, table))
                .nodes().getFirst();
        // information_schema's tables are the server's own, the same on every node
        String sql = "SELECT * FROM " + MysqlStrings.quoteIdentifier(informationSchema ? InformationSchema.NAME : node.database())
                + "." + MysqlStrings.quoteIdentifier(table) + " LIMIT 0";
        Route route = new Route(RouteKind.UNSHARDED, table, informationSchema ? null : schema,
                List.of(new ShardStatement(node.name(), node.database(), sql)));
        Result r = route.execute(new io.shardgate.router.plan.ExecutionContext(executor, session));
        if (r instanceof RowStream rows) {
            try {
                writer.fieldList(rows.columns(), queries.idleStatus());
            } finally {
                ResultWriter.closeAnswered(rows);
            }
        }
    }

    private String statistics() {
        long uptime = (System.currentTimeMillis() - ShardGateStart.MILLIS) / 1000;
        Object questions = server.status().values().get("Questions");
        return "Uptime: " + uptime + "  Threads: " + server.connections().count()
                + "  Questions: " + questions + "  Slow queries: 0  Opens: 0  Open tables: 0  Queries per second avg: "
                + String.format(java.util.Locale.ROOT, "%.3f", uptime == 0 ? 0.0 : ((Long) questions) / (double) uptime);
    }

    @Override
    public void closed() {
        try {
            statements.closeAll();
        } finally {
            executor.close();
        }
    }
}
