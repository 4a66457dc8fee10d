package io.shardgate.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TlsStatusTest {

    @Test
    void ciphersAreNamedAsOpenSslNamesThem() {
        assertThat(TlsStatus.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLSv1.2"))
                .isEqualTo(new TlsStatus("ECDHE-RSA-AES256-GCM-SHA384", "TLSv1.2"));
        assertThat(TlsStatus.of("TLS_AES_128_GCM_SHA256", "TLSv1.3"))
                .isEqualTo(new TlsStatus("TLS_AES_128_GCM_SHA256", "TLSv1.3"));
        assertThat(TlsStatus.of("TLS_NO_SUCH_SUITE", "TLSv1.3").cipher()).isEqualTo("TLS_NO_SUCH_SUITE");
    }

    @Test
    void plainConnectionsShowEmptyValues() {
        TreeMap<String, Object> status = new TreeMap<>();
        TlsStatus.NONE.addTo(status);
        assertThat(status).containsEntry("Ssl_cipher", "").containsEntry("Ssl_version", "");
    }
}
