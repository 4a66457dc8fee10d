package io.shardgate.router;

import net.sf.jsqlparser.schema.Table;

/**
 * A table reference of a statement with its logical schema and placement.
 *
 * @param node the AST node, rewritten per data node when rendering
 */
record ResolvedTable(Table node, String schema, String name, Placement placement) implements FromEntry {

    boolean sharded() {
        return placement instanceof Placement.Sharded;
    }

    /** The name a column qualifier uses for this reference: its alias if it has one. */
    @Override
    public String qualifier() {
        return node.getAlias() != null ? node.getAlias().getName() : name;
    }
}
