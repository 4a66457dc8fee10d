package io.shardgate.server.net;

import io.shardgate.backend.DataSourceRegistry;
import io.shardgate.config.ShardGateConfig;
import io.shardgate.router.Planner;
import io.shardgate.router.ShardingRules;
import io.shardgate.server.session.SystemVariables;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every front-end connection shares: configuration, routing, backends, and the registry of
 * open connections. Built once by {@link io.shardgate.server.ShardGateServer}.
 *
 * @param serverVersion the version string of the greeting (MariaDB's "5.5.5-" prefix included)
 * @param parallel      virtual-thread-per-task executor for fan-out statements
 * @param status        the proxy's SHOW GLOBAL STATUS counters
 */
public record ServerContext(ShardGateConfig config, ShardingRules rules, Planner planner, DataSourceRegistry registry,
                            SystemVariables variables, String serverVersion, ExecutorService parallel,
                            Connections connections, AtomicLong connectionIds,
                            io.shardgate.server.session.StatusCounters status) {
}
