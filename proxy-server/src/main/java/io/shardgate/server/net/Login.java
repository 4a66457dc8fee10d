package io.shardgate.server.net;

import io.netty.buffer.ByteBuf;
import io.shardgate.config.UserConfig;
import io.shardgate.protocol.Capability;
import io.shardgate.protocol.ChangeUser;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.HandshakeResponse41;
import io.shardgate.protocol.MalformedPacketException;
import io.shardgate.protocol.OkPacket;
import io.shardgate.protocol.Packet;
import io.shardgate.protocol.PacketWriter;
import io.shardgate.protocol.ServerStatus;
import io.shardgate.protocol.Wire;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.server.auth.AuthExchange;
import io.shardgate.server.auth.Authenticator;

/**
 * The login phase of a connection, on its session thread (password hashing and RSA must not hold
 * up the event loop): from the handshake response, or from COM_CHANGE_USER, through the plugin
 * exchange, to a session. A failed login closes the connection; a failed COM_CHANGE_USER leaves it
 * open, logged in as before (MariaDB's behaviour).
 */
final class Login implements CommandProcessor {

    /** Who was logged in before a COM_CHANGE_USER, to go back to if it fails. */
    record Previous(UserConfig user, String schema, int collation) {
    }

    private final FrontendConnection connection;
    private final Authenticator authenticator;
    private final byte[] seed;
    private final Previous previous;
    private HandshakeResponse41 response;
    private ChangeUser changeUser;
    private AuthExchange exchange;

    private Login(FrontendConnection connection, Authenticator authenticator, byte[] seed, Previous previous) {
        this.connection = connection;
        this.authenticator = authenticator;
        this.seed = seed;
        this.previous = previous;
    }

    /** Waits for the handshake response answering the greeting that carried {@code seed}. */
    static Login handshake(FrontendConnection connection, Authenticator authenticator, byte[] seed) {
        return new Login(connection, authenticator, seed, null);
    }

    /**
     * Starts re-authentication: like MariaDB, always with an AuthSwitchRequest and a fresh seed, so
     * that an answer to an earlier seed can never be replayed. Writes that request.
     */
    static Login changeUser(FrontendConnection connection, Authenticator authenticator, byte[] freshSeed,
                            ChangeUser request, Previous previous) {
        Login login = new Login(connection, authenticator, freshSeed, previous);
        login.changeUser = request;
        login.run(() -> {
            login.exchange = authenticator.exchange(request.username(), freshSeed, connection.secure(),
                    connection.clientHost(), true, connection.unwrappedMoreData());
            return login.exchange.switchPlugin();
        });
        return login;
    }

    @Override
    public void handle(Packet packet) {
        connection.writer().sequence((packet.sequenceId() + 1) & 0xFF);
        ByteBuf payload = packet.payload();
        run(() -> exchange == null ? first(payload) : exchange.next(Wire.readEofBytes(payload)));
    }

    private AuthExchange.Step first(ByteBuf payload) {
        if (HandshakeResponse41.isSslRequest(payload)) {
            // a second SSLRequest, or one inside TLS
            throw new ShardGateException(ErrorCode.HANDSHAKE_ERROR);
        }
        response = HandshakeResponse41.read(payload);
        if (!Capability.PROTOCOL_41.in(response.capabilities())) {
            throw new ShardGateException(ErrorCode.HANDSHAKE_ERROR);
        }
        connection.capabilities(response.capabilities(), response.connectAttributes());
        connection.user(response.username());
        exchange = authenticator.exchange(response.username(), seed, connection.secure(), connection.clientHost(),
                Capability.PLUGIN_AUTH.in(response.capabilities()), connection.unwrappedMoreData());
        return exchange.start(response.authPluginName(), response.authResponse());
    }

    private interface StepSource {
        AuthExchange.Step next();
    }

    private void run(StepSource source) {
        PacketWriter out = connection.writer();
        try {
            switch (source.next()) {
                case AuthExchange.Send send -> out.write(send.packet());
                case AuthExchange.Done done -> loggedIn(done);
            }
        } catch (MalformedPacketException e) {
            failed(new ShardGateException(changeUser == null ? ErrorCode.HANDSHAKE_ERROR : ErrorCode.MALFORMED_PACKET,
                    e.getMessage()));
        } catch (ShardGateException e) {
            failed(e);
        }
        if (connection.channel().isActive()) {
            out.flush();
        }
    }

    private void loggedIn(AuthExchange.Done done) {
        String database = changeUser != null ? changeUser.database() : response.database();
        UserConfig user = authenticator.authorize(done.user(), database, connection.clientHost(),
                connection.managerPort());
        if (done.before() != null) {
            connection.writer().write(done.before());
        }
        int collation = changeUser == null ? response.characterSet()
                : changeUser.characterSet() != 0 ? changeUser.characterSet() : previous.collation();
        connection.startSession(user, database, collation);
        connection.writer().write(OkPacket.of(ServerStatus.AUTOCOMMIT.bit()));
        connection.compressAfterLogin();
    }

    private void failed(ShardGateException e) {
        connection.writer().write(new ErrPacket(e.errorNumber(), e.sqlState(), e.getMessage()));
        if (previous == null) {
            connection.writer().flush();
            connection.channel().close();
        } else {
            connection.startSession(previous.user(), previous.schema(), previous.collation());
        }
    }

    @Override
    public void closed() {
    }
}
