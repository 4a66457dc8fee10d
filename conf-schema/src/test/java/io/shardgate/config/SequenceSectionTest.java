package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceSectionTest {

    @Test
    void isOptional() throws ConfigException {
        assertThat(ConfigText.valid().load().sequences()).isNull();
        assertThat(ConfigText.valid().with("sequences", "~").load().sequences()).isNull();
    }

    @Test
    void namesADataNodeAndABlockSize() throws ConfigException {
        assertThat(ConfigText.valid().with("sequences", "{ dataNode: dn1, blockSize: 50 }").load().sequences())
                .isEqualTo(new SequenceConfig("dn1", 50));
        assertThat(ConfigText.valid().with("sequences", "{ dataNode: dn0 }").load().sequences())
                .isEqualTo(new SequenceConfig("dn0", SequenceConfig.DEFAULT_BLOCK_SIZE));
    }

    @Test
    void theDataNodeMustExist() {
        assertThat(ConfigText.valid().with("sequences", "{ dataNode: dn9 }").problems())
                .containsExactly("sequences.dataNode: unknown data node 'dn9'");
        assertThat(ConfigText.valid().with("sequences", "{ blockSize: 10 }").problems())
                .containsExactly("sequences.dataNode: required");
    }

    @Test
    void blockSizeIsBounded() {
        assertThat(ConfigText.valid().with("sequences", "{ dataNode: dn0, blockSize: 0 }").problems())
                .containsExactly("sequences.blockSize: must be between 1 and 1000000, got 0");
        assertThat(ConfigText.valid().with("sequences", "{ dataNode: dn0, blockSize: 1000001 }").problems())
                .containsExactly("sequences.blockSize: must be between 1 and 1000000, got 1000001");
        assertThat(ConfigText.valid().with("sequences", "{ dataNode: dn0, blockSize: 1K }").problems())
                .containsExactly("sequences.blockSize: expected an integer, got '1K'");
    }

    @Test
    void isAMappingOfKnownKeys() {
        assertThat(ConfigText.valid().with("sequences", "[dn0]").problems())
                .containsExactly("sequences: expected a mapping, got a list");
        assertThat(ConfigText.valid().with("sequences", "{ dataNode: dn0, table: seq }").problems())
                .containsExactly("sequences: unknown key 'table'");
    }
}
