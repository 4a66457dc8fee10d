package io.shardgate.protocol.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MariaDbCharsetTest {

    private static final String EMOJI = "\uD83D\uDE00"; // U+1F600, 4 bytes in UTF-8

    @Test
    void utf8mb4DecodesWellFormedTextAsUtf8() {
        String text = "a\u00e9\u20ac" + EMOJI + "\0z";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(MariaDbCharset.UTF8MB4.decode(bytes)).isEqualTo(text);
        assertThat(MariaDbCharset.UTF8MB4.encode(text)).isEqualTo(bytes);
    }

    @Test
    void everyByteSequenceSurvivesDecodingAndEncoding() {
        Random random = new Random(42);
        for (MariaDbCharset cs : new MariaDbCharset[] {MariaDbCharset.UTF8MB4, MariaDbCharset.UTF8MB3,
                MariaDbCharset.BINARY, MariaDbCharset.LATIN1}) {
            for (int i = 0; i < 2000; i++) {
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                assertThat(cs.encode(cs.decode(bytes))).as("%s %d", cs, i).isEqualTo(bytes);
            }
        }
    }

    @Test
    void malformedBytesBecomeEscapesThatAreNotUtf8() {
        byte[] bytes = {'a', (byte) 0xFF, (byte) 0xC3, 'b', (byte) 0xE2, (byte) 0x82};
        String decoded = MariaDbCharset.UTF8MB4.decode(bytes);
        assertThat(decoded).isEqualTo("a\uDCFF\uDCC3b\uDCE2\uDC82");
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(decoded)).isFalse();
    }

    @Test
    void overlongFormsAndEncodedSurrogatesAreNotCharacters() {
        byte[] overlongSlash = {(byte) 0xC0, (byte) 0xAF};
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThat(MariaDbCharset.UTF8MB4.decode(overlongSlash)).isEqualTo("\uDCC0\uDCAF");
        assertThat(MariaDbCharset.UTF8MB4.decode(surrogate)).isEqualTo("\uDCED\uDCA0\uDC80");
    }

    @Test
    void utf8mb3HasNoFourByteCharacters() {
        byte[] emoji = EMOJI.getBytes(StandardCharsets.UTF_8);
        assertThat(MariaDbCharset.UTF8MB3.decode(emoji)).isEqualTo("\uDCF0\uDC9F\uDC98\uDC80");
        assertThat(MariaDbCharset.UTF8MB3.encode("x" + EMOJI + "y")).isEqualTo(new byte[] {'x', '?', 'y'});
        assertThat(MariaDbCharset.UTF8MB4.encode("x" + EMOJI)).isEqualTo(("x" + EMOJI).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void latin1IsMariaDbsWindows1252() {
        assertThat(MariaDbCharset.LATIN1.decode(new byte[] {(byte) 0xE9, (byte) 0x80, (byte) 0x81, (byte) 0x9D}))
                .isEqualTo("\u00e9\u20ac\u0081\u009d");
        assertThat(MariaDbCharset.LATIN1.encode("\u00e9\u20ac")).isEqualTo(new byte[] {(byte) 0xE9, (byte) 0x80});
        // One '?' per character that latin1 lacks, as MariaDB converts
        assertThat(MariaDbCharset.LATIN1.encode("a\u4e2d" + EMOJI + "b")).isEqualTo(new byte[] {'a', '?', '?', 'b'});
    }

    @Test
    void clientCharsetsByMariaDbName() {
        assertThat(MariaDbCharset.forClient("UTF8")).contains(MariaDbCharset.UTF8MB3);
        assertThat(MariaDbCharset.forClient("latin1")).contains(MariaDbCharset.LATIN1);
        assertThat(MariaDbCharset.forClient("binary").orElseThrow().maxBytes()).isEqualTo(1);
        assertThat(MariaDbCharset.forClient("gbk").orElseThrow().maxBytes()).isEqualTo(2);
        assertThat(MariaDbCharset.forClient("ucs2")).isEmpty();
        assertThat(MariaDbCharset.forClient("nonsense")).isEmpty();
        assertThat(MariaDbCharset.UTF8MB4.isUtf8()).isTrue();
        assertThat(MariaDbCharset.BINARY.isUtf8()).isFalse();
    }
}
