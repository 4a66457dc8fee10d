package io.shardgate.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM files: certificates and private keys in, certificates, keys and public keys out.
 *
 * <p>Private keys are read in PKCS#8 ({@code BEGIN PRIVATE KEY}, what OpenSSL 3 writes) of any type
 * the JDK knows (RSA, EC, Ed25519), or in PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what older OpenSSL
 * and {@code mariadb-install-db}-era tools write), which is wrapped into PKCS#8 here. Encrypted keys
 * are refused: the proxy has nowhere to get a pass phrase from.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

    private Pem() {}

    public static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Block b : blocks(file)) {
            if (b.label().equals("CERTIFICATE")) {
                Certificate c = factory.generateCertificate(new ByteArrayInputStream(b.der()));
                chain.add((X509Certificate) c);
            }
        }
        if (chain.isEmpty()) {
            throw new CertificateException(file + ": no '-----BEGIN CERTIFICATE-----' block");
        }
        return chain;
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        for (Block b : blocks(file)) {
            switch (b.label()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(b.der(), file);
                }
                case "RSA PRIVATE KEY" -> {
                    byte[] wrapped = Der.sequence(Der.integer(BigInteger.ZERO),
                            Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nullValue()), Der.octetString(b.der()));
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(wrapped));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(file
                        + ": the key is encrypted; write it unencrypted (openssl pkey -in KEY -out PLAIN)");
                case "EC PRIVATE KEY" -> throw new GeneralSecurityException(file
                        + ": convert the EC key to PKCS#8 (openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY8)");
                default -> {
                    // certificates and parameters may share the file
                }
            }
        }
        throw new GeneralSecurityException(file + ": no '-----BEGIN PRIVATE KEY-----' block");
    }

    private static PrivateKey pkcs8(byte[] der, Path file) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // the next type, then
            }
        }
        throw new GeneralSecurityException(file + ": a private key of a type ShardGate cannot read (RSA, EC, Ed25519)");
    }

    public static String certificate(X509Certificate certificate) throws CertificateException {
        return block("CERTIFICATE", certificate.getEncoded());
    }

    public static String privateKey(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    /** The form caching_sha2_password sends its RSA key in: an X.509 SubjectPublicKeyInfo. */
    public static String publicKey(PublicKey key) {
        return block("PUBLIC KEY", key.getEncoded());
    }

    private static String block(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private record Block(String label, byte[] der) {
    }

    private static List<Block> blocks(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": the " + m.group(1) + " block is not base64", e);
            }
        }
        return blocks;
    }
}
