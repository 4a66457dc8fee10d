package io.shardgate.server.auth;

import io.shardgate.config.AuthPlugin;
import io.shardgate.config.UserConfig;
import io.shardgate.protocol.AuthMoreData;
import io.shardgate.protocol.AuthSwitchRequest;
import io.shardgate.protocol.CachingSha2Password;
import io.shardgate.protocol.ServerPacket;
import io.shardgate.protocol.UnwrappedPluginData;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * One login's conversation with the client's authentication plugin, after the handshake response
 * or COM_CHANGE_USER: fed each answer of the client, it says what to send next, or who logged in.
 * A refusal is a {@link ShardGateException} (1045, 28000, as MariaDB words it).
 *
 * <p>The user's plugin decides. A client that answered with another plugin gets an
 * AuthSwitchRequest, in either direction. With caching_sha2_password: an empty answer means an
 * empty password; a scramble matching the cache is AuthMoreData 0x03 then OK; anything else is
 * AuthMoreData 0x04 ("perform full authentication"), after which the client sends the password in
 * clear under TLS or RSA-encrypted over plain TCP, having first asked for the public key (0x02)
 * if it does not have it.
 *
 * <p>An unknown user goes through the same steps as a known one and is refused at the end, so the
 * conversation does not tell which users exist.
 */
public final class AuthExchange {

    /** What the login needs next. */
    public sealed interface Step permits Send, Done {
    }

    /** Send this packet and wait for the client's answer. */
    public record Send(ServerPacket packet) implements Step {
    }

    /**
     * The password is proven: send {@code before} if not null (caching_sha2's fast-auth success),
     * then OK.
     */
    public record Done(UserConfig user, ServerPacket before) implements Step {
    }

    private enum State { STARTED, SWITCHED, FULL_AUTHENTICATION, PUBLIC_KEY_SENT, FINISHED }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Authenticator authenticator;
    private final String username;
    private final Authenticator.Account account;
    private final AuthPlugin plugin;
    private final byte[] seed;
    private final boolean secure;
    private final String clientHost;
    private final boolean clientPluginAuth;
    private final boolean unwrappedMoreData;
    private State state = State.STARTED;
    private boolean passwordGiven;

    AuthExchange(Authenticator authenticator, String username, Authenticator.Account account, byte[] seed,
                 boolean secure, String clientHost, boolean clientPluginAuth, boolean unwrappedMoreData) {
        this.authenticator = authenticator;
        this.username = Objects.requireNonNull(username, "username");
        this.account = account;
        this.plugin = account == null ? authenticator.defaultPlugin() : account.user().authPlugin();
        this.seed = seed.clone();
        this.secure = secure;
        this.clientHost = clientHost;
        this.clientPluginAuth = clientPluginAuth;
        this.unwrappedMoreData = unwrappedMoreData;
    }

    /**
     * The first answer, made with {@code clientPlugin} (null: a client without plugin support,
     * which answers as mysql_native_password) to the seed this exchange was made with.
     */
    public Step start(String clientPlugin, byte[] response) {
        requireState(State.STARTED);
        String used = clientPlugin == null || clientPlugin.isEmpty() ? AuthPlugin.MYSQL_NATIVE_PASSWORD.pluginName()
                : clientPlugin;
        if (!used.equals(plugin.pluginName())) {
            if (!clientPluginAuth) {
                state = State.FINISHED;
                throw new ShardGateException(ErrorCode.AUTH_MODE_NOT_SUPPORTED);
            }
            return switchPlugin();
        }
        return firstAnswer(response);
    }

    /** Asks the client to answer afresh for the user's plugin, as MariaDB does for every COM_CHANGE_USER. */
    public Step switchPlugin() {
        requireState(State.STARTED);
        state = State.SWITCHED;
        return new Send(new AuthSwitchRequest(plugin.pluginName(), seed));
    }

    /** The client's next answer: the payload of its packet. */
    public Step next(byte[] data) {
        return switch (state) {
            case SWITCHED -> firstAnswer(data);
            case FULL_AUTHENTICATION, PUBLIC_KEY_SENT -> password(data);
            case STARTED, FINISHED -> throw denied();
        };
    }

    private Step firstAnswer(byte[] response) {
        passwordGiven = response.length > 0;
        return switch (plugin) {
            case MYSQL_NATIVE_PASSWORD -> {
                state = State.FINISHED;
                yield account != null && authenticator.verifyNative(account, seed, response) ? done(null) : fail();
            }
            case CACHING_SHA2_PASSWORD -> sha2Scramble(response);
        };
    }

    private Step sha2Scramble(byte[] response) {
        // Connector/J answers an empty password with a single NUL
        boolean empty = response.length == 0 || (response.length == 1 && response[0] == 0);
        if (empty) {
            passwordGiven = false;
            state = State.FINISHED;
            return account != null && account.user().password().isEmpty() ? done(null) : fail();
        }
        if (account != null && authenticator.fastPath(account, seed, response)) {
            state = State.FINISHED;
            return done(moreData(new byte[] {CachingSha2Password.FAST_AUTH_SUCCESS}));
        }
        state = State.FULL_AUTHENTICATION;
        return new Send(moreData(new byte[] {CachingSha2Password.PERFORM_FULL_AUTHENTICATION}));
    }

    private Step password(byte[] data) {
        if (!secure && state == State.FULL_AUTHENTICATION && data.length == 1
                && data[0] == CachingSha2Password.REQUEST_PUBLIC_KEY) {
            state = State.PUBLIC_KEY_SENT;
            return new Send(moreData(authenticator.rsaKey().publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
        }
        state = State.FINISHED;
        byte[] password;
        if (secure) {
            password = CachingSha2Password.untilNul(data);
        } else {
            Optional<byte[]> decrypted = authenticator.rsaKey().decrypt(data);
            // Not an encryption under our key: go on with a random password that cannot match, so
            // that a bad padding costs what a wrong password costs and tells an attacker nothing
            // (the TLS 1.2 defence against Bleichenbacher's attack, RFC 5246 section 7.4.7.1).
            password = decrypted.map(d -> CachingSha2Password.untilNul(CachingSha2Password.xorWithNonce(d, seed)))
                    .orElseGet(AuthExchange::unguessable);
        }
        return authenticator.fullAuthentication(account, password) ? done(null) : fail();
    }

    private ServerPacket moreData(byte[] data) {
        return unwrappedMoreData ? new UnwrappedPluginData(data) : new AuthMoreData(data);
    }

    private static byte[] unguessable() {
        byte[] random = new byte[48];
        RANDOM.nextBytes(random);
        random[0] = 0; // no password starts with NUL: clients end it there
        return random;
    }

    private Step done(ServerPacket before) {
        UserConfig user = account.user();
        if (user.requireSecureTransport() && !secure) {
            // MariaDB refuses a REQUIRE SSL user over plain TCP exactly like a wrong password
            throw denied();
        }
        return new Done(user, before);
    }

    private Step fail() {
        throw denied();
    }

    private ShardGateException denied() {
        state = State.FINISHED;
        return new ShardGateException(ErrorCode.ACCESS_DENIED, username, clientHost, passwordGiven ? "YES" : "NO");
    }

    private void requireState(State expected) {
        if (state != expected) {
            throw new IllegalStateException("exchange is " + state + ", expected " + expected);
        }
    }
}
