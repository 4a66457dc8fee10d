package io.shardgate.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TlsStatusTest {

    /** The names OpenSSL (and so MariaDB's Ssl_cipher and the mariadb client) gives these suites. */
    @Test
    void tls12SuitesGetOpenSslNames() {
        assertThat(TlsStatus.openSslName("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
        assertThat(TlsStatus.openSslName("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")).isEqualTo("ECDHE-ECDSA-AES256-GCM-SHA384");
        assertThat(TlsStatus.openSslName("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384")).isEqualTo("DHE-RSA-AES256-GCM-SHA384");
        assertThat(TlsStatus.openSslName("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")).isEqualTo("ECDHE-RSA-CHACHA20-POLY1305");
    }

    @Test
    void tls13AndUnknownSuitesKeepTheirNames() {
        assertThat(TlsStatus.openSslName("TLS_AES_256_GCM_SHA384")).isEqualTo("TLS_AES_256_GCM_SHA384");
        assertThat(TlsStatus.openSslName("TLS_CHACHA20_POLY1305_SHA256")).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
        assertThat(TlsStatus.openSslName("TLS_RSA_WITH_AES_128_CBC_SHA")).isEqualTo("TLS_RSA_WITH_AES_128_CBC_SHA");
    }
}
