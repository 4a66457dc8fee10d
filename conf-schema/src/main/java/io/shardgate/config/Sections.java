package io.shardgate.config;

import java.util.List;

/** Reading steps shared by the section readers. */
final class Sections {

    private Sections() {
    }

    /**
     * The entries of a list section. A missing optional section has none; a missing required or an
     * empty required section is reported. Returns null when there is no list to read.
     */
    static List<YamlValue> entries(YamlValue section, boolean required) {
        if (section.absent()) {
            if (required) {
                section.problem("required");
                return null;
            }
            return List.of();
        }
        List<YamlValue> entries = section.list();
        if (entries != null && entries.isEmpty() && required) {
            section.problem("must have at least one entry");
        }
        return entries;
    }

    /** Passwords may be empty, but must be written, so that a forgotten one is noticed. */
    static String password(YamlMapping entry) {
        return password(entry, "");
    }

    /** @param alternative what else may stand for the password, in the "required" message */
    static String password(YamlMapping entry, String alternative) {
        YamlValue password = entry.get("password");
        if (password.absent()) {
            password.problem("required (write password: '' for an empty password" + alternative + ")");
            return null;
        }
        return password.string();
    }
}
