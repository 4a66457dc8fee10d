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

    /**
     * Replaces each {@code :sgN} placeholder token with literal N's source text. JSqlParser reads
     * a word before a placeholder ({@code DATE :sg0}, {@code BINARY :sg0}, {@code c :sg0} for
     * {@code c 'alias'}) as a JSON path and deparses it as {@code DATE : sg0}, so the name may follow
     * the colon after whitespace.
     */
    static String splice(String sql, List<Literal> literals, boolean backslashEscapes) {
        List<Token> tokens = SqlLexer.tokenize(sql, backslashEscapes);
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int copied = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token colon = tokens.get(i);
            Token name = tokens.get(i + 1);
            if (colon.type() == TokenType.SYMBOL && colon.end() - colon.start() == 1 && sql.charAt(colon.start()) == ':'
                    && name.type() == TokenType.WORD && sql.substring(colon.end(), name.start()).isBlank()) {
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
