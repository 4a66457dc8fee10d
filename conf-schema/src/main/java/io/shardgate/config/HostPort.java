package io.shardgate.config;

/** A backend server address, written {@code host:port} in the configuration. */
public record HostPort(String host, int port) {

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
