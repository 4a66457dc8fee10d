package io.shardgate.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.shardgate.backend.ConnectionFlavor;
import io.shardgate.backend.JdbcShardExecutor;
import io.shardgate.config.UserConfig;
import io.shardgate.protocol.AuthSwitchRequest;
import io.shardgate.protocol.Capability;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.HandshakeResponse41;
import io.shardgate.protocol.HandshakeV10;
import io.shardgate.protocol.MalformedPacketException;
import io.shardgate.protocol.NativePassword;
import io.shardgate.protocol.OkPacket;
import io.shardgate.protocol.OversizedPacket;
import io.shardgate.protocol.Packet;
import io.shardgate.protocol.PacketWriter;
import io.shardgate.protocol.ServerStatus;
import io.shardgate.protocol.Wire;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.server.session.Session;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection on the event loop: greeting, login (with an AuthSwitchRequest when the
 * client offers another plugin), then hand-off of each command to the session's worker thread.
 */
final class FrontendConnection extends ChannelInboundHandlerAdapter implements Connections.Info {

    private static final Logger log = LoggerFactory.getLogger(FrontendConnection.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static final int SERVER_CAPABILITIES = Capability.bits(Capability.LONG_PASSWORD, Capability.FOUND_ROWS,
            Capability.LONG_FLAG, Capability.CONNECT_WITH_DB, Capability.IGNORE_SPACE, Capability.PROTOCOL_41,
            Capability.INTERACTIVE, Capability.TRANSACTIONS, Capability.SECURE_CONNECTION,
            Capability.MULTI_STATEMENTS, Capability.MULTI_RESULTS, Capability.PLUGIN_AUTH, Capability.CONNECT_ATTRS,
            Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA, Capability.DEPRECATE_EOF);

    private enum State { GREETED, AUTH_SWITCHED, COMMANDS, CLOSED }

    private final ServerContext server;
    private final Authenticator authenticator;
    private final boolean managerPort;
    private final Instant since = Instant.now();
    private Channel channel;
    private PacketWriter writer;
    private long id;
    private byte[] seed;
    private State state = State.GREETED;
    private HandshakeResponse41 response;
    private String clientHost = "";
    private volatile String user = "";
    private volatile Session session;
    private volatile String running = "";
    private SessionWorker worker;

    FrontendConnection(ServerContext server, Authenticator authenticator, boolean managerPort) {
        this.server = server;
        this.authenticator = authenticator;
        this.managerPort = managerPort;
    }

    Channel channel() {
        return channel;
    }

    PacketWriter writer() {
        return writer;
    }

    void running(String command) {
        running = command;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        writer = new PacketWriter(channel);
        id = server.connectionIds().incrementAndGet();
        seed = NativePassword.seed(RANDOM);
        if (channel.remoteAddress() instanceof InetSocketAddress a) {
            clientHost = a.getAddress().getHostAddress();
        }
        writer.sequence(0);
        writer.writeFromEventLoop(new HandshakeV10(server.serverVersion(), id, seed, SERVER_CAPABILITIES,
                io.shardgate.server.session.Collations.UTF8MB4_GENERAL_CI.id(), ServerStatus.AUTOCOMMIT.bit(),
                Authenticator.NATIVE_PASSWORD));
        writer.flush();
        server.connections().add(this);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof OversizedPacket big) {
            writer.sequence((big.sequenceId() + 1) & 0xFF);
            failAndClose(new ShardGateException(ErrorCode.PACKET_TOO_LARGE));
            return;
        }
        if (!(msg instanceof Packet packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (state == State.COMMANDS) {
            worker.submit(packet);
            return;
        }
        try {
            writer.sequence((packet.sequenceId() + 1) & 0xFF);
            if (state == State.GREETED) {
                greeted(packet.payload());
            } else if (state == State.AUTH_SWITCHED) {
                login(Wire.readEofBytes(packet.payload()));
            }
        } catch (MalformedPacketException e) {
            failAndClose(new ShardGateException(ErrorCode.HANDSHAKE_ERROR));
        } catch (ShardGateException e) {
            failAndClose(e);
        } finally {
            packet.release();
        }
    }

    private void greeted(ByteBuf payload) {
        if (HandshakeResponse41.isSslRequest(payload)) {
            throw ShardGateException.notSupported("TLS (the server did not offer CLIENT_SSL)");
        }
        response = HandshakeResponse41.read(payload);
        if (!Capability.PROTOCOL_41.in(response.capabilities())) {
            throw new ShardGateException(ErrorCode.HANDSHAKE_ERROR);
        }
        user = response.username();
        String plugin = response.authPluginName();
        if (plugin != null && !plugin.isEmpty() && !plugin.equals(Authenticator.NATIVE_PASSWORD)
                && Capability.PLUGIN_AUTH.in(response.capabilities())) {
            state = State.AUTH_SWITCHED;
            writer.writeFromEventLoop(new AuthSwitchRequest(Authenticator.NATIVE_PASSWORD, seed));
            writer.flush();
            return;
        }
        login(response.authResponse());
    }

    private void login(byte[] authResponse) {
        UserConfig account = authenticator.authenticate(response.username(), seed, authResponse, response.database(),
                clientHost, managerPort);
        int capabilities = response.capabilities() & SERVER_CAPABILITIES;
        CommandProcessor processor;
        if (managerPort) {
            processor = new ManagementPort(server, this, capabilities);
        } else {
            ConnectionFlavor flavor = Capability.FOUND_ROWS.in(capabilities) ? ConnectionFlavor.FOUND_ROWS
                    : ConnectionFlavor.AFFECTED_ROWS;
            JdbcShardExecutor executor = new JdbcShardExecutor(server.rules(), server.registry(), flavor, server.parallel());
            Session s = new Session(id, account, clientHost, server.rules(), server.variables(), executor,
                    response.characterSet(), server.config().server().maxPreparedStatements());
            if (response.database() != null && !response.database().isEmpty()) {
                s.useSchema(response.database());
            }
            session = s;
            processor = new DataCommands(server, this, s, executor, capabilities);
        }
        state = State.COMMANDS;
        worker = new SessionWorker(channel, processor, (managerPort ? "manager-" : "session-") + id);
        worker.start();
        writer.writeFromEventLoop(OkPacket.of(ServerStatus.AUTOCOMMIT.bit()));
        writer.flush();
    }

    private void failAndClose(ShardGateException e) {
        state = State.CLOSED;
        writer.writeFromEventLoop(new ErrPacket(e.errorNumber(), e.sqlState(), e.getMessage()));
        writer.flush();
        channel.close();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        writer.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSED;
        server.connections().remove(id);
        if (worker != null) {
            worker.stop();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection {} failed: {}", id, cause.toString());
        ctx.close();
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String port() {
        return managerPort ? "manager" : "data";
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String clientAddress() {
        return channel == null ? "" : String.valueOf(channel.remoteAddress());
    }

    @Override
    public String schema() {
        Session s = session;
        return s == null || s.schema() == null ? "" : s.schema();
    }

    @Override
    public Instant since() {
        return since;
    }

    @Override
    public String currentCommand() {
        return running;
    }
}
