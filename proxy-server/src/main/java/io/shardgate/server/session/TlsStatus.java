package io.shardgate.server.session;

import io.netty.handler.ssl.CipherSuiteConverter;
import java.util.Map;
import javax.net.ssl.SSLSession;

/**
 * What SHOW STATUS tells about a connection's TLS: {@code Ssl_cipher} and {@code Ssl_version},
 * empty without TLS, as MariaDB shows them. The cipher is given by its OpenSSL name as MariaDB
 * (built on OpenSSL) prints it, {@code ECDHE-RSA-AES256-GCM-SHA384} rather than JSSE's
 * {@code TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}; TLS 1.3 suites have one name in both.
 */
public record TlsStatus(String cipher, String version) {

    public static final TlsStatus NONE = new TlsStatus("", "");

    public static TlsStatus of(SSLSession tls) {
        return of(tls.getCipherSuite(), tls.getProtocol());
    }

    /** @param javaCipherSuite the suite's JSSE name; kept as it is when OpenSSL has no name for it */
    static TlsStatus of(String javaCipherSuite, String protocol) {
        String openSsl = CipherSuiteConverter.toOpenSsl(javaCipherSuite, false);
        return new TlsStatus(openSsl != null ? openSsl : javaCipherSuite, protocol);
    }

    void addTo(Map<String, Object> status) {
        status.put("Ssl_cipher", cipher);
        status.put("Ssl_version", version);
    }
}
