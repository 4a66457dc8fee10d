package io.shardgate.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShardKeyValueTest {

    private static final int UTF8MB4_BIN = 46;
    private static final int UTF8MB4_GENERAL_CI = 45;
    private static final int UTF8MB4_UNICODE_CI = 224;

    private static ShardKeyColumn column(ValueKind kind) {
        return kind == null ? null : new ShardKeyColumn(kind, kind == ValueKind.STRING ? UTF8MB4_BIN : null);
    }

    private static Optional<Object> compared(Object value, ValueKind kind) {
        return ShardKeyValue.coerce(value, column(kind), false);
    }

    private static Optional<Object> stored(Object value, ValueKind kind) {
        return ShardKeyValue.coerce(value, column(kind), true);
    }

    /** The key a text column of collation {@code id} places {@code text} by. */
    private static byte[] key(String text, int id) {
        return io.shardgate.router.collation.Collations.byId(id).orElseThrow()
                .sortKey(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(ValueKind.class)
    void nullStaysNullForEveryKind(ValueKind kind) {
        assertThat(compared(Constants.NULL, kind)).containsSame(Constants.NULL);
        assertThat(stored(Constants.NULL, null)).containsSame(Constants.NULL);
    }

    @Test
    void withoutAKnownColumnValuesKeepTheirOwnType() {
        assertThat(compared(7L, null)).contains(7L);
        assertThat(compared("7", null)).contains("7");
        assertThat(compared(new BigInteger("18446744073709551617"), null)).contains(new BigInteger("18446744073709551617"));
        assertThat(compared(new BigDecimal("7.00"), null)).contains(7L);
        assertThat(compared(new BigDecimal("7.5"), null)).isEmpty();
        assertThat(compared(new byte[] {7}, null)).isEmpty();
    }

    @Test
    void integerColumnsReadNumericStringsAsNumbers() {
        assertThat(compared("7", ValueKind.INTEGER)).contains(7L);
        assertThat(compared(" -7 ", ValueKind.INTEGER)).contains(-7L);
        assertThat(compared("+7", ValueKind.INTEGER)).contains(7L);
        assertThat(compared("99999999999999999999", ValueKind.INTEGER)).contains(new BigInteger("99999999999999999999"));
        assertThat(stored("42", ValueKind.INTEGER)).contains(42L);
    }

    @Test
    void integerColumnsHaveNoSingleKeyForOtherStrings() {
        assertThat(compared("7abc", ValueKind.INTEGER)).isEmpty();
        assertThat(compared("7.0", ValueKind.INTEGER)).isEmpty();
        assertThat(compared("", ValueKind.INTEGER)).isEmpty();
        assertThat(compared(new byte[] {7}, ValueKind.INTEGER)).isEmpty();
    }

    @Test
    void integerColumnsTakeWholeDecimals() {
        assertThat(compared(new BigDecimal("7.000"), ValueKind.INTEGER)).contains(7L);
        assertThat(compared(new BigDecimal("1E+1"), ValueKind.INTEGER)).contains(10L);
        assertThat(compared(new BigDecimal("7.5"), ValueKind.INTEGER)).isEmpty();
    }

    @Test
    void decimalAndFloatColumnsHashWholeValuesLikeIntegers() {
        assertThat(compared("7", ValueKind.DECIMAL)).contains(7L);
        assertThat(compared(new BigDecimal("7.0"), ValueKind.FLOAT)).contains(7L);
        assertThat(compared(new BigDecimal("7.25"), ValueKind.DECIMAL)).isEmpty();
    }

    @Test
    void stringColumnsTakeStrings() {
        assertThat(compared("it's", ValueKind.STRING)).get().isEqualTo(key("it's", UTF8MB4_BIN));
        assertThat(stored("7", ValueKind.STRING)).get().isEqualTo(key("7", UTF8MB4_BIN));
    }

    /** As MariaDB 10.11 answers: general_ci weighs ß as s, unicode_ci as ss; both ignore trailing spaces. */
    @Test
    void textEqualUnderTheCollationIsOneKey() {
        ShardKeyColumn general = new ShardKeyColumn(ValueKind.STRING, UTF8MB4_GENERAL_CI);
        Object straße = ShardKeyValue.coerce("Straße", general, true).orElseThrow();
        assertThat(ShardKeyValue.coerce("STRASE ", general, false)).get().isEqualTo(straße);
        assertThat(ShardKeyValue.coerce("strasse", general, true)).get().isNotEqualTo(straße);
        ShardKeyColumn unicode = new ShardKeyColumn(ValueKind.STRING, UTF8MB4_UNICODE_CI);
        Object unicodeStraße = ShardKeyValue.coerce("Straße", unicode, true).orElseThrow();
        assertThat(ShardKeyValue.coerce("STRASSE ", unicode, false)).get().isEqualTo(unicodeStraße);
        assertThat(ShardKeyValue.coerce("strassen", unicode, true)).get().isNotEqualTo(unicodeStraße);
    }

    @Test
    void binaryColumnsArePlacedByTheirBytes() {
        ShardKeyColumn binary = new ShardKeyColumn(ValueKind.BINARY, null);
        assertThat(ShardKeyValue.coerce("abc", binary, true)).get().isEqualTo("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ShardKeyValue.coerce(new byte[] {1, 2}, binary, false)).get().isEqualTo(new byte[] {1, 2});
    }

    @Test
    void withoutTheCatalogATextKeyIsNotPlacedByGuess() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShardKeyValue.coerce("abc", null, true))
                .isInstanceOf(ShardGateException.class).hasMessageContaining("catalog");
        assertThat(ShardKeyValue.coerce(7L, null, true)).contains(7L);
    }

    @Test
    void aNumberComparedWithAStringColumnMatchesManyStrings() {
        assertThat(compared(7L, ValueKind.STRING)).isEmpty();
        assertThat(compared(new BigInteger("18446744073709551617"), ValueKind.STRING)).isEmpty();
    }

    @Test
    void aNumberStoredInAStringColumnBecomesItsText() {
        assertThat(stored(7L, ValueKind.STRING)).get().isEqualTo(key("7", UTF8MB4_BIN));
        assertThat(stored(-7L, ValueKind.STRING)).get().isEqualTo(key("-7", UTF8MB4_BIN));
        assertThat(stored(new BigInteger("18446744073709551617"), ValueKind.STRING)).get()
                .isEqualTo(key("18446744073709551617", UTF8MB4_BIN));
    }

    @Test
    void stringColumnsHaveNoKeyForDecimalsOrBytes() {
        assertThat(stored(new BigDecimal("1.5"), ValueKind.STRING)).isEmpty();
        assertThat(stored(new byte[] {0x41}, ValueKind.STRING)).isEmpty();
    }

    @Test
    void temporalAndOtherColumnsTakeValuesAtTheirOwnType() {
        assertThat(compared("2024-01-01", ValueKind.TEMPORAL)).contains("2024-01-01");
        assertThat(compared(20240101L, ValueKind.OTHER)).contains(20240101L);
    }

    @Test
    void valueKindsFromDataTypes() {
        assertThat(ValueKind.ofDataType("BIGINT")).isEqualTo(ValueKind.INTEGER);
        assertThat(ValueKind.ofDataType("year")).isEqualTo(ValueKind.INTEGER);
        assertThat(ValueKind.ofDataType("numeric")).isEqualTo(ValueKind.DECIMAL);
        assertThat(ValueKind.ofDataType("double")).isEqualTo(ValueKind.FLOAT);
        assertThat(ValueKind.ofDataType("enum")).isEqualTo(ValueKind.STRING);
        assertThat(ValueKind.ofDataType("datetime")).isEqualTo(ValueKind.TEMPORAL);
        assertThat(ValueKind.ofDataType("blob")).isEqualTo(ValueKind.BINARY);
        assertThat(ValueKind.ofDataType("json")).isEqualTo(ValueKind.OTHER);
    }
}
