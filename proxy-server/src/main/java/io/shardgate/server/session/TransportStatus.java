package io.shardgate.server.session;

import io.netty.handler.ssl.CipherSuiteConverter;
import java.util.Map;
import javax.net.ssl.SSLSession;

/**
 * What SHOW STATUS tells about a connection's transport, as MariaDB shows it: {@code Ssl_cipher}
 * and {@code Ssl_version} (empty without TLS) and {@code Compression} (ON/OFF). The cipher is
 * given by its OpenSSL name as MariaDB (built on OpenSSL) prints it, {@code ECDHE-RSA-AES256-GCM-SHA384}
 * rather than JSSE's {@code TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}; TLS 1.3 suites have one name in both.
 */
public record TransportStatus(String cipher, String version, boolean compressed) {

    /** Plain TCP, uncompressed. */
    public static final TransportStatus PLAIN = new TransportStatus("", "", false);

    /** @param tls the TLS session, or null on plain TCP */
    public static TransportStatus of(SSLSession tls, boolean compressed) {
        return tls == null ? new TransportStatus("", "", compressed) : of(tls.getCipherSuite(), tls.getProtocol(), compressed);
    }

    /** @param javaCipherSuite the suite's JSSE name; kept as it is when OpenSSL has no name for it */
    static TransportStatus of(String javaCipherSuite, String protocol, boolean compressed) {
        String openSsl = CipherSuiteConverter.toOpenSsl(javaCipherSuite, false);
        return new TransportStatus(openSsl != null ? openSsl : javaCipherSuite, protocol, compressed);
    }

    /**
     * What SHOW GLOBAL STATUS shows: MariaDB's global Ssl_cipher and Ssl_version are empty, while
     * Compression is the connection's own value in both scopes.
     */
    TransportStatus global() {
        return new TransportStatus("", "", compressed);
    }

    void addTo(Map<String, Object> status) {
        status.put("Ssl_cipher", cipher);
        status.put("Ssl_version", version);
        status.put("Compression", compressed ? "ON" : "OFF");
    }
}
