package io.shardgate.router.plan;

import io.shardgate.router.parse.SqlLiterals;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The session variables a client set that backend connections must carry while they run its
 * statements: backend variable name to SQL literal, only where the client's value differs from the
 * backends' default. Equal settings are equal records, so a connection already in the wanted
 * state is recognised without a round trip.
 */
public record BackendSettings(SortedMap<String, String> values) {

    public static final BackendSettings DEFAULTS = new BackendSettings(new TreeMap<>());

    public BackendSettings {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public BackendSettings with(String name, String literal) {
        TreeMap<String, String> copy = new TreeMap<>(values);
        copy.put(name, literal);
        return new BackendSettings(copy);
    }

    public BackendSettings without(String name) {
        if (!values.containsKey(name)) {
            return this;
        }
        TreeMap<String, String> copy = new TreeMap<>(values);
        copy.remove(name);
        return new BackendSettings(copy);
    }

    /**
     * The literal a SET statement takes for a value read back from a backend (numbers unquoted).
     * Written with backslash escapes, the backends' default mode: the values of these variables
     * (modes, zones, collations) hold no backslash, so the connection's own mode does not matter.
     */
    public static String literal(Object value) {
        return SqlLiterals.of(value, true);
    }
}
