package io.shardgate.server.net;

import io.shardgate.config.UserConfig;
import io.shardgate.protocol.NativePassword;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.ShardingRules;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks logins against the configured users with mysql_native_password. Only the double SHA-1
 * of each password is kept, which is all the check needs.
 */
final class Authenticator {

    static final String NATIVE_PASSWORD = "mysql_native_password";

    private record Account(UserConfig user, byte[] doubleSha1) {
    }

    private final Map<String, Account> accounts = new HashMap<>();
    private final ShardingRules rules;

    Authenticator(List<UserConfig> users, ShardingRules rules) {
        for (UserConfig u : users) {
            byte[] hash = u.password().isEmpty() ? new byte[0]
                    : NativePassword.doubleSha1(u.password().getBytes(StandardCharsets.UTF_8));
            accounts.put(u.name(), new Account(u, hash));
        }
        this.rules = rules;
    }

    /**
     * The user, when the scramble proves the password and the requested schema may be used.
     *
     * @param database   the schema asked for in the handshake, or null
     * @param managerPort whether this is the management port, open to manager users only
     */
    UserConfig authenticate(String username, byte[] seed, byte[] response, String database, String clientHost,
                            boolean managerPort) {
        Account account = accounts.get(username);
        boolean passwordGiven = response != null && response.length > 0;
        if (account == null || !verify(account, seed, response) || (managerPort && !account.user().manager())) {
            throw new ShardGateException(ErrorCode.ACCESS_DENIED, username, clientHost, passwordGiven ? "YES" : "NO");
        }
        if (database != null && !database.isEmpty() && !managerPort) {
            if (rules.schema(database).isEmpty()) {
                throw new ShardGateException(ErrorCode.UNKNOWN_DATABASE, database);
            }
            if (!account.user().maySee(database)) {
                throw new ShardGateException(ErrorCode.DB_ACCESS_DENIED, username, clientHost, database);
            }
        }
        return account.user();
    }

    private static boolean verify(Account account, byte[] seed, byte[] response) {
        byte[] r = response == null ? new byte[0] : response;
        if (account.doubleSha1().length == 0) {
            return r.length == 0;
        }
        return r.length == 20 && NativePassword.verify(account.doubleSha1(), seed, r);
    }
}
