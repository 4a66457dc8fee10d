package io.shardgate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a {@code range} function: integer spans, each with its shard, and an optional default shard. */
final class RangeReader {

    private static final Set<String> KEYS = Set.of("name", "type", "ranges", "default");
    private static final Set<String> SPAN_KEYS = Set.of("from", "to", "shard");

    private RangeReader() {
    }

    static Range read(YamlMapping function, String name) {
        function.allowOnly(KEYS);
        List<Range.Span> spans = spans(function.get("ranges"));
        YamlValue defaultValue = function.get("default");
        Integer defaultShard = defaultValue.absent() ? null : FunctionSection.shard(defaultValue);
        if (spans == null || !defaultValue.absent() && defaultShard == null) {
            return null;
        }
        return new Range(name, spans, defaultShard);
    }

    private static List<Range.Span> spans(YamlValue value) {
        List<YamlValue> entries = value.list();
        if (entries == null) {
            return null;
        }
        if (entries.isEmpty()) {
            value.problem("must list at least one range");
            return null;
        }
        List<Range.Span> spans = new ArrayList<>();
        List<YamlValue> read = new ArrayList<>();
        boolean complete = true;
        for (YamlValue entry : entries) {
            Range.Span span = span(entry);
            if (span == null) {
                complete = false;
            } else {
                spans.add(span);
                read.add(entry);
            }
        }
        for (int[] pair : Range.overlaps(spans)) {
            Range.Span earlier = spans.get(pair[0]);
            read.get(pair[1]).problem("overlaps " + indexOf(read.get(pair[0])) + " (" + bound(earlier.from())
                    + " to " + bound(earlier.to()) + ")");
            complete = false;
        }
        return complete ? spans : null;
    }

    private static Range.Span span(YamlValue entry) {
        YamlMapping span = entry.mapping(SPAN_KEYS);
        if (span == null) {
            return null;
        }
        YamlValue fromValue = span.get("from");
        YamlValue toValue = span.get("to");
        Long from = fromValue.absent() ? null : fromValue.longInteger(Long.MIN_VALUE, Long.MAX_VALUE);
        Long to = toValue.absent() ? null : toValue.longInteger(Long.MIN_VALUE, Long.MAX_VALUE);
        Integer shard = FunctionSection.shard(span.get("shard"));
        boolean complete = (fromValue.absent() || from != null) && (toValue.absent() || to != null) && shard != null;
        if (from != null && to != null && from >= to) {
            toValue.problem("must be greater than from (" + from + "), got " + to);
            complete = false;
        }
        return complete ? new Range.Span(from, to, shard) : null;
    }

    // "ranges[0]" out of "functions[1].ranges[0]"
    private static String indexOf(YamlValue entry) {
        return entry.path().substring(entry.path().lastIndexOf('.') + 1);
    }

    private static String bound(Long value) {
        return value == null ? "unbounded" : value.toString();
    }
}
