package io.shardgate.server.auth;

import io.shardgate.config.AuthPlugin;
import io.shardgate.config.UserConfig;
import io.shardgate.protocol.CachingSha2Password;
import io.shardgate.protocol.NativePassword;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.ShardingRules;
import io.shardgate.router.meta.InformationSchema;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks logins against the configured users, for both ports and for COM_CHANGE_USER. Holds what
 * the plugins check against: each user's SHA1(SHA1(password)) for mysql_native_password, and, for
 * caching_sha2_password's fast path, SHA256(SHA256(password)) of users who completed a full
 * authentication in this process (MySQL's cache: never filled from the configuration, so a proxy
 * holding only hashes can fill it too).
 */
public final class Authenticator {

    /** A user with the native hash of its password, when there is one. */
    record Account(UserConfig user, byte[] doubleSha1) {
    }

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, byte[]> fastAuthCache = new ConcurrentHashMap<>();
    private final ShardingRules rules;
    private final AuthPlugin defaultPlugin;
    private final RsaPasswordKey rsaKey;

    public Authenticator(List<UserConfig> users, ShardingRules rules, AuthPlugin defaultPlugin, RsaPasswordKey rsaKey) {
        for (UserConfig u : users) {
            byte[] doubleSha1 = u.password().clearText()
                    .map(p -> NativePassword.doubleSha1(p.getBytes(StandardCharsets.UTF_8)))
                    .or(() -> u.password().nativeHash())
                    .orElse(null);
            accounts.put(u.name(), new Account(u, doubleSha1));
        }
        this.rules = rules;
        this.defaultPlugin = defaultPlugin;
        this.rsaKey = rsaKey;
    }

    /** The plugin the greeting names. */
    public AuthPlugin defaultPlugin() {
        return defaultPlugin;
    }

    /**
     * A new login attempt.
     *
     * @param seed             the 20-byte scramble the client answers
     * @param secure           whether the connection is under TLS
     * @param clientPluginAuth whether the client understands AuthSwitchRequest (CLIENT_PLUGIN_AUTH)
     * @param unwrappedMoreData whether to send plugin data without AuthMoreData's header, see {@link
     *                          #expectsUnwrappedMoreData}
     */
    public AuthExchange exchange(String username, byte[] seed, boolean secure, String clientHost, boolean clientPluginAuth,
                                 boolean unwrappedMoreData) {
        return new AuthExchange(this, username, accounts.get(username), seed, secure, clientHost, clientPluginAuth,
                unwrappedMoreData);
    }

    /**
     * Whether the client is MySQL Connector/J facing a greeting whose version it reads as older than
     * MySQL 5.5.16 (MariaDB's "5.5.5-" prefix): it then takes plugin data without AuthMoreData's
     * 0x01 header, as those servers sent it. Connector/J names itself in its connection attributes
     * (unless told not to send them: then caching_sha2_password cannot work with it here).
     */
    public static boolean expectsUnwrappedMoreData(Map<String, String> connectAttributes, String serverVersion) {
        return "MySQL Connector/J".equals(connectAttributes.get("_client_name")) && serverVersion.startsWith("5.5.5-");
    }

    /**
     * After the password: may the user use this port and the schema it asked for?
     *
     * @param database    the schema asked for, or null/empty
     * @param managerPort whether this is the management port, open to manager users only
     */
    public UserConfig authorize(UserConfig user, String database, String clientHost, boolean managerPort) {
        if (managerPort && !user.manager()) {
            throw new ShardGateException(ErrorCode.ACCESS_DENIED, user.name(), clientHost, "YES");
        }
        if (database != null && !database.isEmpty() && !managerPort && !InformationSchema.is(database)) {
            if (rules.schema(database).isEmpty()) {
                throw new ShardGateException(ErrorCode.UNKNOWN_DATABASE, database);
            }
            if (!user.maySee(database)) {
                throw new ShardGateException(ErrorCode.DB_ACCESS_DENIED, user.name(), clientHost, database);
            }
        }
        return user;
    }

    RsaPasswordKey rsaKey() {
        return rsaKey;
    }

    boolean verifyNative(Account account, byte[] seed, byte[] response) {
        if (account.user().password().isEmpty()) {
            return response.length == 0;
        }
        return account.doubleSha1() != null && NativePassword.verify(account.doubleSha1(), seed, response);
    }

    /** The fast path: the cache has the user and the scramble matches it. */
    boolean fastPath(Account account, byte[] nonce, byte[] scramble) {
        byte[] cached = fastAuthCache.get(account.user().name());
        return cached != null && CachingSha2Password.verify(cached, nonce, scramble);
    }

    /** Full authentication with the clear password; a success fills the fast-path cache. */
    boolean fullAuthentication(Account account, byte[] password) {
        if (account == null || !account.user().password().matches(password)) {
            return false;
        }
        fastAuthCache.put(account.user().name(), CachingSha2Password.doubleSha256(password));
        return true;
    }

    /** Whether the cache holds {@code user}; for tests. */
    boolean cached(String user) {
        return fastAuthCache.containsKey(user);
    }
}
