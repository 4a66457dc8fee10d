package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.ParsedSql;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Keeps the client's column names. MariaDB names an unaliased expression column after the
 * expression's text exactly as the client wrote it ({@code COUNT( * )}, {@code a+b}); what the
 * backends receive is deparsed (and sometimes rewritten) text, so where the two differ the item
 * gets the client's text as an explicit alias.
 */
final class SelectNames {

    /** MariaDB's limit on an alias. */
    private static final int MAX_ALIAS = 256;

    private SelectNames() {
    }

    static void preserve(PlainSelect ps, ParsedSql parsed, boolean normalizedAst, Constants constants,
                         boolean backslashEscapes) {
        for (SelectItem<?> item : ps.getSelectItems()) {
            Expression e = item.getExpression();
            if (item.getAlias() != null || e instanceof Column || e instanceof AllColumns) {
                continue;
            }
            Node node = item.getASTNode();
            if (node == null || node.jjtGetFirstToken() == null || node.jjtGetLastToken() == null) {
                continue;
            }
            int start = node.jjtGetFirstToken().absoluteBegin - 1;
            int end = node.jjtGetLastToken().absoluteEnd - 1;
            String original = normalizedAst ? parsed.original(start, end)
                    : start >= 0 && end <= parsed.sql().length() && start < end ? parsed.sql().substring(start, end) : null;
            if (original == null || original.isBlank() || original.length() > MAX_ALIAS) {
                continue;
            }
            // A constant is named after its value ('abc' is column abc), except a variable the
            // proxy put in as its value: that keeps its name (@x).
            if (constants.valueOf(e).isPresent() && !original.startsWith("@")) {
                continue;
            }
            String deparsed = SqlRenderer.splice(e.toString(), parsed.literals(), backslashEscapes);
            if (!original.equals(deparsed)) {
                item.setAlias(new Alias(MysqlStrings.quoteIdentifier(original), true));
            }
        }
    }

    /**
     * Select items about to have a subquery replaced by its value keep the name MariaDB gives them,
     * the item's text ({@code EXISTS (SELECT 1 FROM t)}), as an explicit alias.
     */
    static void nameBeforeSubstitution(PlainSelect ps, ParsedSql parsed, boolean backslashEscapes) {
        for (SelectItem<?> item : ps.getSelectItems()) {
            Expression e = item.getExpression();
            if (item.getAlias() == null && !(e instanceof Column) && !(e instanceof AllColumns) && ColumnResolver.hasSubquery(e)) {
                String text = SqlRenderer.splice(e.toString(), parsed.literals(), backslashEscapes);
                if (text.length() <= MAX_ALIAS) {
                    item.setAlias(new Alias(MysqlStrings.quoteIdentifier(text), true));
                }
            }
        }
    }
}
