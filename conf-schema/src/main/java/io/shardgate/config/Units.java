package io.shardgate.config;

import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes ({@code 64M}) and durations ({@code 5s}) as written in the configuration. Results saturate at
 * {@link Long#MAX_VALUE} rather than overflow, so an absurd value fails the caller's range check
 * instead of wrapping around into a plausible one.
 */
final class Units {

    private static final Pattern SIZE = Pattern.compile("(\\d+)([KkMmGg]?)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private Units() {
    }

    /** Bytes of {@code 65536}, {@code 512K}, {@code 64M} or {@code 1G} (1024-based, either case). */
    static OptionalLong parseSize(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        int shift = switch (m.group(2).toUpperCase()) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        long n = parseSaturated(m.group(1));
        return OptionalLong.of(n > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : n << shift);
    }

    /** Milliseconds of {@code 500ms}, {@code 5s}, {@code 1m}, or a bare number of milliseconds. */
    static OptionalLong parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long factor = switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 1;
        };
        long n = parseSaturated(m.group(1));
        return OptionalLong.of(n > Long.MAX_VALUE / factor ? Long.MAX_VALUE : n * factor);
    }

    /** The shortest exact way to write a byte count: {@code 1K}, {@code 64M}, {@code 1000}. */
    static String formatSize(long bytes) {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "G";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "M";
        }
        if (bytes != 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "K";
        }
        return Long.toString(bytes);
    }

    static String formatDuration(long millis) {
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis != 0 && millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    private static long parseSaturated(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooManyDigits) {
            return Long.MAX_VALUE;
        }
    }

    /** A size in {@code [min, max]} bytes given as an integer or a size string; {@code null} if invalid. */
    static Long size(YamlValue v, long min, long max) {
        return checked(v, min, max, "a size like 65536, 512K, 64M or 1G",
                v.raw() instanceof String s ? parseSize(s) : integer(v), Units::formatSize);
    }

    /** A duration in {@code [min, max]} milliseconds given as an integer or a duration string. */
    static Long duration(YamlValue v, long min, long max) {
        return checked(v, min, max, "a duration like 500ms, 5s or 1m",
                v.raw() instanceof String s ? parseDuration(s) : integer(v), Units::formatDuration);
    }

    private static OptionalLong integer(YamlValue v) {
        Long n = v.exactLong();
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }

    private static Long checked(YamlValue v, long min, long max, String expected, OptionalLong parsed,
            LongFunction<String> format) {
        if (parsed.isEmpty()) {
            return v.wrongType(expected);
        }
        long value = parsed.getAsLong();
        if (value < min) {
            v.problem("must be at least " + format.apply(min) + ", got " + YamlValue.describe(v.raw()));
            return null;
        }
        if (value > max) {
            v.problem("must be at most " + format.apply(max) + ", got " + YamlValue.describe(v.raw()));
            return null;
        }
        return value;
    }
}
