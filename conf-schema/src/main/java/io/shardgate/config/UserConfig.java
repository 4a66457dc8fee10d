package io.shardgate.config;

import java.util.List;
import java.util.Objects;

/**
 * An application (or operator) account of the proxy, unrelated to the backends' accounts.
 *
 * @param password               what a login is checked against; supports {@code authPlugin}
 * @param schemas                logical schemas this user may use
 * @param manager                whether this user may log in to the management port
 * @param authPlugin             the authentication method this user logs in with
 * @param requireSecureTransport whether a login over plain TCP is refused (MariaDB's REQUIRE SSL)
 */
public record UserConfig(String name, StoredPassword password, List<String> schemas, boolean manager,
                         AuthPlugin authPlugin, boolean requireSecureTransport) {

    public UserConfig {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(authPlugin, "authPlugin");
        schemas = List.copyOf(schemas);
        if (!password.supports(authPlugin)) {
            throw new IllegalArgumentException("the stored password of " + name + " cannot check " + authPlugin.pluginName());
        }
    }

    /** A user with a clear password, mysql_native_password, any transport. */
    public UserConfig(String name, String password, List<String> schemas, boolean manager) {
        this(name, StoredPassword.clear(password), schemas, manager, AuthPlugin.MYSQL_NATIVE_PASSWORD, false);
    }

    public boolean maySee(String schema) {
        return schemas.contains(schema);
    }
}
