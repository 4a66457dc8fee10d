package io.shardgate.router;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardSetTest {

    @Test
    void allCoversEveryShard() {
        assertThat(ShardSet.ALL.isAll()).isTrue();
        assertThat(ShardSet.ALL.isEmpty()).isFalse();
        assertThat(ShardSet.ALL.indexes(4)).containsExactly(0, 1, 2, 3);
        assertThat(ShardSet.ALL).hasToString("ALL");
    }

    @Test
    void noneIsEmptyButNotAll() {
        assertThat(ShardSet.none().isEmpty()).isTrue();
        assertThat(ShardSet.none().isAll()).isFalse();
        assertThat(ShardSet.none().indexes(4)).isEmpty();
    }

    @Test
    void indexesAreAscendingWithoutDuplicates() {
        ShardSet s = ShardSet.of(3, 1, 3);

        assertThat(s.indexes(4)).containsExactly(1, 3);
        assertThat(s).hasToString("{1, 3}");
    }

    @Test
    void unionAddsAndAllAbsorbs() {
        assertThat(ShardSet.of(0).union(ShardSet.of(2)).indexes(4)).containsExactly(0, 2);
        assertThat(ShardSet.of(0).union(ShardSet.ALL).isAll()).isTrue();
        assertThat(ShardSet.ALL.union(ShardSet.none()).isAll()).isTrue();
        assertThat(ShardSet.none().union(ShardSet.of(1)).indexes(4)).containsExactly(1);
    }

    @Test
    void intersectionNarrowsAndAllIsNeutral() {
        assertThat(ShardSet.of(0, 1, 2).intersect(ShardSet.of(1, 2, 3)).indexes(4)).containsExactly(1, 2);
        assertThat(ShardSet.ALL.intersect(ShardSet.of(2)).indexes(4)).containsExactly(2);
        assertThat(ShardSet.of(2).intersect(ShardSet.ALL).indexes(4)).containsExactly(2);
        assertThat(ShardSet.of(1).intersect(ShardSet.of(2)).isEmpty()).isTrue();
        assertThat(ShardSet.ALL.intersect(ShardSet.ALL).isAll()).isTrue();
    }

    @Test
    void operationsLeaveTheirOperandsAlone() {
        ShardSet a = ShardSet.of(1);
        ShardSet b = ShardSet.of(2);

        a.union(b);
        a.intersect(b);

        assertThat(a.indexes(4)).containsExactly(1);
        assertThat(b.indexes(4)).containsExactly(2);
    }
}
