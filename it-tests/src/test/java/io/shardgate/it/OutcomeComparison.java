package io.shardgate.it;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Compares what ShardGate answered with what the reference MariaDB answered: column count and labels,
 * then every value as text, exactly (a decimal printed {@code 1.50} differs from {@code 1.5}, NULL from
 * the empty string). Rows in order when the query orders them, as multisets otherwise. A mismatch is
 * described with both row counts and the first differing rows of each side.
 */
final class OutcomeComparison {

    private static final int SHOWN_ROWS = 5;
    private static final int SHOWN_VALUE_CHARS = 120;

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    static final Comparator<List<String>> ROW_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = NULLS_FIRST.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private OutcomeComparison() {
    }

    /** Empty when both sides gave the same rows or the same update count; else what differs. */
    static Optional<String> compare(Outcome expected, Outcome actual, boolean ordered) {
        if (expected instanceof Outcome.Rows e && actual instanceof Outcome.Rows a) {
            return compareRows(e, a, ordered);
        }
        if (expected instanceof Outcome.Update e && actual instanceof Outcome.Update a) {
            return e.count() == a.count() ? Optional.empty()
                    : Optional.of("update counts differ: MariaDB " + e.count() + ", ShardGate " + a.count());
        }
        return Optional.of("MariaDB answered " + summary(expected) + "\nShardGate answered " + summary(actual));
    }

    static String summary(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Rows r -> r.rows().size() + " rows " + r.labels();
            case Outcome.Update u -> "update count " + u.count();
            case Outcome.Failure f -> f.describe();
        };
    }

    private static Optional<String> compareRows(Outcome.Rows expected, Outcome.Rows actual, boolean ordered) {
        if (!expected.labels().equals(actual.labels())) {
            return Optional.of("columns differ: MariaDB " + expected.labels() + " (" + expected.labels().size()
                    + "), ShardGate " + actual.labels() + " (" + actual.labels().size() + ")"
                    + rowCounts(expected, actual));
        }
        return ordered ? compareInOrder(expected, actual) : compareAsMultisets(expected, actual);
    }

    private static Optional<String> compareInOrder(Outcome.Rows expected, Outcome.Rows actual) {
        List<List<String>> e = expected.rows();
        List<List<String>> a = actual.rows();
        int first = 0;
        while (first < e.size() && first < a.size() && e.get(first).equals(a.get(first))) {
            first++;
        }
        if (first == e.size() && first == a.size()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("rows differ (ordered comparison), first at row ").append(first + 1)
                .append(rowCounts(expected, actual));
        out.append("\n  MariaDB rows ").append(first + 1).append("..:");
        appendRows(out, e.subList(first, Math.min(e.size(), first + SHOWN_ROWS)));
        out.append("\n  ShardGate rows ").append(first + 1).append("..:");
        appendRows(out, a.subList(first, Math.min(a.size(), first + SHOWN_ROWS)));
        if (sorted(e).equals(sorted(a))) {
            out.append("\n  (the same rows as multisets: only the order differs)");
        }
        return Optional.of(out.toString());
    }

    private static Optional<String> compareAsMultisets(Outcome.Rows expected, Outcome.Rows actual) {
        List<List<String>> e = sorted(expected.rows());
        List<List<String>> a = sorted(actual.rows());
        if (e.equals(a)) {
            return Optional.empty();
        }
        List<List<String>> onlyExpected = new ArrayList<>();
        List<List<String>> onlyActual = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < e.size() || j < a.size()) {
            int c = i == e.size() ? 1 : j == a.size() ? -1 : ROW_ORDER.compare(e.get(i), a.get(j));
            if (c == 0) {
                i++;
                j++;
            } else if (c < 0) {
                onlyExpected.add(e.get(i++));
            } else {
                onlyActual.add(a.get(j++));
            }
        }
        StringBuilder out = new StringBuilder("rows differ (multiset comparison)").append(rowCounts(expected, actual));
        out.append("\n  only on MariaDB (").append(onlyExpected.size()).append("):");
        appendRows(out, onlyExpected.subList(0, Math.min(onlyExpected.size(), SHOWN_ROWS)));
        out.append("\n  only on ShardGate (").append(onlyActual.size()).append("):");
        appendRows(out, onlyActual.subList(0, Math.min(onlyActual.size(), SHOWN_ROWS)));
        return Optional.of(out.toString());
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(ROW_ORDER);
        return copy;
    }

    private static String rowCounts(Outcome.Rows expected, Outcome.Rows actual) {
        return "; MariaDB " + expected.rows().size() + " rows, ShardGate " + actual.rows().size() + " rows";
    }

    private static void appendRows(StringBuilder out, List<List<String>> rows) {
        if (rows.isEmpty()) {
            out.append(" none");
        }
        for (List<String> row : rows) {
            out.append("\n    ").append(format(row));
        }
    }

    /** Strings quoted so that trailing spaces and the empty string show; NULL bare. */
    static String format(List<String> row) {
        List<String> shown = new ArrayList<>(row.size());
        for (String v : row) {
            if (v == null) {
                shown.add("NULL");
            } else {
                String cut = v.length() > SHOWN_VALUE_CHARS ? v.substring(0, SHOWN_VALUE_CHARS) + "...(" + v.length() + " chars)" : v;
                shown.add("'" + cut + "'");
            }
        }
        return "(" + String.join(", ", shown) + ")";
    }
}
