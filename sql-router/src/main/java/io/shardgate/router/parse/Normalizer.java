package io.shardgate.router.parse;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the text JSqlParser parses from a statement's tokens:
 * <ul>
 *   <li>string, hex and bit literals become {@code :sgN} placeholders (JSqlParser's string lexing is
 *       weaker than MariaDB's, and literal-free text is what plans are cached by);</li>
 *   <li>date-unit words used as names ({@code day}, {@code month}...) are backquoted, since
 *       JSqlParser takes them for interval units wherever they appear;</li>
 *   <li>MariaDB's {@code BINARY expr} operator, which JSqlParser lacks, becomes
 *       {@code CAST(expr AS BINARY)};</li>
 *   <li>{@code CONVERT(expr, type)} becomes {@code CAST(expr AS type)}, which means the same in
 *       MariaDB: JSqlParser reads only a column as CONVERT's first argument, and MariaDB
 *       Connector/J's DatabaseMetaData converts a CASE expression;</li>
 *   <li>when asked, user and system variables ({@code @x}, {@code @@sql_mode}) become their values:
 *       the backends' sessions do not hold the client's variables.</li>
 * </ul>
 * A literal whose bytes matter as bytes (a character set introducer under a client character set
 * other than UTF-8, or bytes that were no characters) is sent to backends as {@code _cs X'...'}
 * of exactly the client's bytes; every other literal is sent as the client wrote it.
 * Every piece of the result remembers where it came from, so the client's own text of any part
 * (a select item's column name) can be recovered.
 */
final class Normalizer {

    private static final Set<String> DATE_UNITS = Set.of("MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK",
            "MONTH", "QUARTER", "YEAR");
    private static final Set<String> UNIT_FUNCTIONS = Set.of("EXTRACT", "TIMESTAMPADD", "TIMESTAMPDIFF");
    /** Words after which BINARY is a type or charset name, not the operator. */
    private static final Set<String> BINARY_AS_TYPE = Set.of("AS", "USING", "SET", "CHARSET", "CHARACTER");
    private static final Set<String> NOT_OPERANDS = Set.of("FROM", "WHERE", "AND", "OR", "NOT", "IS", "IN", "LIKE",
            "BETWEEN", "THEN", "ELSE", "END", "WHEN", "GROUP", "ORDER", "HAVING", "LIMIT", "ON", "AS");

    private final String sql;
    private final List<Token> tokens;
    private final boolean backslashEscapes;
    private final ClientCharset charset;
    /** Token text of a variable to its value; null when variables stay as written. */
    private final Function<String, Object> variables;
    private final boolean dml;
    private final StringBuilder out = new StringBuilder();
    private final List<Literal> literals = new ArrayList<>();
    private final List<int[]> pieces = new ArrayList<>();
    /** Extra text to write after token i (the closing part of a CAST rewrite). */
    private final String[] suffix;
    /** Text to write instead of token i (CONVERT's comma). */
    private final String[] replaced;

    private Normalizer(String sql, List<Token> tokens, boolean backslashEscapes, ClientCharset charset,
                       Function<String, Object> variables) {
        this.sql = sql;
        this.tokens = tokens;
        this.backslashEscapes = backslashEscapes;
        this.charset = charset;
        this.variables = variables;
        this.suffix = new String[tokens.size()];
        this.replaced = new String[tokens.size()];
        String first = tokens.isEmpty() ? "" : tokens.getFirst().text(sql).toUpperCase(Locale.ROOT);
        this.dml = Set.of("SELECT", "INSERT", "REPLACE", "UPDATE", "DELETE", "WITH", "(", "EXPLAIN", "DESC", "DESCRIBE")
                .contains(first);
    }

    record Result(String text, List<Literal> literals, SourceMap map) {
    }

    static Result normalize(String sql, List<Token> tokens, boolean backslashEscapes, ClientCharset charset,
                            Function<String, Object> variables) {
        Normalizer n = new Normalizer(sql, tokens, backslashEscapes, charset, variables);
        n.run();
        return new Result(n.out.toString(), n.literals, new SourceMap(n.pieces));
    }

    private void run() {
        int previousEnd = -1;
        int intervalDepth = -1;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (previousEnd >= 0 && t.start() > previousEnd) {
                out.append(' ');
            }
            String word = t.type() == TokenType.WORD ? t.text(sql).toUpperCase(Locale.ROOT) : "";
            if (t.type() == TokenType.SYMBOL) {
                depth += t.text(sql).equals("(") ? 1 : t.text(sql).equals(")") ? -1 : 0;
            }
            if (t.type() == TokenType.STRING || t.type() == TokenType.BINARY_STRING) {
                int last = literal(i);
                previousEnd = tokens.get(last).end();
                for (int k = i; k <= last; k++) {
                    appendSuffix(k);
                }
                i = last;
                continue;
            }
            if (t.type() == TokenType.VARIABLE && variables != null) {
                variable(i);
                appendSuffix(i);
                previousEnd = t.end();
                continue;
            }
            if (word.equals("INTERVAL")) {
                intervalDepth = depth;
            }
            if (DATE_UNITS.contains(word) && !isUnit(i, intervalDepth == depth)) {
                emit("`" + t.text(sql) + "`", t.start(), t.end());
            } else if (replaced[i] != null) {
                emit(replaced[i], t.start(), t.end());
            } else if (word.equals("CONVERT") && dml && convertToCast(i)) {
                emit("CAST", t.start(), t.end());
            } else if (word.equals("BINARY") && dml && binaryOperator(i)) {
                emit("CAST(", t.start(), t.end());
                suffix[operandEnd(i + 1)] = " AS BINARY)";
            } else {
                if (DATE_UNITS.contains(word) && intervalDepth == depth) {
                    intervalDepth = -1;
                }
                emit(t.text(sql), t.start(), t.end());
            }
            appendSuffix(i);
            previousEnd = t.end();
        }
    }

    /**
     * {@code CONVERT(expr, type)}: marks the top-level comma to be written {@code AS}; false for
     * {@code CONVERT(expr USING charset)} and anything else.
     */
    private boolean convertToCast(int i) {
        if (i + 1 >= tokens.size() || !tokens.get(i + 1).text(sql).equals("(")) {
            return false;
        }
        int depth = 0;
        int comma = -1;
        for (int k = i + 1; k < tokens.size(); k++) {
            String text = tokens.get(k).text(sql);
            depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
            if (depth == 0) {
                break;
            }
            if (depth == 1 && text.equals(",")) {
                if (comma >= 0) {
                    return false;
                }
                comma = k;
            } else if (depth == 1 && tokens.get(k).type() == TokenType.WORD && text.equalsIgnoreCase("USING")) {
                return false;
            }
        }
        if (comma < 0) {
            return false;
        }
        replaced[comma] = " AS";
        return true;
    }

    private void appendSuffix(int i) {
        if (suffix[i] != null) {
            emit(suffix[i], tokens.get(i).end(), tokens.get(i).end());
        }
    }

    private void emit(String text, int originalStart, int originalEnd) {
        pieces.add(new int[] {out.length(), out.length() + text.length(), originalStart, originalEnd});
        out.append(text);
    }

    /** A string literal (adjacent plain ones joined, as MariaDB joins them): its last token. */
    private int literal(int i) {
        Token t = tokens.get(i);
        int last = i;
        while (t.type() == TokenType.STRING && last + 1 < tokens.size()
                && tokens.get(last + 1).type() == TokenType.STRING && isPlainQuoted(tokens.get(last + 1).text(sql))) {
            last++;
        }
        String source = sql.substring(t.start(), tokens.get(last).end());
        Object value = decodeJoined(tokens.subList(i, last + 1));
        literals.add(new Literal(forBackend(source, value), value));
        emit(":" + SqlParser.PLACEHOLDER_PREFIX + (literals.size() - 1), t.start(), tokens.get(last).end());
        return last;
    }

    /**
     * The literal as backends receive it: as written, unless its bytes must reach the backend as
     * the client sent them and the UTF-8 the proxy sends would not be those bytes.
     */
    private String forBackend(String source, Object value) {
        char first = source.charAt(0);
        String introducer = first == '_' ? source.substring(1, firstQuote(source)).strip()
                : (first == 'n' || first == 'N') && source.length() > 1 && source.charAt(1) == '\'' ? "utf8mb3" : null;
        boolean raw = RawBytes.hasRawBytes(source);
        if (!raw && (introducer == null || charset.utf8())) {
            return source;
        }
        // A _binary string's value is already bytes (taken as UTF-8); the client's own are wanted.
        String text = value instanceof String s ? s : MysqlStrings.unquote(source.substring(firstQuote(source)), backslashEscapes);
        // A plain literal of a UTF-8 client holding bytes that are no UTF-8 (PyMySQL sends bytes so,
        // without _binary): MariaDB keeps them unchecked, as a binary column receives them, but
        // refuses them written as _utf8mb4 X'...' (1300); _binary is what keeps those bytes usable.
        String written = introducer != null ? introducer : charset.utf8() ? "binary" : charset.name();
        return "_" + written + " " + SqlLiterals.hex(charset.bytes(text));
    }

    private static int firstQuote(String s) {
        int q = s.indexOf('\'');
        int d = s.indexOf('"');
        return q < 0 ? d : d < 0 ? q : Math.min(q, d);
    }

    /** A variable replaced by its value: numbers and NULL as text, strings as literals. */
    private void variable(int i) {
        Token t = tokens.get(i);
        if (i + 1 < tokens.size() && tokens.get(i + 1).text(sql).equals(":=")) {
            throw new ShardGateException(ErrorCode.NOT_SUPPORTED,
                    "assigning " + t.text(sql) + " inside a statement (use SET)");
        }
        Object value = variables.apply(t.text(sql));
        if (value == SqlParser.AS_WRITTEN) {
            emit(t.text(sql), t.start(), t.end());
            return;
        }
        String literal = SqlLiterals.of(value, backslashEscapes);
        // Strings and bytes are literals to lift like the client's own; numbers and NULL are words.
        String text = value instanceof String || value instanceof byte[] ? placeholder(literal, value) : literal;
        emit(text, t.start(), t.end());
    }

    private String placeholder(String source, Object value) {
        literals.add(new Literal(source, value));
        return ":" + SqlParser.PLACEHOLDER_PREFIX + (literals.size() - 1);
    }

    /**
     * A date-unit word is a unit after INTERVAL's value, as EXTRACT's / TIMESTAMPADD's first
     * argument, or called as a function ({@code DAY(d)}); anywhere else it names a column.
     */
    private boolean isUnit(int i, boolean inInterval) {
        if (inInterval) {
            return true;
        }
        if (i + 1 < tokens.size() && tokens.get(i + 1).text(sql).equals("(")) {
            return true;
        }
        if (i >= 2 && tokens.get(i - 1).text(sql).equals("(")
                && UNIT_FUNCTIONS.contains(tokens.get(i - 2).text(sql).toUpperCase(Locale.ROOT))) {
            return true;
        }
        return i + 1 < tokens.size() && tokens.get(i + 1).text(sql).contains("_");
    }

    private boolean binaryOperator(int i) {
        if (i + 1 >= tokens.size()) {
            return false;
        }
        if (i > 0 && BINARY_AS_TYPE.contains(tokens.get(i - 1).text(sql).toUpperCase(Locale.ROOT))) {
            return false;
        }
        Token next = tokens.get(i + 1);
        return switch (next.type()) {
            case WORD -> !NOT_OPERANDS.contains(next.text(sql).toUpperCase(Locale.ROOT));
            case QUOTED_IDENTIFIER, STRING, BINARY_STRING, NUMBER, PARAMETER, VARIABLE -> true;
            case SYMBOL -> next.text(sql).equals("(");
            default -> false;
        };
    }

    /** The last token of the operand starting at {@code i}: a name (maybe qualified or called) or a parenthesis. */
    private int operandEnd(int i) {
        int j = i;
        if (tokens.get(j).type() == TokenType.STRING) {
            while (j + 1 < tokens.size() && tokens.get(j + 1).type() == TokenType.STRING) {
                j++;
            }
            return j;
        }
        while (j + 2 < tokens.size() && tokens.get(j + 1).text(sql).equals(".")) {
            j += 2;
        }
        if (j + 1 < tokens.size() && tokens.get(j + 1).text(sql).equals("(")) {
            j++;
        }
        if (tokens.get(j).text(sql).equals("(")) {
            int depth = 0;
            for (; j < tokens.size(); j++) {
                String s = tokens.get(j).text(sql);
                depth += s.equals("(") ? 1 : s.equals(")") ? -1 : 0;
                if (depth == 0) {
                    return j;
                }
            }
            throw new ShardGateException(ErrorCode.PARSE_ERROR, "unbalanced parenthesis after BINARY");
        }
        return j;
    }

    private static boolean isPlainQuoted(String tokenText) {
        return tokenText.charAt(0) == '\'' || tokenText.charAt(0) == '"';
    }

    private Object decodeJoined(List<Token> parts) {
        if (parts.size() == 1) {
            return MysqlStrings.decode(parts.getFirst().text(sql), backslashEscapes);
        }
        Object first = MysqlStrings.decode(parts.getFirst().text(sql), backslashEscapes);
        if (first instanceof byte[]) {
            throw new ShardGateException(ErrorCode.NOT_SUPPORTED, "adjacent binary string literals");
        }
        StringBuilder sb = new StringBuilder((String) first);
        for (Token t : parts.subList(1, parts.size())) {
            sb.append(MysqlStrings.unquote(t.text(sql), backslashEscapes));
        }
        return sb.toString();
    }
}
