package io.shardgate.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TransportStatusTest {

    @Test
    void ciphersAreNamedAsOpenSslNamesThem() {
        assertThat(TransportStatus.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLSv1.2", false))
                .isEqualTo(new TransportStatus("ECDHE-RSA-AES256-GCM-SHA384", "TLSv1.2", false));
        assertThat(TransportStatus.of("TLS_AES_128_GCM_SHA256", "TLSv1.3", true))
                .isEqualTo(new TransportStatus("TLS_AES_128_GCM_SHA256", "TLSv1.3", true));
        assertThat(TransportStatus.of("TLS_NO_SUCH_SUITE", "TLSv1.3", false).cipher()).isEqualTo("TLS_NO_SUCH_SUITE");
    }

    @Test
    void statusVariablesAsMariaDbNamesThem() {
        TreeMap<String, Object> plain = new TreeMap<>();
        TransportStatus.PLAIN.addTo(plain);
        assertThat(plain).containsExactly(java.util.Map.entry("Compression", "OFF"), java.util.Map.entry("Ssl_cipher", ""),
                java.util.Map.entry("Ssl_version", ""));

        TreeMap<String, Object> compressed = new TreeMap<>();
        TransportStatus.of(null, true).addTo(compressed);
        assertThat(compressed).containsEntry("Compression", "ON").containsEntry("Ssl_cipher", "");
    }

    @Test
    void globalStatusHasNoCipherButTheConnectionsCompression() {
        TreeMap<String, Object> global = new TreeMap<>();
        TransportStatus.of("TLS_AES_128_GCM_SHA256", "TLSv1.3", true).global().addTo(global);
        assertThat(global).containsEntry("Ssl_cipher", "").containsEntry("Ssl_version", "").containsEntry("Compression", "ON");
    }
}
