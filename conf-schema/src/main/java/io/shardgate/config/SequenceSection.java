package io.shardgate.config;

import java.util.Set;

/** Reads {@code sequences}: where global sequences live. Optional. */
final class SequenceSection {

    private static final Set<String> KEYS = Set.of("dataNode", "blockSize");
    // a proxy that stops loses the rest of its block; a million ids is already a generous gap
    static final int MAX_BLOCK_SIZE = 1_000_000;

    private SequenceSection() {
    }

    /** The configuration; null when the section is absent, or wrong (and reported). */
    static SequenceConfig read(YamlValue section, Declared<DataNodeConfig> nodes) {
        if (section.absent()) {
            return null;
        }
        YamlMapping sequences = section.mapping(KEYS);
        if (sequences == null) {
            return null;
        }
        YamlValue dataNodeValue = sequences.get("dataNode");
        String dataNode = dataNodeValue.nonEmptyString();
        if (dataNode != null && !nodes.has(dataNode)) {
            dataNodeValue.problem("unknown data node '" + dataNode + "'");
            dataNode = null;
        }
        Integer blockSize = sequences.optional("blockSize", SequenceConfig.DEFAULT_BLOCK_SIZE,
                v -> v.integer(1, MAX_BLOCK_SIZE));
        return dataNode == null || blockSize == null ? null : new SequenceConfig(dataNode, blockSize);
    }
}
