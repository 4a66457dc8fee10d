package io.shardgate.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole cluster description: what {@code shardgate.yaml} holds once it has been loaded and
 * validated by {@link ConfigLoader}. Every reference between sections (user to schema, data node to
 * data host, table to data nodes and function) is known to resolve.
 *
 * @param sequences where global sequences live, or null when none is configured
 * @param limits    memory bounds of cross-shard statements (defaults when not configured)
 */
public record ShardGateConfig(
        ServerConfig server,
        List<UserConfig> users,
        List<DataHostConfig> dataHosts,
        List<DataNodeConfig> dataNodes,
        List<FunctionConfig> functions,
        List<SchemaConfig> schemas,
        SequenceConfig sequences,
        LimitsConfig limits) {

    public ShardGateConfig {
        users = List.copyOf(users);
        dataHosts = List.copyOf(dataHosts);
        dataNodes = List.copyOf(dataNodes);
        functions = List.copyOf(functions);
        schemas = List.copyOf(schemas);
        limits = limits == null ? LimitsConfig.DEFAULT : limits;
    }

    /** The same cluster with other listening settings (tests bind ephemeral ports). */
    public ShardGateConfig withServer(ServerConfig newServer) {
        return new ShardGateConfig(newServer, users, dataHosts, dataNodes, functions, schemas, sequences, limits);
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
