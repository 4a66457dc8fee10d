package io.shardgate.server.auth;

import io.shardgate.server.tls.Pem;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import javax.crypto.Cipher;

/**
 * The RSA key pair caching_sha2_password clients encrypt their password with over plain TCP. Made
 * at start and never written anywhere: clients fetch the public key per connection (Connector/J's
 * {@code allowPublicKeyRetrieval=true}). It serves nothing else; in particular it is not the TLS
 * key, so that a decryption oracle here could never help forge TLS signatures.
 *
 * <p>Two paddings are accepted. MySQL 8's clients use OAEP (SHA-1, MGF1); Connector/J falls back to
 * PKCS#1 v1.5 for servers older than 8.0.5, which includes every MariaDB-style version string
 * ("5.5.5-10.11..."), so the proxy must take both.
 */
public final class RsaPasswordKey {

    private static final int BITS = 2048;

    private final KeyPair keys;
    private final String publicKeyPem;

    private RsaPasswordKey(KeyPair keys) {
        this.keys = keys;
        this.publicKeyPem = Pem.publicKey(keys.getPublic());
    }

    public static RsaPasswordKey generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS, random);
            return new RsaPasswordKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK generates RSA keys", e);
        }
    }

    /** What a client gets for its public key request: PEM text. */
    public String publicKeyPem() {
        return publicKeyPem;
    }

    /** Bytes of an encrypted password: the modulus length. */
    public int encryptedLength() {
        return ((RSAPublicKey) keys.getPublic()).getModulus().bitLength() / 8;
    }

    /** The plain text, or empty when the data is no encryption under this key in either padding. */
    Optional<byte[]> decrypt(byte[] data) {
        if (data.length != encryptedLength()) {
            return Optional.empty();
        }
        for (String transformation : new String[] {"RSA/ECB/OAEPWithSHA-1AndMGF1Padding", "RSA/ECB/PKCS1Padding"}) {
            try {
                Cipher cipher = Cipher.getInstance(transformation);
                cipher.init(Cipher.DECRYPT_MODE, keys.getPrivate());
                return Optional.of(cipher.doFinal(data));
            } catch (GeneralSecurityException e) {
                // not this padding
            }
        }
        return Optional.empty();
    }

    /** For tests: encrypts as a client does. */
    public byte[] encrypt(byte[] plain, boolean oaep) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(oaep ? "RSA/ECB/OAEPWithSHA-1AndMGF1Padding" : "RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, keys.getPublic());
        return cipher.doFinal(plain);
    }
}
