package io.shardgate.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the plan corpus: {@code plans/*.plan} on the test class path. A file holds cases:
 *
 * <pre>
 * # comment lines, only between cases
 * -- case: point select
 * -- session: schema=none see=shop noBackslashEscapes catalog=none   (optional)
 * SELECT * FROM orders WHERE id = 42        (one or more lines)
 * =&gt;
 * Route SINGLE_SHARD orders                 (the describe() lines, exactly)
 *   dn2: SELECT * FROM `shop_2`.orders WHERE id = 42
 *                                           (a blank line ends the case)
 * -- case: refused
 * SELECT * FROM orders ORDER BY id
 * =&gt; ERROR 1235 cross-shard ORDER BY      (error number, then a substring of the message)
 * </pre>
 *
 * Session defaults: schema {@code shop}, may see {@code shop} and {@code crm}, backslash escapes
 * on, the {@link TestConfig#catalog()} catalog.
 */
final class PlanCorpus {

    /** One case; {@code errorNumber} is 0 when a plan is expected. */
    record Case(String file, int line, String name, String session, String sql, List<String> expected,
                int errorNumber, String errorText) {

        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    private PlanCorpus() {
    }

    static List<Path> files() {
        URL dir = PlanCorpus.class.getResource("/plans");
        if (dir == null) {
            throw new IllegalStateException("no plans/ directory on the test class path");
        }
        try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
            return s.filter(p -> p.toString().endsWith(".plan")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        files().forEach(f -> out.addAll(read(f)));
        return out;
    }

    static List<Case> read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> parse(String file, List<String> lines) {
        List<Case> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                i++;
                continue;
            }
            if (!line.startsWith("-- case:")) {
                throw format(file, i, "expected '-- case: name', got '" + line + "'");
            }
            int start = i;
            String name = line.substring("-- case:".length()).strip();
            if (name.isEmpty() || !names.add(name)) {
                throw format(file, i, "case name empty or repeated: '" + name + "'");
            }
            i++;
            String session = "";
            if (i < lines.size() && lines.get(i).startsWith("-- session:")) {
                session = lines.get(i).substring("-- session:".length()).strip();
                i++;
            }
            List<String> sql = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("=>")) {
                if (lines.get(i).startsWith("-- case:")) {
                    throw format(file, i, "case '" + name + "' has no '=>' line");
                }
                sql.add(lines.get(i++));
            }
            if (i >= lines.size()) {
                throw format(file, start, "case '" + name + "' has no '=>' line");
            }
            String arrow = lines.get(i++).substring(2).strip();
            List<String> expected = new ArrayList<>();
            int errorNumber = 0;
            String errorText = null;
            if (arrow.startsWith("ERROR ")) {
                String[] parts = arrow.split(" ", 3);
                errorNumber = Integer.parseInt(parts[1]);
                errorText = parts.length > 2 ? parts[2] : "";
            } else if (!arrow.isEmpty()) {
                throw format(file, i - 1, "'=>' must stand alone or be followed by 'ERROR <number> <text>'");
            } else {
                while (i < lines.size() && !lines.get(i).isBlank()) {
                    expected.add(lines.get(i++));
                }
                if (expected.isEmpty()) {
                    throw format(file, i, "case '" + name + "' expects an empty plan");
                }
            }
            String text = String.join("\n", sql).strip();
            if (text.isEmpty()) {
                throw format(file, start, "case '" + name + "' has no SQL");
            }
            cases.add(new Case(file, start + 1, name, session, text, List.copyOf(expected), errorNumber, errorText));
        }
        return cases;
    }

    private static IllegalStateException format(String file, int index, String message) {
        return new IllegalStateException(file + ":" + (index + 1) + ": " + message);
    }

    /** A line diff of expected against actual: "  " both, "- " expected only, "+ " actual only. */
    static String diff(List<String> expected, List<String> actual) {
        int n = expected.size();
        int m = actual.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int a = n - 1; a >= 0; a--) {
            for (int b = m - 1; b >= 0; b--) {
                lcs[a][b] = expected.get(a).equals(actual.get(b)) ? lcs[a + 1][b + 1] + 1
                        : Math.max(lcs[a + 1][b], lcs[a][b + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        int a = 0;
        int b = 0;
        while (a < n || b < m) {
            if (a < n && b < m && expected.get(a).equals(actual.get(b))) {
                out.append("  ").append(expected.get(a++)).append('\n');
                b++;
            } else if (a < n && (b == m || lcs[a + 1][b] >= lcs[a][b + 1])) {
                out.append("- ").append(expected.get(a++)).append('\n');
            } else {
                out.append("+ ").append(actual.get(b++)).append('\n');
            }
        }
        return out.toString();
    }

    /** Every "Route KIND" and primitive name the expected plans of the corpus mention. */
    static Set<String> mentionedWords(List<Case> cases) {
        Set<String> out = new LinkedHashSet<>();
        for (Case c : cases) {
            for (String line : c.expected()) {
                String[] words = line.strip().split(" ");
                out.add(words[0]);
                if (words.length > 1) {
                    out.add(words[0] + " " + words[1]);
                }
            }
        }
        return out;
    }
}
