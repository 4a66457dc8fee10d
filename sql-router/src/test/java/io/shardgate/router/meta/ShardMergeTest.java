package io.shardgate.router.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardMergeTest {

    private static final List<Column> TABLES = CatalogAnswers.text("TABLE_NAME", "TABLE_ROWS", "AVG_ROW_LENGTH", "DATA_LENGTH",
            "INDEX_LENGTH", "DATA_FREE", "AUTO_INCREMENT", "UPDATE_TIME");

    @Test
    void tableStatisticsAddUpOverShards() {
        Row first = Row.ofStrings("orders", "10", "1638", "16384", "0", "0", "21", "2024-01-02 10:00:00");
        Row second = Row.ofStrings("orders", "6", "2730", "16384", "16384", "4", "34", null);
        Row third = Row.ofStrings("orders", "0", "0", "16384", "0", "0", "1", "2024-03-01 00:00:00");

        List<Row> merged = ShardMerge.TABLES.merge(TABLES, List.of(first), List.of(List.of(second), List.of(third)));

        assertThat(merged).containsExactly(
                Row.ofStrings("orders", "16", "3072", "49152", "16384", "4", "34", "2024-03-01 00:00:00"));
    }

    @Test
    void anAverageOfNoRowsIsZeroAndNullsStayNullOnlyWhenNullEverywhere() {
        Row first = Row.ofStrings("t", "0", "0", "16384", "0", "0", null, null);
        Row second = Row.ofStrings("t", "0", "0", "16384", "0", "0", null, null);

        assertThat(ShardMerge.TABLES.merge(TABLES, List.of(first), List.of(List.of(second))))
                .containsExactly(Row.ofStrings("t", "0", "0", "32768", "0", "0", null, null));
    }

    @Test
    void indexCardinalitiesAddUpPerIndexColumn() {
        List<Column> columns = List.of(CatalogAnswers.column("INDEX_NAME", ColumnType.VAR_STRING, 0),
                CatalogAnswers.column("SEQ_IN_INDEX", ColumnType.LONGLONG, 0), CatalogAnswers.column("CARDINALITY", ColumnType.LONGLONG, 0));
        List<Row> first = List.of(Row.ofStrings("PRIMARY", "1", "5"), Row.ofStrings("ix", "1", "2"), Row.ofStrings("ix", "2", "5"));
        List<Row> second = List.of(Row.ofStrings("ix", "2", "7"), Row.ofStrings("PRIMARY", "1", "4"), Row.ofStrings("gone", "1", "9"));

        assertThat(ShardMerge.STATISTICS.merge(columns, first, List.of(second))).containsExactly(
                Row.ofStrings("PRIMARY", "1", "9"), Row.ofStrings("ix", "1", "2"), Row.ofStrings("ix", "2", "12"));
    }

    @Test
    void oneShardIsItsOwnAnswer() {
        List<Row> only = List.of(Row.ofStrings("orders", "10", "1638", "16384", "0", "0", "21", null));
        assertThat(ShardMerge.TABLES.merge(TABLES, only, List.of())).isSameAs(only);
        assertThat(ShardMerge.NONE.merges()).isFalse();
    }
}
