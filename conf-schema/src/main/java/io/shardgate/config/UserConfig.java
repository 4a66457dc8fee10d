package io.shardgate.config;

import java.util.List;

/**
 * An application (or operator) account of the proxy, unrelated to the backends' accounts.
 *
 * @param schemas logical schemas this user may use
 * @param manager whether this user may log in to the management port
 */
public record UserConfig(String name, String password, List<String> schemas, boolean manager) {

    public UserConfig {
        schemas = List.copyOf(schemas);
    }

    public boolean maySee(String schema) {
        return schemas.contains(schema);
    }
}
