package io.shardgate.router.parse;

/** A token of an SQL text: its class and where it is, {@code [start, end)}. */
public record Token(TokenType type, int start, int end) {

    public String text(String sql) {
        return sql.substring(start, end);
    }
}
