package io.shardgate.config;

import java.util.Set;

/** Reads {@code limits}: memory bounds of statements the proxy cannot stream. Optional, key by key. */
final class LimitsSection {

    private static final Set<String> KEYS = Set.of("maxSortRows", "maxJoinRows");

    private LimitsSection() {
    }

    static LimitsConfig read(YamlValue section) {
        if (section.absent()) {
            return LimitsConfig.DEFAULT;
        }
        YamlMapping limits = section.mapping(KEYS);
        if (limits == null) {
            return null;
        }
        LimitsConfig defaults = LimitsConfig.DEFAULT;
        Long maxSortRows = limits.optional("maxSortRows", defaults.maxSortRows(), v -> v.longInteger(1, Long.MAX_VALUE));
        Long maxJoinRows = limits.optional("maxJoinRows", defaults.maxJoinRows(), v -> v.longInteger(1, Long.MAX_VALUE));
        return maxSortRows == null || maxJoinRows == null ? null : new LimitsConfig(maxSortRows, maxJoinRows);
    }
}
