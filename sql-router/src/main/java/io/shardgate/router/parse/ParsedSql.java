package io.shardgate.router.parse;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One SQL statement after lexing.
 *
 * @param sql        the statement as the client sent it (without a trailing {@code ;})
 * @param tokens     its tokens, comments excluded
 * @param normalized the text handed to JSqlParser: comments dropped, executable comments unwrapped,
 *                   every string/hex/bit literal replaced by a {@code :sgN} placeholder
 * @param literals   the literals, indexed by N
 * @param hints      {@code key=value} pairs from {@code /*+ shardgate: key=value *}{@code /} comments
 * @param sourceMap  where each part of the normalized text came from
 */
public record ParsedSql(String sql, List<Token> tokens, String normalized, List<Literal> literals,
                        Map<String, String> hints, SourceMap sourceMap) {

    public ParsedSql {
        tokens = List.copyOf(tokens);
        literals = List.copyOf(literals);
        hints = Map.copyOf(hints);
    }

    /** The upper-cased first word ({@code SELECT}, {@code SET}, ...), or "" when it starts otherwise. */
    public String keyword(int index) {
        if (index >= tokens.size()) {
            return "";
        }
        Token t = tokens.get(index);
        return t.type() == TokenType.WORD ? t.text(sql).toUpperCase(Locale.ROOT) : t.text(sql);
    }

    /** Index of the first {@code keyword} outside parentheses, or -1. */
    public int topLevel(String keyword) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = keyword(i);
            depth += t.equals("(") ? 1 : t.equals(")") ? -1 : 0;
            if (depth == 0 && t.equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    public String tokenText(int index) {
        return tokens.get(index).text(sql);
    }

    /** The client's own text for a range of the normalized text, or null. */
    public String original(int normalizedStart, int normalizedEnd) {
        return sourceMap.original(sql, normalizedStart, normalizedEnd);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
