package io.shardgate.router.parse;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text of a prepared statement (COM_STMT_PREPARE, or {@code PREPARE name FROM ...}) and where
 * its {@code ?} parameters are. The lexer decides what is a parameter: a {@code ?} inside a string,
 * a backquoted name or a comment is not one; inside an executable comment it is.
 *
 * <p>ShardGate executes a prepared statement by putting each parameter's value into the text as
 * an SQL literal ({@link #bind}) and planning the result like any query: routing then sees the
 * bound values, so a point query by shard key reaches one shard.
 */
public final class PreparedText {

    /** First words of statements that answer with rows. */
    private static final Set<String> ROW_KEYWORDS = Set.of("SELECT", "WITH", "(", "SHOW", "DESC", "DESCRIBE", "EXPLAIN");

    /** Words after which a parameter is a row count: it must be bound to a number, never NULL. */
    private static final Set<String> COUNT_KEYWORDS = Set.of("LIMIT", "OFFSET", "NEXT", "FIRST");

    private final String sql;
    private final String keyword;
    /** Start offset of each {@code ?} in {@link #sql}. */
    private final int[] parameters;
    /** Whether each parameter is an operand of LIMIT / OFFSET / FETCH. */
    private final boolean[] counts;

    private PreparedText(String sql, String keyword, int[] parameters, boolean[] counts) {
        this.sql = sql;
        this.keyword = keyword;
        this.parameters = parameters;
        this.counts = counts;
    }

    /**
     * @throws ShardGateException 1065 for text without a statement, 1064 for more than one
     *                            statement or an unterminated string, identifier or comment
     */
    public static PreparedText of(String sql, boolean backslashEscapes) {
        List<Token> code = new ArrayList<>();
        boolean ended = false;
        for (Token t : SqlLexer.tokenize(sql, backslashEscapes)) {
            if (t.type() == TokenType.COMMENT) {
                continue;
            }
            if (t.type() == TokenType.SEMICOLON) {
                ended = !code.isEmpty();
                continue;
            }
            if (ended) {
                throw new ShardGateException(ErrorCode.PARSE_ERROR,
                        "a prepared statement is one statement; found more near '" + excerpt(sql, t.start()) + "'");
            }
            code.add(t);
        }
        if (code.isEmpty()) {
            throw new ShardGateException(ErrorCode.EMPTY_QUERY);
        }
        List<Integer> starts = new ArrayList<>();
        List<Boolean> isCount = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i).type() == TokenType.PARAMETER) {
                starts.add(code.get(i).start());
                isCount.add(isCount(sql, code, i));
            }
        }
        Token first = code.getFirst();
        String keyword = first.type() == TokenType.WORD ? first.text(sql).toUpperCase(Locale.ROOT) : first.text(sql);
        int[] parameters = starts.stream().mapToInt(Integer::intValue).toArray();
        boolean[] counts = new boolean[parameters.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = isCount.get(i);
        }
        return new PreparedText(sql, keyword, parameters, counts);
    }

    /** {@code LIMIT ?}, {@code LIMIT ?, ?}, {@code LIMIT ? OFFSET ?}, {@code FETCH NEXT ? ROWS}. */
    private static boolean isCount(String sql, List<Token> code, int i) {
        String previous = i > 0 ? code.get(i - 1).text(sql).toUpperCase(Locale.ROOT) : "";
        if (COUNT_KEYWORDS.contains(previous)) {
            return true;
        }
        return previous.equals(",") && i >= 3 && code.get(i - 3).text(sql).equalsIgnoreCase("LIMIT");
    }

    public String sql() {
        return sql;
    }

    /** The statement's first word, upper-cased ({@code SELECT}, {@code INSERT}, ...), or its first symbol. */
    public String keyword() {
        return keyword;
    }

    /** Whether the statement answers with a result set (rather than OK), judged by its first word. */
    public boolean returnsRows() {
        return ROW_KEYWORDS.contains(keyword);
    }

    public int parameterCount() {
        return parameters.length;
    }

    /**
     * The statement with each parameter replaced by its literal. A space is put between a literal
     * and a neighbour it would otherwise run into ({@code id=?AND} must not become {@code id=5AND},
     * {@code -?} with -5 not {@code --5}).
     *
     * @param literals SQL literal text per parameter, in order
     */
    public String bind(List<String> literals) {
        if (literals.size() != parameters.length) {
            throw new IllegalArgumentException(literals.size() + " values for " + parameters.length + " parameters");
        }
        int length = sql.length();
        for (String l : literals) {
            length += l.length() + 1;
        }
        StringBuilder out = new StringBuilder(length);
        int from = 0;
        for (int i = 0; i < parameters.length; i++) {
            int at = parameters[i];
            out.append(sql, from, at);
            String literal = literals.get(i);
            if (at > 0 && runsInto(sql.charAt(at - 1), literal.charAt(0))) {
                out.append(' ');
            }
            out.append(literal);
            if (at + 1 < sql.length() && runsInto(literal.charAt(literal.length() - 1), sql.charAt(at + 1))) {
                out.append(' ');
            }
            from = at + 1;
        }
        return out.append(sql, from, sql.length()).toString();
    }

    /**
     * The statement with every parameter NULL, except row counts, which are 0 (LIMIT NULL is a
     * syntax error): a statement of the same shape, to check and describe at prepare time.
     */
    public String withNulls() {
        List<String> literals = new ArrayList<>(parameters.length);
        for (boolean count : counts) {
            literals.add(count ? "0" : "NULL");
        }
        return bind(literals);
    }

    private static boolean runsInto(char left, char right) {
        return (word(left) && word(right)) || (left == '-' && right == '-') || (quote(left) && quote(right))
                || (left == '.' && Character.isDigit(right)) || (Character.isDigit(left) && right == '.');
    }

    private static boolean word(char c) {
        return SqlLexer.isWordChar(c) || c == '@' || c == '?';
    }

    private static boolean quote(char c) {
        return c == '\'' || c == '"' || c == '`';
    }

    private static String excerpt(String sql, int from) {
        return sql.substring(from, Math.min(sql.length(), from + 40));
    }
}
