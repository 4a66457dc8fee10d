package io.shardgate.router.parse;

import java.util.List;

/**
 * The {@code :sgN} placeholders of lifted literals: the SQL a backend receives is deparsed text
 * with placeholders, into which literal N's source text goes back. Planners may append literals
 * of their own (values computed by the proxy, rows it built) and place their placeholders in the
 * syntax tree; they are spliced the same way.
 */
public final class Placeholders {

    private Placeholders() {
    }

    /** The placeholder of literal {@code index}, as the parser writes it. */
    public static String name(int index) {
        return SqlParser.PLACEHOLDER_PREFIX + index;
    }

    /**
     * Replaces each {@code :sgN} placeholder token with literal N's source text. JSqlParser reads
     * a word before a placeholder ({@code DATE :sg0}, {@code BINARY :sg0}, {@code c :sg0} for
     * {@code c 'alias'}) as a JSON path and deparses it as {@code DATE : sg0}, so the name may follow
     * the colon after whitespace.
     */
    public static String splice(String sql, List<Literal> literals, boolean backslashEscapes) {
        List<Token> tokens = SqlLexer.tokenize(sql, backslashEscapes);
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int copied = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token colon = tokens.get(i);
            Token name = tokens.get(i + 1);
            if (colon.type() == TokenType.SYMBOL && colon.end() - colon.start() == 1 && sql.charAt(colon.start()) == ':'
                    && name.type() == TokenType.WORD && sql.substring(colon.end(), name.start()).isBlank()) {
                int index = index(name.text(sql));
                if (index >= 0 && index < literals.size()) {
                    out.append(sql, copied, colon.start()).append(literals.get(index).source());
                    copied = name.end();
                    i++;
                }
            }
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    private static int index(String word) {
        String prefix = SqlParser.PLACEHOLDER_PREFIX;
        if (word.length() <= prefix.length() || !word.startsWith(prefix)) {
            return -1;
        }
        for (int i = prefix.length(); i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(word, prefix.length(), word.length(), 10);
    }
}
