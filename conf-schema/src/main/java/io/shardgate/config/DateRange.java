package io.shardgate.config;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code date-range}: a date goes to shard {@code floor(units from start to the date / interval)},
 * counting whole days, weeks, months or years; with {@code interval: 1, unit: month} each shard holds
 * one calendar month when {@code start} is the first of a month. Dates outside the {@code count}
 * shards go to the default shard, if there is one.
 *
 * <p>Keys are {@link LocalDate}, {@link LocalDateTime} (its date counts) or a {@link String}
 * {@code YYYY-MM-DD}, optionally followed by a time ({@code 2024-03-05 14:30:00}).
 *
 * @param name         the function's configured name, for messages
 * @param unit         {@link ChronoUnit#DAYS}, {@link ChronoUnit#WEEKS}, {@link ChronoUnit#MONTHS} or
 *                     {@link ChronoUnit#YEARS}
 * @param interval     units per shard, at least 1
 * @param count        shards the dates from {@code start} on are spread over
 * @param defaultShard shard of dates before {@code start} or after the last shard, or null: such
 *                     dates have no shard
 */
public record DateRange(String name, LocalDate start, ChronoUnit unit, int interval, int count, Integer defaultShard)
        implements ShardFunction {

    public static final Set<ChronoUnit> UNITS = Set.of(ChronoUnit.DAYS, ChronoUnit.WEEKS, ChronoUnit.MONTHS,
            ChronoUnit.YEARS);

    // the date, then optionally a time after a space or a T, as MySQL writes DATETIME literals
    private static final Pattern TEXT =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?");

    public DateRange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        if (!UNITS.contains(unit)) {
            throw new IllegalArgumentException("unit must be DAYS, WEEKS, MONTHS or YEARS, was " + unit);
        }
        if (interval < 1 || count < 1) {
            throw new IllegalArgumentException("interval and count must be at least 1, were " + interval
                    + " and " + count);
        }
        if (defaultShard != null && defaultShard < 0) {
            throw new IllegalArgumentException("defaultShard must be at least 0, was " + defaultShard);
        }
    }

    /** {@code count}, or one more than the default shard if that lies beyond. */
    @Override
    public int shardCount() {
        return defaultShard == null ? count : Math.max(count, defaultShard + 1);
    }

    @Override
    public int shardOf(Object value) {
        LocalDate date = switch (value) {
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case String s -> parse(s).toLocalDate();
            case null, default -> throw new IllegalArgumentException("date-range function '" + name
                    + "' takes date keys, not " + IntegerKeys.typeOf(value));
        };
        long index = index(date);
        if (index >= 0 && index < count) {
            return (int) index;
        }
        if (defaultShard != null) {
            return defaultShard;
        }
        throw new NoShardException("date-range function '" + name + "' has no shard for " + value + ": it is "
                + (index < 0 ? "before " + start : "on or after " + start.plus((long) count * interval, unit))
                + " and there is no default");
    }

    /**
     * The shards of the dates between the bounds, plus the default shard when part of them lies
     * outside the {@code count} shards. Bounds count at day granularity: a {@link LocalDate} honours
     * its inclusive flag exactly; a date-time (or a string, which may be compared with a DATETIME
     * column) includes its own day as a low bound, since later times of that day may qualify, and as
     * a high bound unless it is exclusive at midnight. Empty (ask every shard) for a bound of another
     * type.
     */
    @Override
    public Optional<BitSet> shardsBetween(Object low, boolean lowInclusive, Object high, boolean highInclusive) {
        LocalDate first;
        LocalDate last;
        try {
            first = low == null ? null : firstDay(low, lowInclusive);
            last = high == null ? null : lastDay(high, highInclusive);
        } catch (IllegalArgumentException | DateTimeException cannotTell) {
            return Optional.empty();
        }
        BitSet shards = new BitSet();
        if (first != null && last != null && first.isAfter(last)) {
            return Optional.of(shards);
        }
        long from = first == null ? Long.MIN_VALUE : index(first);
        long to = last == null ? Long.MAX_VALUE : index(last);
        if (from < count && to >= 0) {
            shards.set((int) Math.max(from, 0), (int) Math.min(to, count - 1) + 1);
        }
        if (defaultShard != null && (from < 0 || to >= count)) {
            shards.set(defaultShard);
        }
        return Optional.of(shards);
    }

    private static LocalDate firstDay(Object bound, boolean inclusive) {
        return switch (bound) {
            case LocalDate d -> inclusive ? d : d.plusDays(1);
            case LocalDateTime t -> t.toLocalDate();
            case String s -> parse(s).toLocalDate();
            default -> throw new IllegalArgumentException("not a date");
        };
    }

    private static LocalDate lastDay(Object bound, boolean inclusive) {
        return switch (bound) {
            case LocalDate d -> inclusive ? d : d.minusDays(1);
            case LocalDateTime t -> lastDay(t, inclusive);
            case String s -> lastDay(parse(s), inclusive);
            default -> throw new IllegalArgumentException("not a date");
        };
    }

    // below midnight no time of that day qualifies; below any later time, the day's midnight does
    private static LocalDate lastDay(LocalDateTime bound, boolean inclusive) {
        boolean midnight = bound.toLocalTime().equals(LocalTime.MIDNIGHT);
        return !inclusive && midnight ? bound.toLocalDate().minusDays(1) : bound.toLocalDate();
    }

    // the shard index the date falls in, negative before start; ChronoUnit.between truncates towards
    // zero, so for a date before start it is made to round down instead: 2023-12-31 is month -1 of a
    // start of 2024-01-01, not month 0
    private long index(LocalDate date) {
        long units = unit.between(start, date);
        if (date.isBefore(start) && !start.plus(units, unit).equals(date)) {
            units--;
        }
        return Math.floorDiv(units, (long) interval);
    }

    /** {@code YYYY-MM-DD}, optionally followed by a time; a date alone is midnight. */
    static LocalDateTime parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a date like 2024-03-05, got '" + text + "'");
        }
        try {
            LocalDate date = LocalDate.parse(m.group(1));
            return m.group(2) == null ? date.atStartOfDay() : date.atTime(LocalTime.parse(m.group(2)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid date: '" + text + "'", e);
        }
    }
}
