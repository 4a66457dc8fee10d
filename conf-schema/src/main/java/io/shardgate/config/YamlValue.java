package io.shardgate.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A value from the parsed YAML tree together with its path. The conversions report what is wrong
 * with the value under its path and return {@code null}, so that reading carries on and every
 * problem in the file is found in one pass.
 */
final class YamlValue {

    private final String path;
    private final Object raw;
    private final Problems problems;

    YamlValue(String path, Object raw, Problems problems) {
        this.path = path;
        this.raw = raw;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    Object raw() {
        return raw;
    }

    /** Absent keys and explicit nulls ({@code key:}, {@code key: ~}) mean the same: not given. */
    boolean absent() {
        return raw == null;
    }

    void problem(String message) {
        problems.add(path, message);
    }

    /**
     * The same value, reporting into {@code held} instead: a reader that can only finish checking an
     * entry after reading later ones holds its problems back, to report them in file order.
     */
    YamlValue reportingTo(Problems held) {
        return new YamlValue(path, raw, held);
    }

    /** Reports the problems held back in {@code held}, in order. */
    void reportAll(Problems held) {
        held.list().forEach(p -> problems.add(p.path(), p.message()));
    }

    YamlValue child(String key, Object childRaw) {
        return new YamlValue(path.isEmpty() ? key : path + "." + key, childRaw, problems);
    }

    String string() {
        if (raw instanceof String s) {
            return s;
        }
        return wrongType("a string");
    }

    /** A string that must not be empty, as every name, user and database is. */
    String nonEmptyString() {
        String s = string();
        if (s != null && s.isBlank()) {
            problem("must not be empty");
            return null;
        }
        return s;
    }

    Boolean bool() {
        if (raw instanceof Boolean b) {
            return b;
        }
        return wrongType("true or false");
    }

    /** An integer in {@code [min, max]}. */
    Integer integer(int min, int max) {
        Long value = longInteger(min, max, max == Integer.MAX_VALUE);
        return value == null ? null : value.intValue();
    }

    /** A 64-bit integer in {@code [min, max]}. */
    Long longInteger(long min, long max) {
        return longInteger(min, max, max == Long.MAX_VALUE);
    }

    private Long longInteger(long min, long max, boolean openEnded) {
        BigInteger value = switch (raw) {
            case Integer i -> BigInteger.valueOf(i);
            case Long l -> BigInteger.valueOf(l);
            case BigInteger b -> b;
            case null, default -> null;
        };
        if (value == null) {
            return wrongType("an integer");
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            boolean tooSmall = value.compareTo(BigInteger.valueOf(min)) < 0;
            problem(!openEnded ? "must be between " + min + " and " + max + ", got " + value
                    : tooSmall ? "must be at least " + min + ", got " + value
                    // only beyond the range of the type itself
                    : "must be at most " + max + ", got " + value);
            return null;
        }
        return value.longValue();
    }

    /** The raw value as a long if it is an integer (saturated beyond the long range), else null. */
    Long exactLong() {
        return switch (raw) {
            case Integer i -> (long) i;
            case Long l -> l;
            case BigInteger b when b.bitLength() < Long.SIZE -> b.longValue();
            // beyond long: saturate, so that the caller's range check rejects it on the right side
            case BigInteger b -> b.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            case null, default -> null;
        };
    }

    YamlMapping mapping() {
        if (raw instanceof Map<?, ?> map) {
            return new YamlMapping(this, map);
        }
        return wrongType("a mapping");
    }

    /** A mapping whose keys must all be among {@code keys}; unknown keys are reported as typos. */
    YamlMapping mapping(Set<String> keys) {
        YamlMapping mapping = mapping();
        if (mapping != null) {
            mapping.allowOnly(keys);
        }
        return mapping;
    }

    /** The elements of a list, each with its {@code [i]} path. */
    List<YamlValue> list() {
        if (!(raw instanceof List<?> list)) {
            return wrongType("a list");
        }
        List<YamlValue> elements = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            elements.add(new YamlValue(path + "[" + i + "]", list.get(i), problems));
        }
        return elements;
    }

    /** Reports that the value is missing or not {@code expected} (e.g. "an integer"); returns null. */
    <T> T wrongType(String expected) {
        if (raw == null) {
            // an empty "- " list entry is as much a missing value as a missing key
            problem(path.endsWith("]") ? "empty entry, expected " + expected : "required");
        } else if (raw instanceof Number || raw instanceof Boolean) {
            problem("expected " + expected + ", got " + describe(raw)
                    + (expected.equals("a string") ? " (put it in quotes to use it as text)" : ""));
        } else {
            problem("expected " + expected + ", got " + describe(raw));
        }
        return null;
    }

    static String describe(Object value) {
        return switch (value) {
            case null -> "nothing";
            case String s -> "'" + s + "'";
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case Map<?, ?> m -> "a mapping";
            case List<?> l -> "a list";
            default -> "a value of type " + value.getClass().getSimpleName();
        };
    }
}
