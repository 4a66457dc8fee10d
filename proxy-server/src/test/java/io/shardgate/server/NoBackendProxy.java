package io.shardgate.server;

import io.shardgate.config.ConfigException;
import io.shardgate.config.ConfigLoader;
import io.shardgate.config.ServerConfig;

/**
 * A proxy for front-end tests that must not need a backend: schema {@code shop} on one data node
 * whose data host points at a port nobody listens on (a statement that reaches it fails within
 * 250 ms), listening on ephemeral ports.
 */
final class NoBackendProxy {

    private NoBackendProxy() {
    }

    /**
     * @param users  the {@code users:} entries, one YAML line each
     * @param server the server settings (its ports are replaced by ephemeral ones)
     */
    static ShardGateServer start(String users, ServerConfig server) throws ConfigException, InterruptedException {
        var loaded = ConfigLoader.parse("users:\n" + users.stripTrailing().indent(2) + """
                dataHosts:
                  - { name: dh0, user: x, password: x, members: ["127.0.0.1:1"], pool: { connectTimeout: 250ms, minIdle: 0 } }
                dataNodes:
                  - { name: dn0, dataHost: dh0, database: shop_0 }
                schemas:
                  - { name: shop, defaultDataNode: dn0 }
                """, "no-backend test proxy");
        return ShardGateServer.start(loaded.withServer(server.listening("127.0.0.1", 0, 0)));
    }
}
