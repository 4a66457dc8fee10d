package io.shardgate.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated certificate as the JDK parses it, and PEM files in the forms OpenSSL writes. */
class CertificateFilesTest {

    @Test
    void derEncodingsMatchX690() {
        assertThat(HexFormat.of().formatHex(Der.oid("1.2.840.113549.1.1.11"))).isEqualTo("06092a864886f70d01010b");
        assertThat(HexFormat.of().formatHex(Der.integer(BigInteger.valueOf(128)))).isEqualTo("02020080");
        assertThat(HexFormat.of().formatHex(Der.tlv(0x04, new byte[200])).substring(0, 6)).isEqualTo("0481c8");
        assertThat(HexFormat.of().formatHex(Der.tlv(0x04, new byte[300])).substring(0, 8)).isEqualTo("0482012c");
        assertThat(new String(Der.time(java.time.Instant.parse("2049-12-31T23:59:59Z")), 2, 13,
                java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("491231235959Z");
        assertThat(Der.time(java.time.Instant.parse("2050-01-01T00:00:00Z"))[0]).isEqualTo((byte) 0x18);
    }

    @Test
    void generatedCertificateNamesItsHostsAndVerifies() throws Exception {
        SelfSignedCertificate.Generated g = SelfSignedCertificate.generate("ShardGate", List.of("localhost"),
                List.of(InetAddress.getByName("127.0.0.1")), Duration.ofDays(365), new SecureRandom());
        X509Certificate c = g.certificate();
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=ShardGate");
        assertThat(c.getIssuerX500Principal()).isEqualTo(c.getSubjectX500Principal());
        assertThat(c.getVersion()).isEqualTo(3);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(c.getBasicConstraints()).isEqualTo(-1); // not a CA
        assertThat(c.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        c.checkValidity();
        c.verify(g.keys().getPublic());
    }

    @Test
    void pemRoundTripAndPkcs1Keys(@TempDir Path dir) throws Exception {
        SelfSignedCertificate.Generated g = SelfSignedCertificate.generate("x", List.of(), List.of(), Duration.ofDays(1),
                new SecureRandom());
        Path cert = Files.writeString(dir.resolve("c.pem"), Pem.certificate(g.certificate()));
        Path key = Files.writeString(dir.resolve("k.pem"), Pem.privateKey(g.keys().getPrivate()));
        assertThat(Pem.readCertificates(cert)).containsExactly(g.certificate());
        assertThat(Pem.readPrivateKey(key)).isEqualTo(g.keys().getPrivate());

        // PKCS#1 ("BEGIN RSA PRIVATE KEY"): the PKCS#8 key's inner structure
        byte[] pkcs8 = g.keys().getPrivate().getEncoded();
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) g.keys().getPrivate();
        byte[] pkcs1 = Der.sequence(Der.integer(BigInteger.ZERO), Der.integer(rsa.getModulus()),
                Der.integer(rsa.getPublicExponent()), Der.integer(rsa.getPrivateExponent()), Der.integer(rsa.getPrimeP()),
                Der.integer(rsa.getPrimeQ()), Der.integer(rsa.getPrimeExponentP()), Der.integer(rsa.getPrimeExponentQ()),
                Der.integer(rsa.getCrtCoefficient()));
        assertThat(pkcs8).hasSizeGreaterThan(pkcs1.length);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n";
        Path pkcs1File = Files.writeString(dir.resolve("rsa.pem"), pem);
        assertThat(Pem.readPrivateKey(pkcs1File)).isEqualTo(g.keys().getPrivate());

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        Path ecKey = Files.writeString(dir.resolve("ec.pem"), Pem.privateKey(ec.generateKeyPair().getPrivate()));
        assertThat(Pem.readPrivateKey(ecKey).getAlgorithm()).isEqualTo("EC");

        Path empty = Files.writeString(dir.resolve("none.pem"), "nothing here");
        assertThatThrownBy(() -> Pem.readCertificates(empty)).hasMessageContaining("no '-----BEGIN CERTIFICATE-----' block");
        assertThatThrownBy(() -> Pem.readPrivateKey(cert)).isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("no '-----BEGIN PRIVATE KEY-----' block");
    }
}
