package io.shardgate.server.net;

import io.netty.buffer.ByteBuf;
import io.shardgate.backend.DataSourceRegistry;
import io.shardgate.config.DataHostConfig;
import io.shardgate.config.DataNodeConfig;
import io.shardgate.config.HostPort;
import io.shardgate.protocol.ChannelClosedException;
import io.shardgate.protocol.Command;
import io.shardgate.protocol.MalformedPacketException;
import io.shardgate.protocol.Packet;
import io.shardgate.protocol.PacketWriter;
import io.shardgate.protocol.ServerStatus;
import io.shardgate.protocol.Wire;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Row;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The management port's commands, Cobar style: {@code show @@help}, {@code show @@version},
 * {@code show @@connection}, {@code show @@datanode}, {@code show @@datasource}, and {@code kill
 * [connection | query] id} for any connection of either port.
 */
final class ManagementPort implements CommandProcessor {

    private static final int STATUS = ServerStatus.AUTOCOMMIT.bit();
    private static final Pattern KILL = Pattern.compile("kill (?:(connection|query) )?(\\d{1,18})");

    private final ServerContext server;
    private final PacketWriter out;
    private final ResultWriter writer;
    private final FrontendConnection connection;

    ManagementPort(ServerContext server, FrontendConnection connection, int capabilities) {
        this.server = server;
        this.connection = connection;
        this.out = connection.writer();
        this.writer = new ResultWriter(out, capabilities, () -> io.shardgate.server.session.ResultEncoding.UTF8MB4);
    }

    @Override
    public void handle(Packet packet) {
        out.sequence((packet.sequenceId() + 1) & 0xFF);
        ByteBuf in = packet.payload();
        try {
            Optional<Command> command = in.isReadable() ? Command.of(in.readUnsignedByte()) : Optional.empty();
            switch (command.orElse(Command.COM_SLEEP)) {
                case COM_QUIT -> connection.channel().close();
                case COM_PING, COM_INIT_DB -> writer.ok(STATUS);
                case COM_QUERY -> query(Wire.readEofString(in, StandardCharsets.UTF_8));
                case COM_CHANGE_USER -> connection.changeUser(in.readerIndex(in.readerIndex() - 1));
                default -> writer.error(new ShardGateException(ErrorCode.UNKNOWN_COMMAND));
            }
        } catch (ChannelClosedException e) {
            return;
        } catch (MalformedPacketException e) {
            writer.error(new ShardGateException(ErrorCode.MALFORMED_PACKET, e.getMessage()));
        } catch (ShardGateException e) {
            writer.error(e);
        }
        if (connection.channel().isActive()) {
            out.flush();
        }
    }

    private void query(String sql) {
        String command = sql.strip().replaceAll("\\s+", " ").replaceAll(";$", "").toLowerCase(Locale.ROOT);
        Matcher kill = KILL.matcher(command);
        if (kill.matches()) {
            // managers may kill any connection of either port
            server.connections().kill(connection.user(), true, Long.parseLong(kill.group(2)), "query".equals(kill.group(1)));
            writer.ok(STATUS);
            return;
        }
        switch (command) {
            case "show @@help" -> help();
            case "show @@version", "select @@version_comment limit 1", "select version()" -> rows(List.of("VERSION"),
                    List.of(Row.ofStrings(String.valueOf(server.variables().versionString()))));
            case "show @@connection" -> connections();
            case "show @@datanode" -> dataNodes();
            case "show @@datasource" -> dataSources();
            default -> throw ShardGateException.notSupported("management command '" + sql.strip()
                    + "'; 'show @@help' lists the commands");
        }
    }

    private void help() {
        rows(List.of("STATEMENT", "DESCRIPTION"), List.of(
                Row.ofStrings("show @@help", "this list"),
                Row.ofStrings("show @@version", "ShardGate and backend version"),
                Row.ofStrings("show @@connection", "open client connections of both ports"),
                Row.ofStrings("show @@datanode", "data nodes: data host, database, active member"),
                Row.ofStrings("show @@datasource", "data host members and their connection pools"),
                Row.ofStrings("kill [connection | query] <id>", "close a connection, or stop its running statement")));
    }

    private void connections() {
        List<Row> rows = new ArrayList<>();
        Instant now = Instant.now();
        for (Connections.Info c : server.connections().list()) {
            rows.add(Row.ofStrings(Long.toString(c.id()), c.port(), c.user(), c.clientAddress(), c.schema(),
                    Long.toString(Duration.between(c.since(), now).toSeconds()), c.currentCommand()));
        }
        rows(List.of("ID", "PORT", "USER", "CLIENT", "SCHEMA", "SECONDS", "COMMAND"), rows);
    }

    private void dataNodes() {
        DataSourceRegistry registry = server.registry();
        List<Row> rows = new ArrayList<>();
        for (DataNodeConfig n : server.config().dataNodes()) {
            rows.add(Row.ofStrings(n.name(), n.dataHost(), n.database(), registry.activeMember(n.dataHost()).toString()));
        }
        rows(List.of("NAME", "DATA_HOST", "DATABASE", "ACTIVE_MEMBER"), rows);
    }

    private void dataSources() {
        DataSourceRegistry registry = server.registry();
        List<DataSourceRegistry.PoolStatus> pools = registry.poolStatus();
        List<Row> rows = new ArrayList<>();
        for (DataHostConfig h : registry.dataHosts()) {
            for (int i = 0; i < h.members().size(); i++) {
                HostPort m = h.members().get(i);
                int active = 0;
                int idle = 0;
                int waiting = 0;
                for (DataSourceRegistry.PoolStatus p : pools) {
                    if (p.dataHost().equals(h.name()) && p.member().equals(m)) {
                        active += p.active();
                        idle += p.idle();
                        waiting += p.waiting();
                    }
                }
                rows.add(Row.ofStrings(h.name(), m.toString(), i == 0 ? "master" : "standby",
                        m.equals(registry.activeMember(h.name())) ? "yes" : "no",
                        Integer.toString(active), Integer.toString(idle), Integer.toString(waiting)));
            }
        }
        rows(List.of("DATA_HOST", "MEMBER", "ROLE", "ACTIVE", "BUSY_CONNECTIONS", "IDLE_CONNECTIONS", "WAITING"), rows);
    }

    private void rows(List<String> names, List<Row> rows) {
        List<Column> columns = new ArrayList<>();
        names.forEach(n -> columns.add(Column.computedString(n, 64)));
        writer.rows(new ListRowStream(columns, rows), STATUS, () -> new ResultWriter.Ending(STATUS, 0));
    }

    @Override
    public void closed() {
    }
}
