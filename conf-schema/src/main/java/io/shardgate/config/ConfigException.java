package io.shardgate.config;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A configuration file that cannot be used, with every problem found in it. */
public final class ConfigException extends Exception {

    private final String sourceName;
    private final List<ConfigProblem> problems;

    public ConfigException(String sourceName, List<ConfigProblem> problems) {
        this(sourceName, problems, null);
    }

    ConfigException(String sourceName, List<ConfigProblem> problems, Throwable cause) {
        super(format(Objects.requireNonNull(sourceName, "sourceName"), problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.sourceName = sourceName;
        this.problems = List.copyOf(problems);
    }

    /** The file name (or other label) the configuration was read from. */
    public String sourceName() {
        return sourceName;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    // One "source: path: message" line per problem, the shape editors and grep already understand.
    private static String format(String sourceName, List<ConfigProblem> problems) {
        return problems.stream().map(p -> sourceName + ": " + p).collect(Collectors.joining("\n"));
    }
}
