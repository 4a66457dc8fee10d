package io.shardgate.config;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a configuration is read, so that all of them are reported at once. */
final class Problems {

    private final List<ConfigProblem> problems = new ArrayList<>();

    void add(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<ConfigProblem> list() {
        return List.copyOf(problems);
    }
}
