package io.shardgate.config;

import java.nio.file.Path;

/**
 * TLS on both listening ports.
 *
 * @param enabled     whether the greeting offers TLS (CLIENT_SSL)
 * @param certificate PEM file with the server certificate (then any intermediates), or null for a
 *                    self-signed certificate generated at start
 * @param key         PEM file with the certificate's private key; given exactly when {@code certificate} is
 */
public record TlsConfig(boolean enabled, Path certificate, Path key) {

    public static final TlsConfig DEFAULT = new TlsConfig(true, null, null);

    public TlsConfig {
        if ((certificate == null) != (key == null)) {
            throw new IllegalArgumentException("certificate and key go together");
        }
    }
}
