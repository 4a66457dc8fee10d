package io.shardgate.config;

import java.util.List;

/**
 * One replicated database server group.
 *
 * @param members the master first, then standbys in switch order
 * @param user    backend account ShardGate logs in with
 */
public record DataHostConfig(String name, String user, String password, List<HostPort> members, PoolConfig pool) {

    public DataHostConfig {
        members = List.copyOf(members);
    }

    public HostPort master() {
        return members.getFirst();
    }
}
