package io.shardgate.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The caching_sha2_password authentication method (MySQL 8's default), the parts both sides share.
 *
 * <p>The client answers the 20-byte nonce with a 32-byte scramble, XOR(SHA256(password),
 * SHA256(SHA256(SHA256(password)) || nonce)). A server that has SHA256(SHA256(password)) cached from
 * an earlier full authentication checks it at once ("fast path") and answers AuthMoreData
 * {@link #FAST_AUTH_SUCCESS}; otherwise it answers {@link #PERFORM_FULL_AUTHENTICATION} and the
 * client sends the password itself: in clear (NUL-terminated) over TLS, or over plain TCP encrypted
 * with the server's RSA public key, after XORing it (NUL included) with the nonce, repeated. A client
 * without the key asks for it with {@link #REQUEST_PUBLIC_KEY} and gets it as AuthMoreData holding
 * the PEM text.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_caching_sha2_authentication_exchanges.html">MySQL: caching_sha2_password exchanges</a>
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/1-connecting/caching_sha2_password-authentication-plugin">MariaDB: caching_sha2_password</a>
 */
public final class CachingSha2Password {

    public static final String PLUGIN_NAME = "caching_sha2_password";
    /** Client to server, alone in a packet: "send me your RSA public key". */
    public static final int REQUEST_PUBLIC_KEY = 0x02;
    /** Server to client, as AuthMoreData: the scramble matched the cache; OK follows. */
    public static final int FAST_AUTH_SUCCESS = 0x03;
    /** Server to client, as AuthMoreData: send the password (clear over TLS, else RSA-encrypted). */
    public static final int PERFORM_FULL_AUTHENTICATION = 0x04;
    public static final int SCRAMBLE_LENGTH = 32;

    private CachingSha2Password() {}

    /** The client's fast-path answer to {@code nonce}; empty for an empty password. */
    public static byte[] scramble(byte[] password, byte[] nonce) {
        if (password.length == 0) {
            return new byte[0];
        }
        MessageDigest sha256 = sha256();
        byte[] stage1 = sha256.digest(password);
        byte[] stage2 = sha256.digest(stage1);
        sha256.update(stage2);
        return xor(stage1, sha256.digest(nonce));
    }

    /** What the server caches after a full authentication: SHA256(SHA256(password)). */
    public static byte[] doubleSha256(byte[] password) {
        MessageDigest sha256 = sha256();
        return sha256.digest(sha256.digest(password));
    }

    /** Whether {@code scramble} proves knowledge of the password whose double SHA-256 is {@code cached}. */
    public static boolean verify(byte[] cached, byte[] nonce, byte[] scramble) {
        if (scramble.length != SCRAMBLE_LENGTH || cached.length != SCRAMBLE_LENGTH) {
            return false;
        }
        MessageDigest sha256 = sha256();
        sha256.update(cached);
        byte[] stage1 = xor(scramble, sha256.digest(nonce));
        return MessageDigest.isEqual(sha256.digest(stage1), cached);
    }

    /**
     * XOR with the nonce repeated to the data's length: applied by the client to the NUL-terminated
     * password before RSA encryption, and again by the server after decryption to undo it.
     */
    public static byte[] xorWithNonce(byte[] data, byte[] nonce) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (byte) (data[i] ^ nonce[i % nonce.length]);
        }
        return out;
    }

    /**
     * The password of a NUL-terminated clear-text answer; bytes after the first NUL are ignored, and
     * an answer without one is taken whole (some clients leave it out).
     */
    public static byte[] untilNul(byte[] answer) {
        for (int i = 0; i < answer.length; i++) {
            if (answer[i] == 0) {
                return Arrays.copyOf(answer, i);
            }
        }
        return answer.clone();
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] result = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = (byte) (a[i] ^ b[i]);
        }
        return result;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
