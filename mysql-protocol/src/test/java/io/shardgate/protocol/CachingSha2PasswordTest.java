package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CachingSha2PasswordTest {

    private static final byte[] NONCE = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");

    /** Expected values computed with Python's hashlib from the formula in the MySQL documentation. */
    @Test
    void scrambleAndCacheEntryMatchAnIndependentComputation() {
        byte[] password = "test".getBytes(StandardCharsets.UTF_8);
        assertThat(HexFormat.of().formatHex(CachingSha2Password.scramble(password, NONCE)))
                .isEqualTo("57d50e6c81b94e997b336bdbd250fa359006a46ebc1acbf3bdb2ce1718de1ef8");
        assertThat(HexFormat.of().formatHex(CachingSha2Password.doubleSha256(password)))
                .isEqualTo("954d5a49fd70d9b8bcdb35d252267829957f7ef7fa6c74f88419bdc5e82209f4");
    }

    @Test
    void verifiesOnlyTheSamePasswordAndNonce() {
        byte[] cached = CachingSha2Password.doubleSha256("secret".getBytes(StandardCharsets.UTF_8));
        byte[] nonce = NativePassword.seed(new SecureRandom());
        byte[] scramble = CachingSha2Password.scramble("secret".getBytes(StandardCharsets.UTF_8), nonce);
        assertThat(CachingSha2Password.verify(cached, nonce, scramble)).isTrue();
        assertThat(CachingSha2Password.verify(cached, NONCE, scramble)).isFalse();
        assertThat(CachingSha2Password.verify(cached, nonce,
                CachingSha2Password.scramble("Secret".getBytes(StandardCharsets.UTF_8), nonce))).isFalse();
        assertThat(CachingSha2Password.verify(cached, nonce, new byte[31])).isFalse();
        assertThat(CachingSha2Password.verify(cached, nonce, new byte[0])).isFalse();
        assertThat(CachingSha2Password.scramble(new byte[0], nonce)).isEmpty();
    }

    @Test
    void nonceXorIsItsOwnInverseAndRepeatsTheNonce() {
        byte[] data = "a password longer than twenty bytes\0".getBytes(StandardCharsets.UTF_8);
        byte[] masked = CachingSha2Password.xorWithNonce(data, NONCE);
        assertThat(masked[20]).isEqualTo((byte) (data[20] ^ NONCE[0]));
        assertThat(CachingSha2Password.xorWithNonce(masked, NONCE)).isEqualTo(data);
    }

    @Test
    void clearAnswerEndsAtItsNul() {
        assertThat(CachingSha2Password.untilNul("pw\0".getBytes(StandardCharsets.UTF_8))).isEqualTo("pw".getBytes(StandardCharsets.UTF_8));
        assertThat(CachingSha2Password.untilNul("pw".getBytes(StandardCharsets.UTF_8))).isEqualTo("pw".getBytes(StandardCharsets.UTF_8));
        assertThat(CachingSha2Password.untilNul(new byte[] {0})).isEmpty();
    }
}
