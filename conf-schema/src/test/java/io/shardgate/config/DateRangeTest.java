package io.shardgate.config;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MONTHS;
import static java.time.temporal.ChronoUnit.WEEKS;
import static java.time.temporal.ChronoUnit.YEARS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.shardgate.config.ShardFunction.NoShardException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateRangeTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    /** One shard per month of 2024, nothing else. */
    private static final DateRange BY_MONTH = new DateRange("by_month", JAN_1, MONTHS, 1, 12, null);
    /** The same, with dates outside 2024 on shard 0. */
    private static final DateRange BY_MONTH_DEFAULT = new DateRange("by_month", JAN_1, MONTHS, 1, 12, 0);

    @ParameterizedTest
    @CsvSource(textBlock = """
            2024-01-01, 0
            2024-01-31, 0
            2024-02-01, 1
            2024-02-29, 1
            2024-03-01, 2
            2024-12-31, 11
            """)
    void eachMonthItsShard(LocalDate date, int shard) {
        assertThat(BY_MONTH.shardOf(date)).isEqualTo(shard);
        assertThat(BY_MONTH.shardOf(date.atTime(23, 59, 59))).isEqualTo(shard);
        assertThat(BY_MONTH.shardOf(date.toString())).isEqualTo(shard);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-15", "2024-03-15 10:00", "2024-03-15 10:00:00", "2024-03-15T10:00:00",
            "2024-03-15 10:00:00.123456", "2024-03-31 23:59:59.999999999"})
    void stringsAreADateOptionallyWithATime(String text) {
        assertThat(BY_MONTH.shardOf(text)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-3-15", "2024-02-30", "2024-03-15 25:00", "2024-03-15x", "yesterday", ""})
    void otherStringsAreRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> BY_MONTH.shardOf(text));
    }

    @Test
    void otherKeyTypesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> BY_MONTH.shardOf(20240101L))
                .withMessage("date-range function 'by_month' takes date keys, not Long");
    }

    @Test
    void datesOutsideTheShardsGoToTheDefault() {
        assertThat(BY_MONTH_DEFAULT.shardOf(LocalDate.of(2025, 1, 1))).isEqualTo(0);
        assertThat(BY_MONTH_DEFAULT.shardOf(LocalDate.of(2023, 12, 31))).isEqualTo(0);
        DateRange overflow = new DateRange("d", JAN_1, MONTHS, 1, 12, 12);
        assertThat(overflow.shardOf(LocalDate.of(2030, 5, 1))).isEqualTo(12);
        assertThat(overflow.shardCount()).isEqualTo(13);
        assertThat(BY_MONTH_DEFAULT.shardCount()).isEqualTo(12);
    }

    @Test
    void withoutDefaultTheyHaveNoShard() {
        // less than a month before the start is still before it
        assertThatExceptionOfType(NoShardException.class).isThrownBy(() -> BY_MONTH.shardOf(LocalDate.of(2023, 12, 31)))
                .withMessage("date-range function 'by_month' has no shard for 2023-12-31: it is before 2024-01-01"
                        + " and there is no default");
        assertThatExceptionOfType(NoShardException.class).isThrownBy(() -> BY_MONTH.shardOf("2025-01-01 00:00:00"))
                .withMessage("date-range function 'by_month' has no shard for 2025-01-01 00:00:00: it is on or after"
                        + " 2025-01-01 and there is no default");
    }

    @Test
    void intervalGroupsUnits() {
        DateRange quarters = new DateRange("q", JAN_1, MONTHS, 3, 4, null);
        assertThat(quarters.shardOf(LocalDate.of(2024, 3, 31))).isEqualTo(0);
        assertThat(quarters.shardOf(LocalDate.of(2024, 4, 1))).isEqualTo(1);
        assertThat(quarters.shardOf(LocalDate.of(2024, 12, 31))).isEqualTo(3);
        DateRange tenDays = new DateRange("t", JAN_1, DAYS, 10, 3, null);
        assertThat(tenDays.shardOf(LocalDate.of(2024, 1, 10))).isEqualTo(0);
        assertThat(tenDays.shardOf(LocalDate.of(2024, 1, 11))).isEqualTo(1);
        assertThat(tenDays.shardOf(LocalDate.of(2024, 1, 30))).isEqualTo(2);
        assertThatExceptionOfType(NoShardException.class).isThrownBy(() -> tenDays.shardOf(LocalDate.of(2024, 1, 31)));
    }

    @Test
    void weeksAndYears() {
        DateRange weeks = new DateRange("w", JAN_1, WEEKS, 1, 52, null); // 2024-01-01 is a Monday
        assertThat(weeks.shardOf(LocalDate.of(2024, 1, 7))).isEqualTo(0);
        assertThat(weeks.shardOf(LocalDate.of(2024, 1, 8))).isEqualTo(1);
        DateRange years = new DateRange("y", JAN_1, YEARS, 1, 5, null);
        assertThat(years.shardOf(LocalDate.of(2028, 12, 31))).isEqualTo(4);
        assertThat(years.shardOf(LocalDateTime.of(2026, 2, 28, 12, 0))).isEqualTo(2);
        assertThatExceptionOfType(NoShardException.class).isThrownBy(() -> years.shardOf(LocalDate.of(2029, 1, 1)));
    }

    @Test
    void constructorChecksItsArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DateRange("d", JAN_1, ChronoUnit.HOURS, 1, 1, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new DateRange("d", JAN_1, MONTHS, 0, 1, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new DateRange("d", JAN_1, MONTHS, 1, 0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new DateRange("d", JAN_1, MONTHS, 1, 1, -1));
    }

    @Test
    void dateBoundsHonourInclusiveness() {
        assertThat(between(BY_MONTH, date(2024, 2, 10), true, date(2024, 4, 5), true)).isEqualTo(bits(1, 2, 3));
        assertThat(between(BY_MONTH, date(2024, 1, 31), false, date(2024, 2, 29), true)).isEqualTo(bits(1));
        assertThat(between(BY_MONTH, date(2024, 1, 31), true, date(2024, 2, 29), true)).isEqualTo(bits(0, 1));
        assertThat(between(BY_MONTH, JAN_1, true, date(2024, 2, 1), false)).isEqualTo(bits(0));
        assertThat(between(BY_MONTH, JAN_1, true, date(2024, 2, 1), true)).isEqualTo(bits(0, 1));
        assertThat(between(BY_MONTH, date(2024, 3, 5), false, date(2024, 3, 5), false)).isEqualTo(bits());
    }

    @Test
    void dateTimeAndStringBoundsCountTheirDay() {
        // a later time of the same day may qualify, whatever the flag
        assertThat(between(BY_MONTH, LocalDateTime.of(2024, 1, 31, 10, 0), false, date(2024, 2, 15), true))
                .isEqualTo(bits(0, 1));
        assertThat(between(BY_MONTH, "2024-01-31", false, "2024-02-15", true)).isEqualTo(bits(0, 1));
        // below midnight nothing of that day qualifies; below any later time, midnight does
        assertThat(between(BY_MONTH, JAN_1, true, LocalDateTime.of(2024, 2, 1, 0, 0), false)).isEqualTo(bits(0));
        assertThat(between(BY_MONTH, JAN_1, true, "2024-02-01", false)).isEqualTo(bits(0));
        assertThat(between(BY_MONTH, JAN_1, true, "2024-02-01 00:00:01", false)).isEqualTo(bits(0, 1));
        assertThat(between(BY_MONTH, JAN_1, true, LocalDateTime.of(2024, 2, 1, 0, 0), true)).isEqualTo(bits(0, 1));
    }

    @Test
    void unboundedAndOutsideParts() {
        assertThat(between(BY_MONTH, null, true, null, true)).isEqualTo(bits(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        assertThat(between(BY_MONTH, null, true, date(2024, 3, 1), true)).isEqualTo(bits(0, 1, 2));
        assertThat(between(BY_MONTH, date(2025, 6, 1), true, null, true)).isEqualTo(bits());
        DateRange overflow = new DateRange("d", JAN_1, MONTHS, 1, 12, 12);
        assertThat(between(overflow, date(2024, 11, 15), true, null, true)).isEqualTo(bits(10, 11, 12));
        assertThat(between(overflow, date(2024, 11, 15), true, date(2024, 12, 15), true)).isEqualTo(bits(10, 11));
        assertThat(between(overflow, date(2023, 11, 15), true, JAN_1, true)).isEqualTo(bits(0, 12));
    }

    @Test
    void cannotTellForBoundsOfOtherTypes() {
        assertThat(BY_MONTH.shardsBetween(1L, true, 2L, true)).isEmpty();
        assertThat(BY_MONTH.shardsBetween("soon", true, null, true)).isEmpty();
    }

    /** Date bounds against asking shardOf for each day between them. */
    @Test
    void agreesWithShardOfForEveryDayInTheInterval() {
        Random random = new Random(7);
        for (DateRange range : List.of(BY_MONTH, BY_MONTH_DEFAULT, new DateRange("q", date(2024, 2, 15), WEEKS, 3, 9, 9))) {
            for (int i = 0; i < 500; i++) {
                LocalDate low = date(2023, 10, 1).plusDays(random.nextInt(500));
                LocalDate high = low.plusDays(random.nextInt(-3, 120));
                boolean lowInclusive = random.nextBoolean();
                boolean highInclusive = random.nextBoolean();
                BitSet expected = new BitSet();
                LocalDate last = highInclusive ? high : high.minusDays(1);
                for (LocalDate d = lowInclusive ? low : low.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
                    try {
                        expected.set(range.shardOf(d));
                    } catch (NoShardException none) {
                        // no shard holds it
                    }
                }
                assertThat(between(range, low, lowInclusive, high, highInclusive))
                        .as("%s %s%s, %s%s", range.name(), lowInclusive ? "[" : "(", low, high, highInclusive ? "]" : ")")
                        .isEqualTo(expected);
            }
        }
    }

    private static BitSet between(DateRange range, Object low, boolean lowInclusive, Object high, boolean highInclusive) {
        return range.shardsBetween(low, lowInclusive, high, highInclusive).orElseThrow();
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static BitSet bits(int... shards) {
        BitSet bits = new BitSet();
        for (int shard : shards) {
            bits.set(shard);
        }
        return bits;
    }
}
