package io.shardgate.it;

import static io.shardgate.it.ClientScenarioCluster.NATIVE_PASSWORD;
import static io.shardgate.it.ClientScenarioCluster.NATIVE_USER;
import static io.shardgate.it.ClientScenarioCluster.SHA2_PASSWORD;
import static io.shardgate.it.ClientScenarioCluster.SHA2_USER;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The client scenario for the {@code mariadb} command-line client: {@code clients/mariadb/scenario.sql}
 * run with {@code --batch --force}, its standard output compared step by step with
 * {@code scenario.expected} and its error lines with {@code scenario.errors}. In the expected
 * files {@code ${name}} stands for a value of the run (prefix, user, the blob) and
 * {@value #NON_EMPTY} for any non-empty text (the TLS cipher).
 */
final class CliScenario {

    /** One way to run the client: user, TLS ({@code --ssl} or {@code --skip-ssl}), {@code --compress}. */
    record CliCase(String name, String prefix, String user, boolean tls, boolean compressed) {
        @Override
        public String toString() {
            return name;
        }

        /** Every user but {@code native} is a caching_sha2_password user (ClientMatrixIT's own ones too). */
        String password() {
            return user.equals(NATIVE_USER) ? NATIVE_PASSWORD : SHA2_PASSWORD;
        }
    }

    static final List<CliCase> CASES = List.of(
            new CliCase("mariadb --skip-ssl, native", "cli_", NATIVE_USER, false, false),
            new CliCase("mariadb --ssl, sha2 full authentication", "cli_sha2_tls_", "sha2_cli_tls", true, false),
            new CliCase("mariadb --ssl, native", "cli_tls_", NATIVE_USER, true, false),
            new CliCase("mariadb --skip-ssl, sha2 full authentication with RSA", "cli_sha2_rsa_", "sha2_cli_rsa", false, false),
            new CliCase("mariadb --compress --ssl, sha2", "cli_zip_", SHA2_USER, true, true));

    /** The run whose data {@code mariadb-dump} then dumps. */
    static final CliCase DUMP = new CliCase("mariadb for mariadb-dump", "dump_", NATIVE_USER, false, false);

    static final List<String> PREFIXES = Stream.concat(CASES.stream(), Stream.of(DUMP)).map(CliCase::prefix).toList();

    static final String NON_EMPTY = "${non-empty}";
    private static final Pattern STEP_LINE = Pattern.compile("step\n([a-z0-9-]+)\n");
    /** The script's line number in the client's error lines (not a message's own "at line 1"). */
    private static final Pattern LINE_NUMBER = Pattern.compile("(?m)^(ERROR \\d+ \\(\\w+\\)) at line \\d+");

    private CliScenario() {
    }

    static Path file(String name) {
        return Path.of(System.getProperty("shardgate.home", "..")).resolve("it-tests/src/test/clients/mariadb").resolve(name);
    }

    /** The script with the run's values in place. */
    static String script(String prefix, boolean keep) throws IOException {
        String blob = "X'" + HexFormat.of().withUpperCase().formatHex(ScenarioRows.blob()) + "'";
        return fill(Files.readString(file("scenario.sql"), StandardCharsets.UTF_8), Map.of("p", prefix, "blob", blob,
                "cleanup", keep ? "" : "DROP TABLE " + prefix + "items, " + prefix + "notes;"));
    }

    /** Runs the client with the scenario's options and the script on its standard input. */
    static MariaDbCli.Run launch(int port, String user, String password, String database, boolean tls, String script,
                                 List<String> more) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("--force", "--skip-reconnect", "--default-character-set=utf8mb4",
                "--max-allowed-packet=64M", tls ? "--ssl" : "--skip-ssl"));
        options.addAll(more);
        return MariaDbCli.script(port, user, password, database, script, options.toArray(String[]::new));
    }

    /**
     * Runs the scenario and returns an {@code ok <step>} line per step, or {@code FAILED <step>: }
     * with the step's first line that differs.
     */
    static List<String> run(int port, CliCase c, boolean keep) throws IOException, InterruptedException {
        return run(port, c, c.user(), c.password(), keep);
    }

    /** The scenario as {@code user} (a plain MariaDB's account, for instance) in the case's way. */
    static List<String> run(int port, CliCase c, String user, String password, boolean keep)
            throws IOException, InterruptedException {
        MariaDbCli.Run run = launch(port, user, password, "shop", c.tls(), script(c.prefix(), keep),
                c.compressed() ? List.of("--compress") : List.of());
        byte[] blob = ScenarioRows.blob();
        Map<String, String> values = Map.of("p", c.prefix(), "user", user, "cipher", c.tls() ? NON_EMPTY : "",
                "compression", c.compressed() ? "ON" : "OFF",
                "blobhex", HexFormat.of().withUpperCase().formatHex(blob), "blobsha", ScenarioRows.sha256(blob));
        Map<String, String> expected = sections(fill(Files.readString(file("scenario.expected"), StandardCharsets.UTF_8), values));
        Map<String, String> actual = sections(run.stdout());
        List<String> lines = new ArrayList<>();
        for (String step : ClientScenario.STEPS) {
            String difference = difference(expected.get(step), actual.get(step));
            if (step.equals("errors") && difference == null) {
                difference = difference(fill(Files.readString(file("scenario.errors"), StandardCharsets.UTF_8), values),
                        LINE_NUMBER.matcher(run.stderr()).replaceAll("$1"));
            }
            String line = difference == null ? "ok " + step : "FAILED " + step + ": " + difference;
            lines.add(line);
            System.out.println("[" + c.prefix() + "] " + line);
        }
        if (!run.stderr().isEmpty()) {
            System.out.println("[" + c.prefix() + "] stderr (exit code " + run.exitCode() + "):\n" + run.stderr());
        }
        return lines;
    }

    /** The output after each {@code step} line, by step. */
    private static Map<String, String> sections(String output) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher m = STEP_LINE.matcher(output);
        String step = null;
        int from = 0;
        while (m.find()) {
            if (step != null) {
                sections.put(step, output.substring(from, m.start()));
            }
            step = m.group(1);
            from = m.end();
        }
        if (step != null) {
            sections.put(step, output.substring(from));
        }
        return sections;
    }

    /** The first differing line, or null; expected lines may hold {@value #NON_EMPTY}. */
    private static String difference(String expected, String actual) {
        if (actual == null) {
            return "no output for the step";
        }
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        for (int k = 0; k < Math.max(want.size(), got.size()); k++) {
            String w = k < want.size() ? want.get(k) : "(nothing)";
            String g = k < got.size() ? got.get(k) : "(nothing)";
            if (!matches(w, g)) {
                return "line " + (k + 1) + ": expected " + abbreviate(w) + ", got " + abbreviate(g);
            }
        }
        return null;
    }

    private static boolean matches(String expected, String actual) {
        if (!expected.contains(NON_EMPTY)) {
            return expected.equals(actual);
        }
        String[] parts = expected.split(Pattern.quote(NON_EMPTY), -1);
        StringBuilder regex = new StringBuilder();
        for (int k = 0; k < parts.length; k++) {
            regex.append(k == 0 ? "" : ".+").append(Pattern.quote(parts[k]));
        }
        return actual.matches(regex.toString());
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? "'" + line + "'" : "'" + line.substring(0, 300) + "...' (" + line.length() + " chars)";
    }

    /** Replaces each {@code ${name}} of {@code values}; others stay. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length());
        Matcher m = Pattern.compile("\\$\\{([a-z]+)}").matcher(template);
        int from = 0;
        while (m.find()) {
            String value = values.get(m.group(1));
            out.append(template, from, m.start()).append(value == null ? m.group() : value);
            from = m.end();
        }
        return out.append(template.substring(from)).toString();
    }
}
