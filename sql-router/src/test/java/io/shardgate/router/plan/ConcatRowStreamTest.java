package io.shardgate.router.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.FakeRowStream;
import io.shardgate.router.result.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcatRowStreamTest {

    private static FakeRowStream shard(String schema, String... ids) {
        return FakeRowStream.of(schema, List.of("id"), java.util.Arrays.stream(ids)
                .map(id -> new String[] {id}).toArray(String[][]::new));
    }

    @Test
    void rowsFollowStreamOrderAndEachStreamIsClosedWhenDrained() {
        FakeRowStream a = shard("a", "1", "2");
        FakeRowStream empty = shard("b");
        FakeRowStream c = shard("c", "3");
        ConcatRowStream concat = new ConcatRowStream(List.of(a, empty, c));

        assertThat(concat.next()).isEqualTo(Row.ofStrings("1"));
        assertThat(concat.next()).isEqualTo(Row.ofStrings("2"));
        assertThat(a.closed()).isFalse();
        assertThat(concat.next()).isEqualTo(Row.ofStrings("3"));
        assertThat(a.closed()).isTrue();
        assertThat(empty.closed()).isTrue();
        assertThat(c.closed()).isFalse();
        assertThat(concat.next()).isNull();
        assertThat(c.closeCount()).isEqualTo(1);
        assertThat(concat.next()).isNull();
        assertThat(c.closeCount()).isEqualTo(1);
    }

    @Test
    void columnsAreTheFirstStreams() {
        FakeRowStream a = shard("a", "1");

        assertThat(new ConcatRowStream(List.of(a, shard("b"))).columns()).isEqualTo(a.columns());
    }

    @Test
    void closingEarlyClosesTheCurrentAndLaterStreamsOnce() {
        FakeRowStream a = shard("a", "1");
        FakeRowStream b = shard("b", "2", "3");
        FakeRowStream c = shard("c", "4");
        ConcatRowStream concat = new ConcatRowStream(List.of(a, b, c));
        concat.next();
        concat.next();

        concat.close();
        concat.close();

        assertThat(List.of(a, b, c)).allSatisfy(s -> assertThat(s.closeCount()).isEqualTo(1));
        assertThat(concat.next()).isNull();
    }

    @Test
    void closingBeforeReadingClosesEveryStream() {
        FakeRowStream a = shard("a", "1");
        FakeRowStream b = shard("b", "2");

        new ConcatRowStream(List.of(a, b)).close();

        assertThat(a.closeCount()).isEqualTo(1);
        assertThat(b.closeCount()).isEqualTo(1);
    }

    @Test
    void aFailingCloseStillClosesTheOthersAndReportsTheFirstFailure() {
        RuntimeException first = new IllegalStateException("first");
        RuntimeException second = new IllegalStateException("second");
        FakeRowStream a = shard("a", "1").failingOnClose(first);
        FakeRowStream b = shard("b", "2");
        FakeRowStream c = shard("c", "3").failingOnClose(second);

        assertThatThrownBy(() -> new ConcatRowStream(List.of(a, b, c)).close())
                .isSameAs(first)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
        assertThat(List.of(a, b, c)).allSatisfy(s -> assertThat(s.closed()).isTrue());
    }
}
