package io.shardgate.it;

import io.shardgate.it.DifferentialConfig.Placement;
import io.shardgate.mariadb.LocalMariaDb;
import io.shardgate.server.ShardGateServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster of the differential tests: two data hosts with two shard databases each (dh0: db_0,
 * db_1; dh1: db_2, db_3), ShardGate in this JVM over them with the {@code sales} schema, and a
 * plain reference MariaDB whose database {@code ref} holds the same rows. Tables are created and
 * loaded through the proxy, and with the same statements on the reference.
 *
 * <p>With {@code -Ddifferential.target=self-check} no proxy is started: the reference server also
 * gets {@code ref_shuffled}, the same rows in MyISAM tables inserted in another order, so its scan
 * and group order differ. Comparing the two finds queries whose answer depends on that order (a
 * LIMIT over ties, a GROUP_CONCAT without ORDER BY), which no proxy could be expected to match.
 *
 * <p>{@code -Ddifferential.placements=CHILD,GLOBAL,...} (default: all) chooses the placements to
 * ask the loader for; see {@link DifferentialConfig}.
 */
final class DifferentialCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DifferentialCluster.class);

    static final String SCHEMA = "sales";
    static final String REFERENCE_DB = "ref";
    static final String SHUFFLED_DB = "ref_shuffled";
    static final long SEED = 20_261_121L;

    /** Connections per side that load one table's INSERT statements in parallel. */
    private static final int LOAD_CONNECTIONS = 3;

    // The same driver and options on both sides, so that getString formats values the same way. The
    // slowest statement takes about a second; the socket timeout bounds a hung one.
    private static final String URL_OPTIONS = "?sslMode=DISABLED&allowPublicKeyRetrieval=true&socketTimeout=30000";

    private final List<LocalMariaDb> dataHosts;
    private final LocalMariaDb reference;
    private final ShardGateServer proxy;
    private final DifferentialConfig.Loaded config;
    private final DifferentialDataset dataset;
    private volatile String summary = "";

    private DifferentialCluster(List<LocalMariaDb> dataHosts, LocalMariaDb reference, ShardGateServer proxy,
                                DifferentialConfig.Loaded config, DifferentialDataset dataset) {
        this.dataHosts = dataHosts;
        this.reference = reference;
        this.proxy = proxy;
        this.config = config;
        this.dataset = dataset;
    }

    static boolean selfCheck() {
        return "self-check".equals(System.getProperty("differential.target", "proxy"));
    }

    static Set<Placement> wantedPlacements() {
        String wanted = System.getProperty("differential.placements", "").strip();
        if (wanted.isEmpty() || wanted.equalsIgnoreCase("all")) {
            return EnumSet.allOf(Placement.class);
        }
        EnumSet<Placement> set = EnumSet.noneOf(Placement.class);
        if (!wanted.equalsIgnoreCase("none")) {
            for (String p : wanted.split(",")) {
                set.add(Placement.valueOf(p.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            }
        }
        return set;
    }

    /** Starts the servers and the proxy, creates and loads the tables on both sides. */
    static DifferentialCluster start() throws Exception {
        boolean selfCheck = selfCheck();
        long began = System.nanoTime();
        List<LocalMariaDb> started = new ArrayList<>();
        ShardGateServer proxy = null;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            int servers = selfCheck ? 1 : 3;
            List<Future<LocalMariaDb>> starting = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                starting.add(pool.submit(() -> LocalMariaDb.builder()
                        .option("--innodb-buffer-pool-size=128M", "--innodb-log-file-size=64M").start()));
            }
            Exception failedStart = null;
            for (Future<LocalMariaDb> f : starting) {
                try {
                    started.add(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException | TimeoutException e) {
                    failedStart = failedStart == null ? e : failedStart; // collect the others, to close them
                }
            }
            if (failedStart != null) {
                throw failedStart;
            }
            LocalMariaDb reference = started.getFirst();
            List<LocalMariaDb> dataHosts = started.subList(1, started.size());
            reference.execute("CREATE DATABASE " + REFERENCE_DB);
            DifferentialConfig.Loaded config = null;
            if (selfCheck) {
                reference.execute("CREATE DATABASE " + SHUFFLED_DB);
            } else {
                dataHosts.get(0).execute("CREATE DATABASE db_0", "CREATE DATABASE db_1");
                dataHosts.get(1).execute("CREATE DATABASE db_2", "CREATE DATABASE db_3");
                config = DifferentialConfig.load(new int[] {dataHosts.get(0).port(), dataHosts.get(1).port()},
                        wantedPlacements());
                config.rejected().forEach(r -> log.warn("Placement rejected by the loader, reduced form used: {}", r));
                proxy = ShardGateServer.start(config.config());
            }
            long serversUp = System.nanoTime();
            DifferentialCluster cluster = new DifferentialCluster(List.copyOf(dataHosts), reference, proxy, config,
                    DifferentialDataset.generate(SEED));
            cluster.loadBothSides(pool);
            cluster.summary = cluster.describe(serversUp - began, System.nanoTime() - serversUp);
            log.info("Differential cluster ready: {}", cluster.summary);
            return cluster;
        } catch (Exception | Error e) {
            if (proxy != null) {
                proxy.close();
            }
            started.forEach(LocalMariaDb::close);
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The same DDL and INSERT statements on the reference and through the proxy, both sides at once.
     * Tables are loaded one after the other, in the dataset's order (parents before children), each
     * by {@link #LOAD_CONNECTIONS} connections per side.
     */
    private void loadBothSides(ExecutorService pool) throws Exception {
        Future<?> referenceLoad = pool.submit(() -> load(this::reference, false));
        Future<?> candidateLoad = pool.submit(() -> load(this::candidate, proxy == null));
        referenceLoad.get(10, TimeUnit.MINUTES);
        candidateLoad.get(10, TimeUnit.MINUTES);
    }

    private interface Opener {
        Connection open() throws SQLException;
    }

    private Void load(Opener side, boolean selfCheckCopy) throws Exception {
        try (Connection c = side.open(); Statement st = c.createStatement()) {
            for (String ddl : dataset.createTables(selfCheckCopy)) {
                st.execute(ddl);
            }
        }
        // the self-check copy's row order must not depend on thread timing
        int connections = selfCheckCopy ? 1 : LOAD_CONNECTIONS;
        ExecutorService writers = Executors.newFixedThreadPool(connections);
        try {
            for (DifferentialDataset.Table table : dataset.tables()) {
                List<String> inserts = dataset.inserts(table, selfCheckCopy);
                List<Future<Void>> parts = new ArrayList<>();
                for (int part = 0; part < connections; part++) {
                    int first = part;
                    parts.add(writers.submit(() -> {
                        try (Connection c = side.open(); Statement st = c.createStatement()) {
                            for (int i = first; i < inserts.size(); i += connections) {
                                st.executeUpdate(inserts.get(i));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<Void> f : parts) {
                    f.get(5, TimeUnit.MINUTES);
                }
            }
        } finally {
            writers.shutdownNow();
        }
        return null;
    }

    private String describe(long startNanos, long loadNanos) {
        return String.format(Locale.ROOT,
                "%s; %d rows in %d tables (%s); servers and proxy up in %d ms, tables created and loaded on both sides in %d ms",
                proxy == null ? "self-check against " + SHUFFLED_DB : "placements " + new TreeSet<>(config.placements())
                        + (config.rejected().isEmpty() ? "" : " (rejected by the loader, reduced: " + config.rejected() + ")"),
                dataset.tables().stream().mapToInt(t -> t.rows().size()).sum(), dataset.tables().size(),
                String.join(", ", dataset.tables().stream().map(t -> t.name() + " " + t.rows().size()).toList()),
                TimeUnit.NANOSECONDS.toMillis(startNanos), TimeUnit.NANOSECONDS.toMillis(loadNanos));
    }

    /** Connector/J through ShardGate to {@code sales}. */
    Connection proxy() throws SQLException {
        if (proxy == null) {
            throw new IllegalStateException("no proxy in self-check mode");
        }
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + proxy.port() + "/" + SCHEMA + URL_OPTIONS,
                DifferentialConfig.USER, DifferentialConfig.PASSWORD);
    }

    /** Connector/J to the plain reference server's {@code ref}. */
    Connection reference() throws SQLException {
        return direct(reference, REFERENCE_DB);
    }

    /** The reference server's {@code ref_shuffled} (self-check mode only). */
    Connection shuffledReference() throws SQLException {
        return direct(reference, SHUFFLED_DB);
    }

    /** The side compared with the reference: the proxy, or in self-check mode the shuffled copy. */
    Connection candidate() throws SQLException {
        return proxy == null ? shuffledReference() : proxy();
    }

    /** A data host directly, bypassing the proxy (0 or 1). */
    Connection dataHost(int index, String database) throws SQLException {
        return direct(dataHosts.get(index), database);
    }

    private static Connection direct(LocalMariaDb server, String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database) + URL_OPTIONS, server.user(), server.password());
    }

    boolean hasProxy() {
        return proxy != null;
    }

    /** What was started and how long it took, for the test log. */
    String summary() {
        return summary;
    }

    @Override
    public void close() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            dataHosts.forEach(LocalMariaDb::close);
            reference.close();
        }
    }
}
