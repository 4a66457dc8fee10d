package io.shardgate.router;

import io.shardgate.router.parse.Literal;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.SqlLexer;
import io.shardgate.router.parse.Token;
import io.shardgate.router.parse.TokenType;
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

    /** Replaces each {@code :sgN} placeholder token with literal N's source text. */
    static String splice(String sql, List<Literal> literals, boolean backslashEscapes) {
        List<Token> tokens = SqlLexer.tokenize(sql, backslashEscapes);
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int copied = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token colon = tokens.get(i);
            Token name = tokens.get(i + 1);
            if (colon.type() == TokenType.SYMBOL && colon.end() - colon.start() == 1 && sql.charAt(colon.start()) == ':'
                    && name.type() == TokenType.WORD && name.start() == colon.end()) {
                int index = placeholderIndex(name.text(sql));
                if (index >= 0 && index < literals.size()) {
                    out.append(sql, copied, colon.start()).append(literals.get(index).source());
                    copied = name.end();
                    i++;
                }
            }
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    private static int placeholderIndex(String word) {
        if (word.length() < 3 || !word.startsWith("sg")) {
            return -1;
        }
        for (int i = 2; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(word, 2, word.length(), 10);
    }
}
