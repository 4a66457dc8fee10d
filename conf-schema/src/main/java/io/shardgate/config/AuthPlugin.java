package io.shardgate.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The authentication methods ShardGate's users log in with, by their MySQL plugin names. */
public enum AuthPlugin {
    MYSQL_NATIVE_PASSWORD("mysql_native_password"),
    CACHING_SHA2_PASSWORD("caching_sha2_password");

    private final String pluginName;

    AuthPlugin(String pluginName) {
        this.pluginName = pluginName;
    }

    /** The name on the wire and in the configuration. */
    public String pluginName() {
        return pluginName;
    }

    public static Optional<AuthPlugin> named(String name) {
        return Arrays.stream(values()).filter(p -> p.pluginName.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(AuthPlugin::pluginName).collect(Collectors.joining(", "));
    }

    /** Reads a plugin name, reporting an unknown one under the value's path. */
    static AuthPlugin read(YamlValue value) {
        String name = value.string();
        if (name == null) {
            return null;
        }
        Optional<AuthPlugin> plugin = named(name);
        if (plugin.isEmpty()) {
            value.problem("unknown authentication plugin '" + name + "' (known: " + names() + ")");
        }
        return plugin.orElse(null);
    }
}
