package io.shardgate.router;

import io.shardgate.router.parse.Literal;
import io.shardgate.router.parse.MysqlStrings;
import java.util.List;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * Produces the SQL a data node receives: table references point at the node's physical database
 * (set on the AST, then deparsed) and the lifted literals are put back exactly as the client wrote
 * them.
 */
final class SqlRenderer {

    private SqlRenderer() {
    }

    /** Qualifies every table (and schema-qualified column) with {@code database}, then deparses. */
    static String render(Statement statement, TableReferences refs, String database, List<Literal> literals,
                         boolean backslashEscapes) {
        String quoted = MysqlStrings.quoteIdentifier(database);
        for (Table t : refs.tables()) {
            // DUAL is no table: `db`.dual would name a table that does not exist.
            if (t.getSchemaName() == null && TableReferences.name(t).equalsIgnoreCase("dual")) {
                continue;
            }
            t.setSchemaName(quoted);
        }
        for (Column c : refs.schemaQualifiedColumns()) {
            c.getTable().setSchemaName(quoted);
        }
        return deparse(statement, literals, backslashEscapes);
    }

    static String deparse(Statement statement, List<Literal> literals, boolean backslashEscapes) {
        StringBuilder out = new StringBuilder(128);
        statement.accept(new StatementDeParser(out), null);
        return literals.isEmpty() ? out.toString() : splice(out.toString(), literals, backslashEscapes);
    }

    static String splice(String sql, List<Literal> literals, boolean backslashEscapes) {
        return io.shardgate.router.parse.Placeholders.splice(sql, literals, backslashEscapes);
    }
}
