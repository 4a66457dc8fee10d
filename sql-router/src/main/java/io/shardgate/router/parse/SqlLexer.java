package io.shardgate.router.parse;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens by MariaDB's lexical rules: the three comment styles, executable
 * comments ({@code /*!40101 ... *}{@code /} and {@code /*M!...}, whose content is SQL and lexed as
 * such, the markers dropped), strings with backslash or doubled-quote escapes, backquoted
 * identifiers, hex/bit literals and variables.
 *
 * <p>JSqlParser's own string lexing is weaker than MariaDB's (it cannot take {@code 'it''s \'x\''}),
 * so ShardGate lexes first and hands JSqlParser text whose string literals are placeholders.
 */
public final class SqlLexer {

    private final String sql;
    private final boolean backslashEscapes;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    /** Inside {@code /*! ... *}{@code /}: its closing marker ends the comment, not a token. */
    private boolean inExecutableComment;

    private SqlLexer(String sql, boolean backslashEscapes) {
        this.sql = sql;
        this.backslashEscapes = backslashEscapes;
    }

    /**
     * @param backslashEscapes false under {@code sql_mode=NO_BACKSLASH_ESCAPES}
     * @throws ShardGateException 1064 for an unterminated string, identifier or comment
     */
    public static List<Token> tokenize(String sql, boolean backslashEscapes) {
        SqlLexer lexer = new SqlLexer(sql, backslashEscapes);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        int n = sql.length();
        while (pos < n) {
            char c = sql.charAt(pos);
            int start = pos;
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' || (c == '-' && startsDashComment())) {
                skipToLineEnd();
                add(TokenType.COMMENT, start);
            } else if (c == '/' && peek(1) == '*') {
                blockComment(start);
            } else if (c == '*' && peek(1) == '/' && inExecutableComment) {
                inExecutableComment = false;
                pos += 2;
            } else if (c == '\'' || c == '"') {
                quoted(c, "string");
                add(TokenType.STRING, start);
            } else if (c == '`') {
                quoted('`', "identifier");
                add(TokenType.QUOTED_IDENTIFIER, start);
            } else if ((c == 'x' || c == 'X' || c == 'b' || c == 'B') && peek(1) == '\'') {
                pos++;
                quoted('\'', "hexadecimal or bit literal");
                add(TokenType.BINARY_STRING, start);
            } else if ((c == 'n' || c == 'N') && peek(1) == '\'') {
                pos++;
                quoted('\'', "string");
                add(TokenType.STRING, start);
            } else if (c == '0' && (peek(1) == 'x' || peek(1) == 'b') && isHexOrBitDigits()) {
                add(TokenType.BINARY_STRING, start);
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                number();
                add(wordContinues() ? TokenType.WORD : TokenType.NUMBER, start);
            } else if (c == '_' && introducedString()) {
                add(TokenType.STRING, start);
            } else if (isWordChar(c)) {
                word();
                add(TokenType.WORD, start);
            } else if (c == '@') {
                variable();
                add(TokenType.VARIABLE, start);
            } else if (c == '?') {
                pos++;
                add(TokenType.PARAMETER, start);
            } else if (c == ';') {
                pos++;
                add(TokenType.SEMICOLON, start);
            } else {
                symbol();
                add(TokenType.SYMBOL, start);
            }
        }
        if (inExecutableComment) {
            throw syntax("unterminated comment");
        }
    }

    private void add(TokenType type, int start) {
        tokens.add(new Token(type, start, pos));
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    /** MariaDB needs whitespace or a control character after {@code --} for it to start a comment. */
    private boolean startsDashComment() {
        if (peek(1) != '-') {
            return false;
        }
        char after = peek(2);
        return pos + 2 >= sql.length() || after <= ' ';
    }

    private void skipToLineEnd() {
        while (pos < sql.length() && sql.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void blockComment(int start) {
        boolean executable = peek(2) == '!' || (peek(2) == 'M' && peek(3) == '!');
        if (executable && !inExecutableComment) {
            pos += peek(2) == '!' ? 3 : 4;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
            inExecutableComment = true;
            return;
        }
        int close = sql.indexOf("*/", pos + 2);
        if (close < 0) {
            throw syntax("unterminated comment");
        }
        pos = close + 2;
        add(TokenType.COMMENT, start);
    }

    private void quoted(char quote, String what) {
        int start = pos;
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\\' && backslashEscapes && quote != '`') {
                pos += 2;
            } else if (c == quote) {
                if (peek(1) == quote) {
                    pos += 2;
                } else {
                    pos++;
                    return;
                }
            } else {
                pos++;
            }
        }
        pos = Math.min(pos, sql.length());
        throw syntax("unterminated " + what + " starting at '" + excerpt(start) + "'");
    }

    private boolean isHexOrBitDigits() {
        boolean hex = peek(1) == 'x';
        int i = pos + 2;
        int digits = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            boolean ok = hex ? Character.digit(c, 16) >= 0 : c == '0' || c == '1';
            if (!ok) {
                break;
            }
            i++;
            digits++;
        }
        if (digits == 0 || (i < sql.length() && isWordChar(sql.charAt(i)))) {
            return false;
        }
        pos = i;
        return true;
    }

    private void number() {
        while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
    }

    /** MariaDB identifiers may start with digits ({@code 1abc}): then the "number" is a word. */
    private boolean wordContinues() {
        if (pos < sql.length() && isWordChar(sql.charAt(pos))) {
            word();
            return true;
        }
        return false;
    }

    /** {@code _utf8mb4'text'} or {@code _binary 'text'}: the introducer belongs to the string. */
    private boolean introducedString() {
        int i = pos + 1;
        while (i < sql.length() && isWordChar(sql.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < sql.length() && sql.charAt(j) == ' ') {
            j++;
        }
        if (i == pos + 1 || j >= sql.length() || (sql.charAt(j) != '\'' && sql.charAt(j) != '"')) {
            return false;
        }
        if (!Charsets.isKnownCharset(sql.substring(pos + 1, i))) {
            return false;
        }
        pos = j;
        quoted(sql.charAt(j), "string");
        return true;
    }

    private void word() {
        while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
            pos++;
        }
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }

    private void variable() {
        pos++;
        if (peek(0) == '@') {
            pos++;
        }
        char c = peek(0);
        if (c == '`' || c == '\'' || c == '"') {
            quoted(c, "variable name");
            return;
        }
        while (pos < sql.length() && (isWordChar(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
            pos++;
        }
    }

    private static final String[] MULTI_CHAR_SYMBOLS = {"<=>", "->>", "<=", ">=", "<>", "!=", ":=", "||", "&&", "<<", ">>", "->"};

    private void symbol() {
        for (String s : MULTI_CHAR_SYMBOLS) {
            if (sql.startsWith(s, pos)) {
                pos += s.length();
                return;
            }
        }
        pos++;
    }

    private String excerpt(int start) {
        return sql.substring(start, Math.min(sql.length(), start + 40));
    }

    private static ShardGateException syntax(String message) {
        return new ShardGateException(ErrorCode.PARSE_ERROR, message);
    }
}
