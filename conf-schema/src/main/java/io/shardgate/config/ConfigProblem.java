package io.shardgate.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file.
 *
 * @param path    where, as a path into the YAML such as {@code schemas[0].tables[1].function}; empty when
 *                the problem concerns the file as a whole (unreadable file, YAML syntax error)
 * @param message what is wrong, in plain words
 */
public record ConfigProblem(String path, String message) {

    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
