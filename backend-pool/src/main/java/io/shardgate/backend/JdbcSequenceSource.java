package io.shardgate.backend;

import io.shardgate.config.SequenceConfig;
import io.shardgate.router.DataNode;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.SequenceSource;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.ShardingRules;
import io.shardgate.router.parse.MysqlStrings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Global sequences kept in table {@code shardgate_sequence} of the configured data node. Each proxy
 * reserves a block of ids at a time with one atomic UPDATE, so ids are unique across proxies and
 * survive restarts (a restarted proxy skips the rest of the block it held). A new sequence starts
 * at 1.
 */
public final class JdbcSequenceSource implements SequenceSource {

    private final DataSourceRegistry registry;
    private final DataNode node;
    private final int blockSize;
    /** Guarded by {@code this}: ids reserved and not yet handed out, per sequence. */
    private final Map<String, long[]> blocks = new HashMap<>();
    private volatile boolean tableReady;

    private JdbcSequenceSource(DataSourceRegistry registry, DataNode node, int blockSize) {
        this.registry = registry;
        this.node = node;
        this.blockSize = blockSize;
    }

    /** The configured source, or {@link SequenceSource#NONE} when the configuration has none. */
    public static SequenceSource of(ShardingRules rules, DataSourceRegistry registry) {
        return rules.sequences()
                .map(s -> (SequenceSource) new JdbcSequenceSource(registry, rules.node(s.dataNode()), blockSize(s)))
                .orElse(SequenceSource.NONE);
    }

    private static int blockSize(SequenceConfig s) {
        return s.blockSize() > 0 ? s.blockSize() : SequenceConfig.DEFAULT_BLOCK_SIZE;
    }

    /**
     * One statement's ids come from one block, so they are consecutive (as MariaDB gives a multi-row
     * INSERT, and as drivers assume when they report its keys): when the current block has fewer
     * left, the rest of it is skipped.
     */
    @Override
    public synchronized long[] next(String sequence, int count) {
        long[] block = blocks.get(sequence);
        if (block == null || block[1] - block[0] < count) {
            block = reserve(sequence, Math.max(blockSize, count));
            blocks.put(sequence, block);
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = block[0]++;
        }
        return out;
    }

    /**
     * Ids of this proxy's block at or below an explicit id are skipped; past the block, the stored
     * next value moves past it, so no proxy hands it out later.
     */
    @Override
    public synchronized void observe(String sequence, long explicitId) {
        long[] block = blocks.get(sequence);
        if (block != null && explicitId < block[1]) {
            block[0] = Math.max(block[0], explicitId + 1);
            return;
        }
        String table = MysqlStrings.quoteIdentifier(node.database()) + "." + SequenceSource.TABLE;
        try (Connection c = registry.connection(node, ConnectionFlavor.FOUND_ROWS)) {
            ensureRow(c, table, sequence);
            try (PreparedStatement update = c.prepareStatement("UPDATE " + table
                    + " SET next_value = GREATEST(next_value, ?) WHERE name = ?")) {
                update.setLong(1, explicitId == Long.MAX_VALUE ? Long.MAX_VALUE : explicitId + 1);
                update.setString(2, sequence);
                update.executeUpdate();
            }
            if (block != null) {
                block[0] = block[1]; // spent: the next id comes from a block past the explicit one
            }
        } catch (SQLException e) {
            throw failure(sequence, e);
        }
    }

    /** [first, end) of a newly reserved block. */
    private long[] reserve(String sequence, int size) {
        String table = MysqlStrings.quoteIdentifier(node.database()) + "." + SequenceSource.TABLE;
        try (Connection c = registry.connection(node, ConnectionFlavor.FOUND_ROWS)) {
            ensureRow(c, table, sequence);
            // LAST_INSERT_ID(expr) makes the new value readable on this connection without a race.
            try (PreparedStatement update = c.prepareStatement("UPDATE " + table
                    + " SET next_value = LAST_INSERT_ID(next_value + ?) WHERE name = ?")) {
                update.setLong(1, size);
                update.setString(2, sequence);
                update.executeUpdate();
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT LAST_INSERT_ID()")) {
                rs.next();
                long end = rs.getLong(1);
                return new long[] {end - size, end};
            }
        } catch (SQLException e) {
            throw failure(sequence, e);
        }
    }

    /** The table, and the sequence's row in it (starting at 1), exist. */
    private void ensureRow(Connection c, String table, String sequence) throws SQLException {
        if (!tableReady) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS " + table
                        + " (name VARCHAR(191) NOT NULL PRIMARY KEY, next_value BIGINT NOT NULL)");
            }
            tableReady = true;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT IGNORE INTO " + table + " (name, next_value) VALUES (?, 1)")) {
            insert.setString(1, sequence);
            insert.executeUpdate();
        }
    }

    private ShardGateException failure(String sequence, SQLException e) {
        return new ShardGateException(ErrorCode.BACKEND_ERROR.number(), e.getSQLState(),
                "cannot reserve ids of sequence '" + sequence + "' on data node '" + node.name() + "': " + e.getMessage(), e);
    }
}
