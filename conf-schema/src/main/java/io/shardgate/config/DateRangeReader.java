package io.shardgate.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a {@code date-range} function: a start date, a unit, units per shard, a count and a default. */
final class DateRangeReader {

    private static final Set<String> KEYS = Set.of("name", "type", "start", "unit", "interval", "count", "default");
    private static final Map<String, ChronoUnit> UNITS = Map.of("day", ChronoUnit.DAYS, "week", ChronoUnit.WEEKS,
            "month", ChronoUnit.MONTHS, "year", ChronoUnit.YEARS);

    private DateRangeReader() {
    }

    static DateRange read(YamlMapping function, String name) {
        function.allowOnly(KEYS);
        LocalDate start = start(function.get("start"));
        ChronoUnit unit = unit(function.get("unit"));
        Integer interval = function.optional("interval", 1, v -> v.integer(1, Integer.MAX_VALUE));
        Integer count = function.get("count").integer(1, Integer.MAX_VALUE);
        YamlValue defaultValue = function.get("default");
        Integer defaultShard = defaultValue.absent() ? null : FunctionSection.shard(defaultValue);
        if (start == null || unit == null || interval == null || count == null
                || !defaultValue.absent() && defaultShard == null) {
            return null;
        }
        return new DateRange(name, start, unit, interval, count, defaultShard);
    }

    private static LocalDate start(YamlValue value) {
        if (!(value.raw() instanceof String text)) {
            return value.wrongType("a date like 2024-01-01");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            value.problem("expected a date like 2024-01-01, got '" + text + "'");
            return null;
        }
    }

    private static ChronoUnit unit(YamlValue value) {
        String text = value.nonEmptyString();
        if (text == null) {
            return null;
        }
        ChronoUnit unit = UNITS.get(text.toLowerCase(Locale.ROOT));
        if (unit == null) {
            value.problem("unknown unit '" + text + "' (known: day, week, month, year)");
        }
        return unit;
    }
}
