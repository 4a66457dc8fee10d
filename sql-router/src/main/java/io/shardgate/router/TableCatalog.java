package io.shardgate.router;

import java.util.List;
import java.util.Optional;

/**
 * Column lists of physical tables, which the router needs for an INSERT without a column list and
 * to compare shard-key literals as the column's type does. Implementations cache; DDL routed
 * through the proxy invalidates.
 */
public interface TableCatalog {

    /** The table's columns in order, or empty when the table does not exist on that node. */
    Optional<List<CatalogColumn>> columns(DataNode node, String table);

    void invalidate(DataNode node, String table);

    /** A catalog that knows nothing: literals are taken at their own type. */
    TableCatalog NONE = new TableCatalog() {
        @Override
        public Optional<List<CatalogColumn>> columns(DataNode node, String table) {
            return Optional.empty();
        }

        @Override
        public void invalidate(DataNode node, String table) {
        }
    };
}
