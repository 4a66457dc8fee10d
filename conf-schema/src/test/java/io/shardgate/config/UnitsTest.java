package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,          0
            1024,       1024
            1K,         1024
            1k,         1024
            512K,       524288
            64M,        67108864
            64m,        67108864
            1G,         1073741824
            3G,         3221225472
            """)
    void sizesAre1024Based(String text, long bytes) {
        assertThat(Units.parseSize(text)).hasValue(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K", "64MB", "64 M", " 64M", "1.5M", "-1K", "1T", "0x10", "64MiB"})
    void malformedSizes(String text) {
        assertThat(Units.parseSize(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999", "9999999999G", "8589934592G"})
    void hugeSizesSaturateInsteadOfWrapping(String text) {
        assertThat(Units.parseSize(text)).hasValue(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,      0
            250,    250
            500ms,  500
            5s,     5000
            1m,     60000
            90s,    90000
            """)
    void durationsAreMilliseconds(String text, long millis) {
        assertThat(Units.parseDuration(text)).hasValue(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ms", "5 s", "5S", "1.5s", "-5s", "5h", "5sec", "PT5S"})
    void malformedDurations(String text) {
        assertThat(Units.parseDuration(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999ms", "999999999999999999m"})
    void hugeDurationsSaturate(String text) {
        assertThat(Units.parseDuration(text)).hasValue(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1024,        1K
            1073741824,  1G
            67108864,    64M
            1536,        1536
            1025,        1025
            0,           0
            """)
    void sizesAreFormattedExactly(long bytes, String text) {
        assertThat(Units.formatSize(bytes)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            250,         250ms
            5000,        5s
            60000,       1m
            90000,       90s
            2147483647,  2147483647ms
            """)
    void durationsAreFormattedExactly(long millis, String text) {
        assertThat(Units.formatDuration(millis)).isEqualTo(text);
    }
}
