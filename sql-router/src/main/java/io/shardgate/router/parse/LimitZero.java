package io.shardgate.router.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A query asked for no rows: its outermost LIMIT replaced by {@code LIMIT 0}, or one added. The
 * server answers it with the column definitions the query would have, without reading a row
 * (MariaDB plans a zero limit as "Zero limit" and stops there), which is how ShardGate learns a
 * prepared statement's result columns.
 */
public final class LimitZero {

    private LimitZero() {
    }

    /** @param select a SELECT (or WITH / parenthesised query) text */
    public static String of(String select, boolean backslashEscapes) {
        List<Token> tokens = new ArrayList<>();
        for (Token t : SqlLexer.tokenize(select, backslashEscapes)) {
            if (t.type() != TokenType.COMMENT && t.type() != TokenType.SEMICOLON) {
                tokens.add(t);
            }
        }
        int depth = 0;
        int limit = -1;
        int tail = -1;
        for (int i = 0; i < tokens.size(); i++) {
            String text = tokens.get(i).text(select);
            depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
            if (depth != 0 || tokens.get(i).type() != TokenType.WORD) {
                continue;
            }
            String word = text.toUpperCase(Locale.ROOT);
            if (word.equals("LIMIT")) {
                limit = i;
            } else if (tail < 0 && (word.equals("INTO") || followedBy(select, tokens, i, "FOR", "UPDATE")
                    || followedBy(select, tokens, i, "LOCK", "IN"))) {
                tail = i;
            }
        }
        if (limit >= 0) {
            int end = limit + 1;
            while (end < tokens.size() && isLimitOperand(select, tokens.get(end))) {
                end++;
            }
            int cutTo = end < tokens.size() ? tokens.get(end).start() : select.length();
            String after = select.substring(cutTo);
            return select.substring(0, tokens.get(limit).start()) + "LIMIT 0" + (after.isEmpty() ? "" : " " + after);
        }
        if (tail >= 0) {
            int at = tokens.get(tail).start();
            return select.substring(0, at) + "LIMIT 0 " + select.substring(at);
        }
        int end = tokens.isEmpty() ? select.length() : tokens.getLast().end();
        return select.substring(0, end) + " LIMIT 0";
    }

    private static boolean followedBy(String sql, List<Token> tokens, int i, String word, String next) {
        return tokens.get(i).text(sql).equalsIgnoreCase(word) && i + 1 < tokens.size()
                && tokens.get(i + 1).text(sql).equalsIgnoreCase(next);
    }

    private static boolean isLimitOperand(String sql, Token t) {
        return switch (t.type()) {
            case NUMBER, PARAMETER, VARIABLE -> true;
            case SYMBOL -> t.text(sql).equals(",");
            case WORD -> t.text(sql).equalsIgnoreCase("OFFSET");
            default -> false;
        };
    }
}
