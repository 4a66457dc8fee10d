package io.shardgate.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.shardgate.backend.ConnectionFlavor;
import io.shardgate.backend.JdbcShardExecutor;
import io.shardgate.config.UserConfig;
import io.shardgate.protocol.Capability;
import io.shardgate.protocol.ChannelClosedException;
import io.shardgate.protocol.CompressionCodec;
import io.shardgate.protocol.ChangeUser;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.HandshakeResponse41;
import io.shardgate.protocol.HandshakeV10;
import io.shardgate.protocol.NativePassword;
import io.shardgate.protocol.Packet;
import io.shardgate.protocol.PacketFramer;
import io.shardgate.protocol.PacketWriter;
import io.shardgate.protocol.ServerStatus;
import io.shardgate.protocol.StreamError;
import io.shardgate.router.ShardGateException;
import io.shardgate.server.auth.Authenticator;
import io.shardgate.server.session.Collations;
import io.shardgate.server.session.Session;
import io.shardgate.server.session.SessionDiagnostics;
import io.shardgate.server.session.TransportStatus;
import io.shardgate.server.tls.ServerTls;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection. On the event loop: the greeting, the switch to TLS after an SSLRequest,
 * and hand-off of every other packet to the connection's session thread, where it goes to the
 * current phase: {@link Login} first, then the port's command processor (and {@link Login} again
 * for a COM_CHANGE_USER).
 */
final class FrontendConnection extends ChannelInboundHandlerAdapter implements Connections.Info, CommandProcessor {

    private static final Logger log = LoggerFactory.getLogger(FrontendConnection.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static final int SERVER_CAPABILITIES = Capability.bits(Capability.LONG_PASSWORD, Capability.FOUND_ROWS,
            Capability.LONG_FLAG, Capability.CONNECT_WITH_DB, Capability.IGNORE_SPACE, Capability.PROTOCOL_41,
            Capability.INTERACTIVE, Capability.TRANSACTIONS, Capability.SECURE_CONNECTION, Capability.COMPRESS,
            Capability.MULTI_STATEMENTS, Capability.MULTI_RESULTS, Capability.PLUGIN_AUTH, Capability.CONNECT_ATTRS,
            Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA, Capability.DEPRECATE_EOF);

    private final ServerContext server;
    private final Authenticator authenticator;
    private final ServerTls tls;
    private final boolean managerPort;
    private final long maxPacket;
    private final long readTimeout;
    private final Instant since = Instant.now();
    private Channel channel;
    private PacketWriter writer;
    private long id;
    private String clientHost = "";
    private SessionWorker worker;
    /** Event loop only: no packet has come yet, so an SSLRequest may. */
    private boolean awaitingFirstPacket = true;
    /** Event loop only: the framer was swapped for TLS; bytes it held are being handed back. */
    private boolean tlsStarting;
    /** Session thread only (set before the worker starts): the phase packets go to. */
    private CommandProcessor phase;
    /**
     * Who is logged in, written by the session thread; null until the first login succeeded (the
     * connect timeout reads it on the event loop). With it, the capabilities agreed at connect.
     */
    private volatile UserConfig account;
    private int capabilities;
    private boolean unwrappedMoreData;
    private int collation;
    /** Session thread only: CLIENT_COMPRESS took effect after the first login. */
    private boolean compressed;
    private volatile String user = "";
    private volatile Session session;
    private final RunningCommand command = new RunningCommand();
    private final ConnectionKill kill = new ConnectionKill(command);

    FrontendConnection(ServerContext server, Authenticator authenticator, ServerTls tls, boolean managerPort) {
        this.server = server;
        this.authenticator = authenticator;
        this.tls = tls;
        this.managerPort = managerPort;
        this.maxPacket = server.config().server().maxAllowedPacket();
        this.readTimeout = server.config().server().netReadTimeoutMillis();
    }

    Channel channel() {
        return channel;
    }

    PacketWriter writer() {
        return writer;
    }

    boolean managerPort() {
        return managerPort;
    }

    String clientHost() {
        return clientHost;
    }

    /** Whether the connection runs under TLS. */
    boolean secure() {
        return channel.pipeline().get(SslHandler.class) != null;
    }

    /** The cipher and protocol the TLS handshake agreed and whether packets are compressed, for SHOW STATUS. */
    private TransportStatus transportStatus() {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        // CLIENT_COMPRESS, when both sides have it, takes effect right after the login's OK
        return TransportStatus.of(ssl == null ? null : ssl.engine().getSession(), Capability.COMPRESS.in(capabilities));
    }

    void user(String name) {
        user = name;
    }

    RunningCommand command() {
        return command;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        writer = new PacketWriter(channel);
        id = server.connectionIds().incrementAndGet();
        byte[] seed = NativePassword.seed(RANDOM);
        if (channel.remoteAddress() instanceof InetSocketAddress a) {
            clientHost = a.getAddress().getHostAddress();
        }
        int offered = SERVER_CAPABILITIES | (tls != null ? Capability.SSL.bit() : 0);
        writer.sequence(0);
        writer.writeFromEventLoop(new HandshakeV10(server.serverVersion(), id, seed, offered,
                Collations.UTF8MB4_GENERAL_CI.id(), ServerStatus.AUTOCOMMIT.bit(),
                authenticator.defaultPlugin().pluginName()));
        writer.flush();
        phase = Login.handshake(this, authenticator, seed);
        worker = new SessionWorker(channel, this, this::streamBroken, (managerPort ? "manager-" : "session-") + id);
        worker.start();
        closeUnlessLoggedInWithin(server.config().server().connectTimeoutMillis());
        server.connections().add(this);
        if (!managerPort) {
            // MariaDB's Connections: connection attempts, successful or not
            server.status().connection();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof StreamError broken) {
            log.debug("connection {}: {}", id, broken);
            worker.submit(broken);
            return;
        }
        if (msg instanceof ByteBuf raw && tlsStarting) {
            // what the old framer held after the SSLRequest: the start of the TLS handshake
            ctx.pipeline().fireChannelRead(raw);
            ctx.pipeline().fireChannelReadComplete();
            return;
        }
        if (!(msg instanceof Packet packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (awaitingFirstPacket) {
            awaitingFirstPacket = false;
            if (HandshakeResponse41.isSslRequest(packet.payload())) {
                packet.release();
                startTls(ctx, packet.sequenceId());
                return;
            }
        }
        worker.submit(packet);
    }

    /**
     * After the SSLRequest the client starts TLS at once, so the next bytes may already sit in the
     * framer. TLS goes first in the pipeline with a fresh framer after it; removing the old framer
     * hands the bytes it held to this handler, which sends them back in at the head (see {@link
     * PacketFramer}'s note on removal).
     */
    private void startTls(ChannelHandlerContext ctx, int sequenceId) {
        if (tls == null) {
            writer.sequence((sequenceId + 1) & 0xFF);
            ShardGateException e = ShardGateException.notSupported("TLS (the server did not offer CLIENT_SSL)");
            failAndClose(new ErrPacket(e.errorNumber(), e.sqlState(), e.getMessage()));
            return;
        }
        SslHandler ssl = tls.newHandler(ctx.alloc());
        ssl.handshakeFuture().addListener(f -> {
            if (!f.isSuccess()) {
                log.debug("connection {}: TLS handshake failed: {}", id, f.cause().toString());
                channel.close();
            }
        });
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addFirst("tls", ssl);
        pipeline.addAfter("tls", "tls-framer", new PacketFramer(maxPacket, readTimeout));
        tlsStarting = true;
        try {
            pipeline.remove("framer");
        } finally {
            tlsStarting = false;
        }
    }

    /** The logged-in phase for {@code user}: a fresh session with the port's command processor. */
    void startSession(UserConfig newAccount, String database, int collationId) {
        startSession(newAccount, database, collationId, Capability.IGNORE_SPACE.in(capabilities));
    }

    /** @param ignoreSpace whether sql_mode starts with IGNORE_SPACE (the handshake asked for it) */
    private void startSession(UserConfig newAccount, String database, int collationId, boolean ignoreSpace) {
        account = newAccount;
        collation = collationId;
        user = newAccount.name();
        if (managerPort) {
            phase = new ManagementPort(server, this, capabilities);
            return;
        }
        ConnectionFlavor flavor = Capability.FOUND_ROWS.in(capabilities) ? ConnectionFlavor.FOUND_ROWS
                : ConnectionFlavor.AFFECTED_ROWS;
        // Everything of the session is new, as after MariaDB's THD::change_user: its variables (the
        // backend connections it gets are brought to the defaults), user variables, warnings.
        SessionDiagnostics diagnostics = new SessionDiagnostics();
        JdbcShardExecutor backends = new JdbcShardExecutor(server.rules(), server.registry(), flavor, server.parallel(),
                diagnostics);
        Session s = new Session(id, newAccount, clientHost, server.rules(), server.variables(), backends, collationId,
                diagnostics, server.status(), ignoreSpace,
                server.config().server().maxPreparedStatements(), (target, queryOnly) -> kill(target, queryOnly),
                transportStatus());
        if (database != null && !database.isEmpty()) {
            s.useSchema(database);
        }
        session = s;
        kill.backends(backends);
        phase = new DataCommands(server, this, s, backends, capabilities);
    }

    /**
     * After the OK that ends the first login, CLIENT_COMPRESS applies to every packet, both ways.
     * The OK's write is already queued on the event loop, so installing the codec there, after it,
     * leaves the OK uncompressed; the client sends nothing before it has read the OK.
     */
    void compressAfterLogin() {
        if (Capability.COMPRESS.in(capabilities) && !compressed) {
            compressed = true;
            channel.eventLoop().execute(() -> {
                if (channel.isActive()) {
                    CompressionCodec.install(channel.pipeline(), maxPacket, readTimeout);
                }
            });
        }
    }

    /** COM_SET_OPTION: later sessions of this connection (after COM_RESET_CONNECTION) keep the choice. */
    void multiStatements(boolean on) {
        capabilities = on ? capabilities | Capability.MULTI_STATEMENTS.bit() : capabilities & ~Capability.MULTI_STATEMENTS.bit();
    }

    /**
     * COM_RESET_CONNECTION, on the session thread: as MariaDB's reset, the session ends as if the
     * client had left (open transaction rolled back, everything the command phase holds released)
     * and a fresh one starts for the same user, on the current schema, with the character set of
     * the login; user and session variables, warnings and prepared statements are gone, and the
     * backend connections it borrows are brought back to the defaults (compared with MariaDB in
     * SessionResetAndKillIT).
     */
    void resetSession() {
        Session old = session;
        String schema = old == null ? null : old.schema();
        phase.closed();
        // sql_mode goes back to the global one: MariaDB does not add the handshake's IGNORE_SPACE again
        startSession(account, schema, collation, false);
    }

    /** On the session thread: packets go to the current phase. */
    @Override
    public void handle(Packet packet) {
        phase.handle(packet);
    }

    @Override
    public void closed() {
        phase.closed();
    }

    /** KILL from this connection's session: see {@link Connections#kill}. */
    private void kill(long target, boolean queryOnly) {
        server.connections().kill(user, account != null && account.manager(), target, queryOnly);
    }

    @Override
    public void killQuery() {
        kill.query();
    }

    @Override
    public void killConnection() {
        kill.connection(channel, writer, worker.isCurrentThread());
    }

    /** What the handshake response fixes for the connection's life: capabilities and client quirks. */
    void capabilities(int clientCapabilities, Map<String, String> connectAttributes) {
        capabilities = clientCapabilities & SERVER_CAPABILITIES;
        unwrappedMoreData = Authenticator.expectsUnwrappedMoreData(connectAttributes, server.serverVersion());
    }

    boolean unwrappedMoreData() {
        return unwrappedMoreData;
    }

    /**
     * COM_CHANGE_USER, on the session thread: like MariaDB, the session is reset first (open
     * transaction rolled back, variables and schema dropped), then the new user is authenticated.
     */
    void changeUser(ByteBuf payloadFromCommandByte) {
        ChangeUser request = ChangeUser.read(payloadFromCommandByte, capabilities);
        Session old = session;
        Login.Previous previous = new Login.Previous(account, old == null ? null : old.schema(), collation);
        phase.closed();
        session = null;
        user = request.username();
        phase = Login.changeUser(this, authenticator, NativePassword.seed(RANDOM), request, previous);
    }

    /** On the session thread, after the packets that came before the break have been answered. */
    private void streamBroken(StreamError broken) {
        if (!channel.isActive()) {
            return;
        }
        try {
            writer.sequence((broken.sequenceId() + 1) & 0xFF);
            writer.write(broken.error());
            writer.flush();
        } catch (ChannelClosedException gone) {
            // the client left first
        }
        channel.close();
    }

    private void failAndClose(ErrPacket error) {
        writer.writeFromEventLoop(error);
        writer.flush();
        channel.close();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        writer.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    /**
     * MariaDB's connect_timeout: a connection that has not logged in by then is closed without a
     * word, as MariaDB closes it, so sockets that never speak (or stop halfway through the login)
     * cannot hold connection slots. Slow but progressing packets are the read timeout's business.
     */
    private void closeUnlessLoggedInWithin(long millis) {
        channel.eventLoop().schedule(() -> {
            if (account == null && channel.isActive()) {
                log.info("connection {} from {} closed: no login within {} ms (server.connectTimeout)", id, clientHost, millis);
                channel.close();
            }
        }, millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
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
        return command.text();
    }
}
