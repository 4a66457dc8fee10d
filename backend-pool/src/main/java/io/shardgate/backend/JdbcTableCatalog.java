package io.shardgate.backend;

import io.shardgate.router.CatalogColumn;
import io.shardgate.router.DataNode;
import io.shardgate.router.TableCatalog;
import io.shardgate.router.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Column lists read from a data node's information_schema and cached until DDL through the proxy
 * invalidates them. A table that does not exist is not cached, so one created behind the proxy's
 * back is seen on the next statement.
 */
public final class JdbcTableCatalog implements TableCatalog {

    private static final Logger log = LoggerFactory.getLogger(JdbcTableCatalog.class);

    private record Key(String dataNode, String table) {
    }

    private final DataSourceRegistry registry;
    private final Map<Key, List<CatalogColumn>> cache = new ConcurrentHashMap<>();

    public JdbcTableCatalog(DataSourceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<List<CatalogColumn>> columns(DataNode node, String table) {
        Key key = new Key(node.name(), table.toLowerCase(Locale.ROOT));
        List<CatalogColumn> cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<CatalogColumn> read = read(node, table);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        cache.put(key, read);
        return Optional.of(read);
    }

    private List<CatalogColumn> read(DataNode node, String table) {
        String sql = "SELECT COLUMN_NAME, DATA_TYPE, EXTRA, COLLATION_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
        try (Connection c = registry.connection(node, ConnectionFlavor.FOUND_ROWS);
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, node.database());
            ps.setString(2, table);
            List<CatalogColumn> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String extra = rs.getString(3);
                    out.add(new CatalogColumn(rs.getString(1), ValueKind.ofDataType(rs.getString(2)),
                            extra != null && extra.toLowerCase(Locale.ROOT).contains("auto_increment"), rs.getString(4)));
                }
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            // Unknown column types only cost precision (literals are taken at their own type).
            log.warn("cannot read columns of {}.{} on data node {}: {}", node.database(), table, node.name(), e.getMessage());
            return List.of();
        }
    }

    @Override
    public void invalidate(DataNode node, String table) {
        cache.remove(new Key(node.name(), table.toLowerCase(Locale.ROOT)));
    }
}
