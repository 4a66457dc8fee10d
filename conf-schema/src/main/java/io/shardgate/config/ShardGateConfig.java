package io.shardgate.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole cluster description: what {@code shardgate.yaml} holds once it has been loaded and
 * validated by {@link ConfigLoader}. Every reference between sections (user to schema, data node to
 * data host, table to data nodes and function) is known to resolve.
 */
public record ShardGateConfig(
        ServerConfig server,
        List<UserConfig> users,
        List<DataHostConfig> dataHosts,
        List<DataNodeConfig> dataNodes,
        List<FunctionConfig> functions,
        List<SchemaConfig> schemas) {

    public ShardGateConfig {
        users = List.copyOf(users);
        dataHosts = List.copyOf(dataHosts);
        dataNodes = List.copyOf(dataNodes);
        functions = List.copyOf(functions);
        schemas = List.copyOf(schemas);
    }

    public Optional<UserConfig> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public Optional<DataHostConfig> dataHost(String name) {
        return dataHosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Optional<DataNodeConfig> dataNode(String name) {
        return dataNodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<FunctionConfig> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Schema names are case-sensitive, as database names are on MariaDB under Linux. */
    public Optional<SchemaConfig> schema(String name) {
        return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
