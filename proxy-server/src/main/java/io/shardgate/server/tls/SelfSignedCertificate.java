package io.shardgate.server.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-signed RSA certificate made at start when no certificate is configured, so that clients
 * can always use TLS (they cannot verify it; its fingerprint is logged to pin it by hand). Also
 * used by tests to make a certificate file to configure.
 *
 * <p>Subject and issuer are {@code CN=<commonName>}; the subjectAltName lists the DNS names and IP
 * addresses given, which is what clients that verify the host (the {@code mariadb} client's
 * {@code --ssl-verify-server-cert}) compare the address they connected to with.
 */
public final class SelfSignedCertificate {

    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private SelfSignedCertificate() {}

    /** The generated key and its certificate. */
    public record Generated(KeyPair keys, X509Certificate certificate) {
    }

    public static Generated generate(String commonName, List<String> dnsNames, List<InetAddress> addresses,
                                     Duration validity, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        KeyPair keys = generator.generateKeyPair();
        // a day back, for clients whose clocks are a little behind
        Instant notBefore = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(commonName))));
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)), // v3
                Der.integer(new BigInteger(127, random).add(BigInteger.ONE)), // positive, at most 16 bytes
                algorithm,
                name,
                Der.sequence(Der.time(notBefore), Der.time(notBefore.plus(validity))),
                name,
                keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, already DER
                Der.explicit(3, Der.sequence(
                        extension(BASIC_CONSTRAINTS, true, Der.sequence()), // cA false: an end-entity certificate
                        extension(SUBJECT_ALT_NAME, false, altNames(dnsNames, addresses)))));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate(), random);
        signer.update(tbs);
        byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        certificate.verify(keys.getPublic());
        return new Generated(keys, certificate);
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    private static byte[] altNames(List<String> dnsNames, List<InetAddress> addresses) {
        List<byte[]> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(Der.implicit(DNS_NAME, n.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        addresses.forEach(a -> names.add(Der.implicit(IP_ADDRESS, a.getAddress())));
        return Der.sequence(names.toArray(byte[][]::new));
    }
}
