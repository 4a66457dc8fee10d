package io.shardgate.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the expectations of the plan corpus in {@code src/test/resources/plans} with what the
 * planner produces now, keeping comments, case names and SQL. For a deliberate planner change:
 * run {@code mvn -pl sql-router exec:java}-free as {@code java ... PlanCorpusRewrite}, or through
 * the test run with {@code -Dplans.rewrite=true}, then review the diff before committing it.
 */
final class PlanCorpusRewrite {

    private PlanCorpusRewrite() {
    }

    static void rewrite(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".plan")).sorted().toList()) {
                rewriteFile(f);
            }
        }
    }

    private static void rewriteFile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<PlanCorpus.Case> cases = PlanCorpus.parse(file.getFileName().toString(), lines);
        List<String> out = new ArrayList<>();
        int i = 0;
        for (PlanCorpus.Case c : cases) {
            int start = c.line() - 1;
            while (i < start) {
                out.add(lines.get(i++));
            }
            while (!lines.get(i).startsWith("=>")) {
                out.add(lines.get(i++));
            }
            i++;
            if (c.errorNumber() == 0) {
                while (i < lines.size() && !lines.get(i).isBlank()) {
                    i++;
                }
            }
            out.addAll(expectation(c));
        }
        while (i < lines.size()) {
            out.add(lines.get(i++));
        }
        Files.write(file, out);
    }

    private static List<String> expectation(PlanCorpus.Case c) {
        try {
            List<String> plan = new ArrayList<>();
            plan.add("=>");
            plan.addAll(PlanCorpusTest.plan(c).describe().lines());
            return plan;
        } catch (ShardGateException e) {
            boolean same = e.errorNumber() == c.errorNumber() && e.getMessage().contains(c.errorText());
            return List.of("=> ERROR " + e.errorNumber() + " " + (same ? c.errorText() : e.getMessage()));
        }
    }

    public static void main(String[] args) throws IOException {
        rewrite(Path.of(args.length > 0 ? args[0] : "src/test/resources/plans"));
    }
}
