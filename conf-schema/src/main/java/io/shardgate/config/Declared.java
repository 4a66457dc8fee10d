package io.shardgate.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one list section ({@code dataHosts}, {@code schemas}, ...) yielded: its complete entries, and
 * every name it declares so that other sections' references to it can be checked.
 */
final class Declared<T> {

    private final List<T> entries = new ArrayList<>();
    // a name maps to null while its entry is broken: references to it still resolve, so one mistake
    // is reported once, where it is, and not again at every place that names the entry
    private final Map<String, T> byName = new HashMap<>();
    private final boolean readable;

    private Declared(boolean readable) {
        this.readable = readable;
    }

    static <T> Declared<T> empty() {
        return new Declared<>(true);
    }

    /** A section that could not be read at all: every reference to it is taken on trust. */
    static <T> Declared<T> unreadable() {
        return new Declared<>(false);
    }

    /** Registers a name; reports {@code duplicate name} at {@code entry} and returns false if taken. */
    boolean declare(YamlValue entry, String name) {
        if (byName.containsKey(name)) {
            entry.problem("duplicate name '" + name + "'");
            return false;
        }
        byName.put(name, null);
        return true;
    }

    /** Adds a complete entry; {@code name} must have been declared. */
    void add(String name, T entry) {
        entries.add(entry);
        if (byName.get(name) == null) {
            byName.put(name, entry);
        }
    }

    List<T> entries() {
        return List.copyOf(entries);
    }

    boolean has(String name) {
        return !readable || byName.containsKey(name);
    }

    /** The complete entry of that name, or null if there is none (unknown, broken or unreadable). */
    T get(String name) {
        return byName.get(name);
    }
}
