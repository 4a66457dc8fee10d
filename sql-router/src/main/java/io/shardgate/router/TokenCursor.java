package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.parse.Token;
import io.shardgate.router.parse.TokenType;
import java.util.Locale;

/** A cursor over a statement's tokens for the small hand-written parsers (SET, SHOW, BEGIN...). */
final class TokenCursor {

    private final ParsedSql parsed;
    private final boolean backslashEscapes;
    private int index;

    TokenCursor(ParsedSql parsed, boolean backslashEscapes) {
        this.parsed = parsed;
        this.backslashEscapes = backslashEscapes;
    }

    boolean atEnd() {
        return index >= parsed.tokens().size();
    }

    Token peekToken() {
        return atEnd() ? null : parsed.tokens().get(index);
    }

    /** The upper-cased next word, or the symbol's text; "" at the end. */
    String peek() {
        return parsed.keyword(index);
    }

    /** The upper-cased word just accepted. */
    String previous() {
        return parsed.keyword(index - 1);
    }

    String peek(int ahead) {
        return parsed.keyword(index + ahead);
    }

    String text() {
        return parsed.tokenText(index);
    }

    TokenType type() {
        return atEnd() ? null : parsed.tokens().get(index).type();
    }

    boolean accept(String keyword) {
        if (!atEnd() && peek().equals(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    /** Accepts a sequence of keywords only when all of them follow. */
    boolean acceptAll(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (!parsed.keyword(index + i).equals(keywords[i])) {
                return false;
            }
        }
        index += keywords.length;
        return true;
    }

    void expect(String keyword) {
        if (!accept(keyword)) {
            throw syntax("expected " + keyword);
        }
    }

    /** The next token's raw text, advancing. */
    String next() {
        if (atEnd()) {
            throw syntax("unexpected end of statement");
        }
        return parsed.tokenText(index++);
    }

    /** An identifier (plain or backquoted) or a string used as a name. */
    String name() {
        TokenType t = type();
        if (t == TokenType.WORD || t == TokenType.QUOTED_IDENTIFIER) {
            return MysqlStrings.unquoteIdentifier(next());
        }
        if (t == TokenType.STRING) {
            return MysqlStrings.unquote(next(), backslashEscapes);
        }
        throw syntax("expected a name");
    }

    /** {@code name} or {@code db.name}: [schema, name] with schema possibly null. */
    String[] qualifiedName() {
        String first = name();
        if (peek().equals(".")) {
            index++;
            return new String[] {first, name()};
        }
        return new String[] {null, first};
    }

    /** The client's text from the next token to the end, as written; the cursor moves to the end. */
    String rest() {
        if (atEnd()) {
            return "";
        }
        String text = parsed.sql().substring(parsed.tokens().get(index).start()).strip();
        index = parsed.tokens().size();
        return text;
    }

    /** The whole statement as the client wrote it. */
    String sql() {
        return parsed.sql();
    }

    int position() {
        return index;
    }

    void reset(int position) {
        index = position;
    }

    boolean backslashEscapes() {
        return backslashEscapes;
    }

    ShardGateException syntax(String what) {
        String near = atEnd() ? "end of statement" : "'" + text() + "'";
        return new ShardGateException(ErrorCode.PARSE_ERROR, what + " near " + near + " in '" + parsed.sql() + "'");
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
