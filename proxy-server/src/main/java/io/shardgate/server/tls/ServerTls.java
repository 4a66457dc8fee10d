package io.shardgate.server.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.shardgate.config.TlsConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for the client ports: the certificate and key from the configuration, or a self-signed
 * certificate generated at start. The JDK's TLS implementation, TLS 1.2 and 1.3.
 */
public final class ServerTls {

    private static final Logger log = LoggerFactory.getLogger(ServerTls.class);
    private static final Duration GENERATED_VALIDITY = Duration.ofDays(365);

    private final SslContext context;
    private final X509Certificate certificate;

    private ServerTls(SslContext context, X509Certificate certificate) {
        this.context = context;
        this.certificate = certificate;
    }

    /** TLS as configured, or null when the configuration turns it off. */
    public static ServerTls of(TlsConfig config) throws IOException, GeneralSecurityException {
        if (!config.enabled()) {
            return null;
        }
        if (config.certificate() != null) {
            List<X509Certificate> chain = Pem.readCertificates(config.certificate());
            PrivateKey key = Pem.readPrivateKey(config.key());
            ServerTls tls = new ServerTls(build(key, chain), chain.getFirst());
            log.info("TLS certificate {} from {} (SHA-256 fingerprint {})", chain.getFirst().getSubjectX500Principal(),
                    config.certificate(), tls.fingerprint());
            return tls;
        }
        SelfSignedCertificate.Generated generated = SelfSignedCertificate.generate("ShardGate", List.of("localhost"),
                List.of(InetAddress.getLoopbackAddress()), GENERATED_VALIDITY, new SecureRandom());
        ServerTls tls = new ServerTls(build(generated.keys().getPrivate(), List.of(generated.certificate())),
                generated.certificate());
        log.info("TLS with a self-signed certificate generated at start (no server.tls.certificate configured);"
                + " SHA-256 fingerprint {}", tls.fingerprint());
        return tls;
    }

    private static SslContext build(PrivateKey key, List<X509Certificate> chain) throws IOException {
        return SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
    }

    public SslHandler newHandler(ByteBufAllocator allocator) {
        return context.newHandler(allocator);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the certificate, as {@code openssl x509 -fingerprint -sha256} prints it. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256 and encodes certificates", e);
        }
    }
}
