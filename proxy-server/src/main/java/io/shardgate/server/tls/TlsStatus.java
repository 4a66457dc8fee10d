package io.shardgate.server.tls;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSession;

/**
 * A connection's TLS as SHOW STATUS reports it: {@code Ssl_cipher} and {@code Ssl_version}, empty
 * without TLS. MariaDB names ciphers as OpenSSL does; the JDK names them as the IANA registry does.
 * The two agree for TLS 1.3 ({@code TLS_AES_256_GCM_SHA384}); the TLS 1.2 suites the JDK offers by
 * default are translated (AEAD suites with ECDHE or DHE key exchange), any other keeps its IANA name.
 *
 * @param cipher  {@code Ssl_cipher}
 * @param version {@code Ssl_version} ({@code TLSv1.3})
 */
public record TlsStatus(String cipher, String version) {

    public static final TlsStatus NONE = new TlsStatus("", "");

    private static final Pattern TLS12_AEAD = Pattern.compile(
            "TLS_(ECDHE|DHE)_(RSA|ECDSA)_WITH_(AES_(128|256)_GCM_(SHA256|SHA384)|CHACHA20_POLY1305_SHA256)");

    public static TlsStatus of(SSLSession session) {
        return new TlsStatus(openSslName(session.getCipherSuite()), session.getProtocol());
    }

    /** {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256} is OpenSSL's {@code ECDHE-RSA-AES128-GCM-SHA256}. */
    static String openSslName(String iana) {
        Matcher m = TLS12_AEAD.matcher(iana);
        if (!m.matches()) {
            return iana;
        }
        String prefix = m.group(1) + "-" + m.group(2);
        return m.group(4) == null ? prefix + "-CHACHA20-POLY1305" : prefix + "-AES" + m.group(4) + "-GCM-" + m.group(5);
    }
}
