package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DataNodeRangesTest {

    @Test
    void aPlainNameIsItself() {
        assertThat(DataNodeRanges.expand("dn0")).containsExactly("dn0");
    }

    @Test
    void aRangeIncludesBothEnds() {
        assertThat(DataNodeRanges.expand("dn$0-3")).containsExactly("dn0", "dn1", "dn2", "dn3");
        assertThat(DataNodeRanges.expand("dn$2-2")).containsExactly("dn2");
        assertThat(DataNodeRanges.expand("shard_$10-12")).containsExactly("shard_10", "shard_11", "shard_12");
    }

    @Test
    void commaListsMixRangesAndNames() {
        assertThat(DataNodeRanges.expand("dn$0-1,dn5")).containsExactly("dn0", "dn1", "dn5");
        assertThat(DataNodeRanges.expand("dn7, dn$0-1")).containsExactly("dn7", "dn0", "dn1");
    }

    @Test
    void startMayNotExceedEnd() {
        assertThatIllegalArgumentException().isThrownBy(() -> DataNodeRanges.expand("dn$3-1"))
                .withMessage("bad range 'dn$3-1': start 3 is greater than end 1");
    }

    @Test
    void malformedRanges() {
        for (String bad : new String[] {"dn$a-b", "$0-3", "dn$1", "dn$-1-2", "dn$0-3x", "dn$"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> DataNodeRanges.expand(bad))
                    .withMessage("bad range '" + bad + "', expected prefix$start-end like dn$0-3");
        }
    }

    @Test
    void emptyNamesInAListAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> DataNodeRanges.expand("dn0,,dn1"))
                .withMessage("empty name in 'dn0,,dn1'");
        assertThatIllegalArgumentException().isThrownBy(() -> DataNodeRanges.expand("dn0,"))
                .withMessage("empty name in 'dn0,'");
    }

    @Test
    void rangesAreBounded() {
        assertThat(DataNodeRanges.expand("dn$1-4096")).hasSize(4096);
        assertThatIllegalArgumentException().isThrownBy(() -> DataNodeRanges.expand("dn$0-4096"))
                .withMessage("bad range 'dn$0-4096': more than 4096 data nodes");
        assertThatIllegalArgumentException().isThrownBy(() -> DataNodeRanges.expand("dn$0-999999999"))
                .withMessage("bad range 'dn$0-999999999': more than 4096 data nodes");
    }
}
