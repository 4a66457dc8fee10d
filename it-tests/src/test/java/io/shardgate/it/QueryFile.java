package io.shardgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * One {@code .sql} file of the differential corpus: one statement per line; blank lines and lines
 * starting with {@code #} are skipped; a line may end with a marker comment:
 * <ul>
 *   <li>{@code -- unordered}: compare as a multiset even though the statement has an ORDER BY;</li>
 *   <li>{@code -- refused}: the proxy must answer ERROR 1235; the reference is not asked;</li>
 *   <li>{@code -- error NNNN}: both sides must answer that error number.</li>
 * </ul>
 * Files named {@code *.dml.sql} are sequences: their lines run in order and may change data.
 */
record QueryFile(String name, Path path, boolean sequence, List<QueryFile.Case> cases) {

    static final String DML_SUFFIX = ".dml.sql";

    enum Expect { ROWS, REFUSED, ERROR }

    /**
     * @param ordered whether rows are compared in order: the top-level SELECT has an ORDER BY and no
     *                {@code -- unordered} marker
     */
    record Case(String file, int line, String sql, Expect expect, int errorCode, boolean ordered, Path path) {

        String id() {
            return file + ":" + line;
        }
    }

    private static final Pattern MARKER = Pattern.compile("\\s--\\s*(unordered|refused|error\\s+(\\d+))\\s*$");

    /** Every {@code *.sql} of the directory: read-only files by name first, then the sequences by name. */
    static List<QueryFile> readAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .map(QueryFile::read)
                    .sorted(Comparator.comparing(QueryFile::sequence).thenComparing(QueryFile::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    static QueryFile read(Path path) {
        String name = path.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            cases.add(parse(name, i + 1, text, path));
        }
        return new QueryFile(name, path, name.endsWith(DML_SUFFIX), List.copyOf(cases));
    }

    static Case parse(String file, int line, String text, Path path) {
        Expect expect = Expect.ROWS;
        int errorCode = 0;
        boolean unordered = false;
        String sql = text;
        Matcher m = MARKER.matcher(text);
        if (m.find()) {
            sql = text.substring(0, m.start()).strip();
            if (m.group(1).equals("unordered")) {
                unordered = true;
            } else if (m.group(1).equals("refused")) {
                expect = Expect.REFUSED;
            } else {
                expect = Expect.ERROR;
                errorCode = Integer.parseInt(m.group(2));
            }
        }
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        return new Case(file, line, sql, expect, errorCode, !unordered && hasTopLevelOrderBy(sql), path);
    }

    /** Whether the statement's result order is defined: its outermost SELECT (or set operation) has an ORDER BY. */
    static boolean hasTopLevelOrderBy(String sql) {
        try {
            if (!(CCJSqlParserUtil.parse(sql) instanceof Select select)) {
                return false;
            }
            while (select instanceof ParenthesedSelect p && p.getOrderByElements() == null) {
                select = p.getSelect();
            }
            return select.getOrderByElements() != null && !select.getOrderByElements().isEmpty();
        } catch (JSQLParserException | RuntimeException e) {
            return orderByOutsideParentheses(sql);
        }
    }

    /** For what JSqlParser cannot parse: an ORDER BY at parenthesis depth 0, outside quotes. */
    static boolean orderByOutsideParentheses(String sql) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && sql.regionMatches(true, i, "ORDER", 0, 5)
                    && sql.substring(i + 5).stripLeading().regionMatches(true, 0, "BY", 0, 2)
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_')) {
                return true;
            }
        }
        return false;
    }
}
