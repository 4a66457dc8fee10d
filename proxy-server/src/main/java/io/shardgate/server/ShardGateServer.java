package io.shardgate.server;

import io.shardgate.backend.ConnectionFlavor;
import io.shardgate.backend.DataSourceRegistry;
import io.shardgate.backend.JdbcSequenceSource;
import io.shardgate.backend.JdbcTableCatalog;
import io.shardgate.config.ShardGateConfig;
import io.shardgate.router.DataNode;
import io.shardgate.router.Planner;
import io.shardgate.router.ShardingRules;
import io.shardgate.server.net.Connections;
import io.shardgate.server.net.FrontendServer;
import io.shardgate.server.net.ServerContext;
import io.shardgate.server.session.StatusCounters;
import io.shardgate.server.session.SystemVariables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place the object graph is wired: configuration, backends, router, and the two ports. */
public final class ShardGateServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShardGateServer.class);

    /** What clients see when no backend can be asked for its version at start. */
    static final String FALLBACK_BACKEND_VERSION = "10.11.0-MariaDB";

    private final DataSourceRegistry registry;
    private final ExecutorService parallel;
    private final FrontendServer frontend;
    private final Connections connections = new Connections();

    private ShardGateServer(ShardGateConfig config) throws InterruptedException {
        ShardingRules rules = new ShardingRules(config);
        this.registry = new DataSourceRegistry(config);
        this.parallel = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("shard-", 0).factory());
        String backendVersion = backendVersion(rules);
        SystemVariables proxyDefaults = new SystemVariables(backendVersion + "-ShardGate",
                config.server().port(), config.server().maxAllowedPacket(), config.server().maxPreparedStatements());
        SystemVariables variables = proxyDefaults.withBackendDefaults(backendDefaults(rules, proxyDefaults.backendVariables()));
        StatusCounters status = new StatusCounters();
        long started = System.currentTimeMillis();
        status.gauge("Uptime", () -> (System.currentTimeMillis() - started) / 1000);
        status.gauge("Threads_connected", () -> connections.list().stream().filter(c -> c.port().equals("data")).count());
        status.gauge("Threads_running", () -> connections.list().stream()
                .filter(c -> c.port().equals("data") && !c.currentCommand().isEmpty()).count());
        // MariaDB prefixes its greeting with 5.5.5- so that old clients do not misread "10.x"; clients
        // strip it. A MariaDB backend's proxy does the same.
        String greeting = (backendVersion.contains("MariaDB") ? "5.5.5-" : "") + backendVersion + "-ShardGate";
        Planner planner = new Planner(rules, new JdbcTableCatalog(registry), JdbcSequenceSource.of(rules, registry));
        ServerContext context = new ServerContext(config, rules, planner, registry, variables, greeting, parallel,
                connections, new AtomicLong(), status);
        try {
            this.frontend = new FrontendServer(context);
        } catch (InterruptedException | RuntimeException e) {
            registry.close();
            parallel.shutdownNow();
            throw e;
        }
        log.info("ShardGate listening on {}:{} (management port {}), backends report {}",
                config.server().bindAddress(), frontend.port(), frontend.managerPort(), backendVersion);
    }

    public static ShardGateServer start(ShardGateConfig config) throws InterruptedException {
        return new ShardGateServer(config);
    }

    /** Asks the first data node's master; the proxy starts even when every backend is down. */
    private String backendVersion(ShardingRules rules) {
        List<DataNode> nodes = rules.nodes();
        if (nodes.isEmpty()) {
            return FALLBACK_BACKEND_VERSION;
        }
        try (Connection c = registry.connection(nodes.getFirst(), ConnectionFlavor.FOUND_ROWS);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            log.warn("cannot ask data node {} for its version ({}); announcing {}", nodes.getFirst().name(),
                    e.getMessage(), FALLBACK_BACKEND_VERSION);
            return FALLBACK_BACKEND_VERSION;
        }
    }

    /**
     * The backends' own values of the session variables the proxy applies to them (what a data
     * node's session starts with), so that {@code SELECT @@sql_mode} shows what is in force. Asked
     * of the first data node; MariaDB 10.11's defaults stay when it cannot answer.
     */
    private Map<String, Object> backendDefaults(ShardingRules rules, List<String> names) {
        Map<String, Object> out = new HashMap<>();
        if (rules.nodes().isEmpty() || names.isEmpty()) {
            return out;
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("@@SESSION.").append(names.get(i));
        }
        try (Connection c = registry.connection(rules.nodes().getFirst(), ConnectionFlavor.FOUND_ROWS);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql.toString())) {
            rs.next();
            for (int i = 0; i < names.size(); i++) {
                Object v = rs.getObject(i + 1);
                out.put(names.get(i), switch (v) {
                    case Integer n -> (long) n;
                    case Long n -> n;
                    case java.math.BigInteger n -> n.longValue();
                    case null -> null;
                    default -> v instanceof Number ? v : String.valueOf(v);
                });
            }
        } catch (Exception e) {
            log.warn("cannot read the session defaults of data node {} ({}); assuming MariaDB 10.11's",
                    rules.nodes().getFirst().name(), e.getMessage());
        }
        return out;
    }

    public int port() {
        return frontend.port();
    }

    public int managerPort() {
        return frontend.managerPort();
    }

    public Connections connections() {
        return connections;
    }

    @Override
    public void close() {
        frontend.close();
        parallel.shutdownNow();
        registry.close();
        log.info("ShardGate stopped");
    }
}
