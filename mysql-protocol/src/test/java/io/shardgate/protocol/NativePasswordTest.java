package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NativePasswordTest {

    /** Right-hand sides are MariaDB 10.11's {@code SELECT PASSWORD(...)}. */
    @ParameterizedTest
    @CsvSource({
        "74657374, *94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29",          // 'test'
        "704073732077307264, *537DDE261C2E4B692A0830EFCB37A56DBD3D49CE",  // 'p@ss w0rd'
        "00ff, *E73FA6BCA6EA55761379D611899B4D75AF039928",              // x'00ff'
    })
    void doubleSha1MatchesMariaDbPasswordFunction(String passwordHex, String mariadb) {
        byte[] password = HexFormat.of().parseHex(passwordHex);
        assertThat(NativePassword.doubleSha1(password)).isEqualTo(NativePassword.parseStoredHash(mariadb));
    }

    @Test
    void emptyPasswordIsStoredEmptyAndAnsweredEmpty() {
        byte[] seed = NativePassword.seed(new SecureRandom());
        assertThat(NativePassword.doubleSha1(new byte[0])).isEmpty();
        assertThat(NativePassword.parseStoredHash("")).isEmpty(); // PASSWORD('') is ''
        assertThat(NativePassword.scramble(new byte[0], seed)).isEmpty();
        assertThat(NativePassword.verify(new byte[0], seed, new byte[0])).isTrue();
        assertThat(NativePassword.verify(new byte[0], seed, new byte[20])).isFalse();
        byte[] stored = NativePassword.doubleSha1("x".getBytes(StandardCharsets.UTF_8));
        assertThat(NativePassword.verify(stored, seed, new byte[0])).isFalse();
    }

    @Test
    void scrambleVerifiesOnlyForTheSamePasswordAndSeed() {
        SecureRandom random = new SecureRandom();
        byte[] password = "sesame ✓".getBytes(StandardCharsets.UTF_8);
        byte[] stored = NativePassword.doubleSha1(password);
        for (int i = 0; i < 50; i++) {
            byte[] seed = NativePassword.seed(random);
            byte[] response = NativePassword.scramble(password, seed);
            assertThat(response).hasSize(20);
            assertThat(NativePassword.verify(stored, seed, response)).isTrue();
            assertThat(NativePassword.verify(stored, NativePassword.seed(random), response)).isFalse();
            response[i % 20] ^= 0x40;
            assertThat(NativePassword.verify(stored, seed, response)).isFalse();
        }
        assertThat(NativePassword.verify(stored, new byte[20], new byte[19])).isFalse();
        assertThat(NativePassword.verify(new byte[19], new byte[20], new byte[20])).isFalse();
    }

    @Test
    void seedBytesFollowMySqlsRule() {
        SecureRandom random = new SecureRandom();
        boolean[] seen = new boolean[256];
        for (int i = 0; i < 2000; i++) {
            byte[] seed = NativePassword.seed(random);
            assertThat(seed).hasSize(20);
            for (byte b : seed) {
                assertThat((int) b).isBetween(1, 127).isNotEqualTo((int) '$');
                seen[b] = true;
            }
        }
        assertThat(seen[1]).isTrue();
        assertThat(seen[127]).isTrue();
    }

    @Test
    void storedHashMustBeStarAndFortyHexDigits() {
        assertThatThrownBy(() -> NativePassword.parseStoredHash("94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NativePassword.parseStoredHash("*94BD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NativePassword.parseStoredHash("*ZZBDCEBE19083CE2A1F959FD02F964C7AF4CFC29"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
