package io.shardgate.router.parse;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.feature.Feature;
import net.sf.jsqlparser.statement.Statement;

/**
 * From SQL text to statements: lexing, splitting at {@code ;}, literal extraction, and JSqlParser.
 */
public final class SqlParser {

    static final String PLACEHOLDER_PREFIX = "sg";

    /** What a variable resolver returns to leave the variable as written. */
    public static final Object AS_WRITTEN = new Object();
    private static final String HINT_MARKER = "shardgate:";

    private SqlParser() {
    }

    /**
     * Splits text into statements at top-level semicolons; empty statements (only whitespace or
     * comments) are dropped, so {@code "SELECT 1;"} is one statement.
     */
    public static List<ParsedSql> parseAll(String text, boolean backslashEscapes) {
        return parseAll(text, backslashEscapes, ClientCharset.UTF8MB4);
    }

    /** {@link #parseAll(String, boolean)} of text a client wrote in {@code charset}. */
    public static List<ParsedSql> parseAll(String text, boolean backslashEscapes, ClientCharset charset) {
        List<Token> all = SqlLexer.tokenize(text, backslashEscapes);
        List<ParsedSql> out = new ArrayList<>();
        int segmentStart = 0;
        List<Token> segment = new ArrayList<>();
        for (Token t : all) {
            if (t.type() == TokenType.SEMICOLON) {
                addSegment(text, segmentStart, t.start(), segment, backslashEscapes, charset, out);
                segment = new ArrayList<>();
                segmentStart = t.end();
            } else {
                segment.add(t);
            }
        }
        addSegment(text, segmentStart, text.length(), segment, backslashEscapes, charset, out);
        return out;
    }

    /** One statement; {@link ParsedSql#isEmpty()} when the text holds none. */
    public static ParsedSql parse(String text, boolean backslashEscapes) {
        return parse(text, backslashEscapes, ClientCharset.UTF8MB4);
    }

    /** {@link #parse(String, boolean)} of text a client wrote in {@code charset}. */
    public static ParsedSql parse(String text, boolean backslashEscapes, ClientCharset charset) {
        List<ParsedSql> all = parseAll(text, backslashEscapes, charset);
        if (all.size() > 1) {
            throw new ShardGateException(ErrorCode.PARSE_ERROR,
                    "several statements in one query need the client's CLIENT_MULTI_STATEMENTS option");
        }
        return all.isEmpty() ? new ParsedSql(text, List.of(), "", List.of(), Map.of(), SourceMap.EMPTY) : all.getFirst();
    }

    private static void addSegment(String text, int from, int to, List<Token> tokens, boolean bs, ClientCharset charset,
                                   List<ParsedSql> out) {
        Map<String, String> hints = new HashMap<>();
        List<Token> code = new ArrayList<>();
        for (Token t : tokens) {
            if (t.type() == TokenType.COMMENT) {
                collectHint(t.text(text), hints);
            } else {
                code.add(t);
            }
        }
        if (code.isEmpty()) {
            return;
        }
        // Token offsets stay relative to the whole text; rebase them onto this statement.
        String sql = text.substring(from, to);
        List<Token> rebased = new ArrayList<>(code.size());
        for (Token t : code) {
            rebased.add(new Token(t.type(), t.start() - from, t.end() - from));
        }
        String stripped = sql.strip();
        List<Token> own = rebase(rebased, sql);
        Normalizer.Result n = Normalizer.normalize(stripped, own, bs, charset, null);
        out.add(new ParsedSql(stripped, own, n.text(), n.literals(), hints, n.map()));
    }

    /**
     * The statement with its variables ({@code @x}, {@code @@var}) replaced by their values, given
     * by {@code values} from the variable's text; the statement itself when it has none.
     */
    public static ParsedSql withVariables(ParsedSql parsed, boolean backslashEscapes, ClientCharset charset,
                                          java.util.function.Function<String, Object> values) {
        if (parsed.tokens().stream().noneMatch(t -> t.type() == TokenType.VARIABLE)) {
            return parsed;
        }
        Normalizer.Result n = Normalizer.normalize(parsed.sql(), parsed.tokens(), backslashEscapes, charset, values);
        return new ParsedSql(parsed.sql(), parsed.tokens(), n.text(), n.literals(), parsed.hints(), n.map());
    }

    /** Offsets relative to the stripped text the record keeps. */
    private static List<Token> rebase(List<Token> tokens, String sql) {
        int lead = sql.length() - sql.stripLeading().length();
        if (lead == 0) {
            return tokens;
        }
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(new Token(t.type(), t.start() - lead, t.end() - lead));
        }
        return out;
    }



    private static void collectHint(String comment, Map<String, String> hints) {
        if (!comment.startsWith("/*+")) {
            return;
        }
        String body = comment.substring(3, comment.length() - 2).strip();
        if (!body.startsWith(HINT_MARKER)) {
            return;
        }
        for (String pair : body.substring(HINT_MARKER.length()).split("[,\\s]+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                hints.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
    }

    /**
     * A statement's syntax tree and the text it was parsed from: {@code normalized} when node
     * offsets refer to {@link ParsedSql#normalized()}, false when they refer to the original text.
     */
    public record Ast(Statement statement, boolean normalized) {
    }

    public static Statement toAst(ParsedSql parsed) {
        return parseAst(parsed).statement();
    }

    /**
     * JSqlParser's view of a statement. The literal-free text is tried first; if JSqlParser cannot
     * take a placeholder where MariaDB takes a literal, the original text is tried.
     */
    public static Ast parseAst(ParsedSql parsed) {
        try {
            return new Ast(jsql(parsed.normalized()), true);
        } catch (ParseException | JSQLParserException | RuntimeException normalizedFailure) {
            if (parsed.literals().isEmpty() && parsed.normalized().equals(parsed.sql())) {
                throw parseError(parsed, normalizedFailure);
            }
            try {
                return new Ast(jsql(parsed.sql()), false);
            } catch (ParseException | JSQLParserException | RuntimeException rawFailure) {
                throw parseError(parsed, normalizedFailure);
            }
        }
    }

    /**
     * A fresh syntax tree of deparsed text (placeholders included), for a copy of part of a
     * statement that must not share nodes with the original.
     */
    public static Statement reparse(String deparsed) {
        try {
            return jsql(deparsed);
        } catch (ParseException | JSQLParserException e) {
            throw new IllegalStateException("JSqlParser cannot read back its own output: " + deparsed, e);
        }
    }

    private static Statement jsql(String text) throws ParseException, JSQLParserException {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(text)
                .withFeature(Feature.allowBackslashEscapeCharacter, true)
                .withFeature(Feature.allowDoubleQuotedStrings, true)
                .withFeature(Feature.allowHashLineComments, true);
        // Parsed on the caller's (virtual) thread: JSqlParser's default timeout runs each parse on a
        // pool thread, a hop per statement the proxy cannot afford.
        Statement st = parser.Statement();
        if (st == null) {
            throw new JSQLParserException("empty statement");
        }
        return st;
    }

    private static ShardGateException parseError(ParsedSql parsed, Exception e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return new ShardGateException(ErrorCode.PARSE_ERROR.number(), ErrorCode.PARSE_ERROR.sqlState(),
                ErrorCode.PARSE_ERROR.format("ShardGate cannot parse '" + excerpt(parsed.sql()) + "': " + msg), null);
    }

    private static String excerpt(String sql) {
        return sql.length() <= 80 ? sql : sql.substring(0, 77) + "...";
    }
}
