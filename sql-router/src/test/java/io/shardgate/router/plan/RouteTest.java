package io.shardgate.router.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.FakeRowStream;
import io.shardgate.router.FakeSession;
import io.shardgate.router.FakeShardExecutor;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTest {

    private final FakeShardExecutor shards = new FakeShardExecutor();
    private final ExecutionContext context = new ExecutionContext(shards, FakeSession.inShop());

    private static ShardStatement statement(int shard) {
        return new ShardStatement("dn" + shard, "shop_" + shard, "SELECT id FROM `shop_" + shard + "`.orders");
    }

    private static Route route(String logicalSchema, int... shardIndexes) {
        List<ShardStatement> statements = new ArrayList<>();
        for (int i : shardIndexes) {
            statements.add(statement(i));
        }
        return new Route(RouteKind.SCATTER, "orders", logicalSchema, statements);
    }

    private static FakeRowStream rows(int shard, String... ids) {
        return FakeRowStream.of("shop_" + shard, List.of("id"), java.util.Arrays.stream(ids)
                .map(id -> new String[] {id}).toArray(String[][]::new));
    }

    private static List<String> drain(RowStream stream) {
        List<String> out = new ArrayList<>();
        try (stream) {
            for (Row r = stream.next(); r != null; r = stream.next()) {
                out.add(r.text(0));
            }
        }
        return out;
    }

    private static ShardGateException backendError(String message) {
        return new ShardGateException(1146, "42S02", message, null);
    }

    @Test
    void aSingleStatementRunsAlone() {
        shards.rows("dn1", rows(1, "5", "9"));

        RowStream result = (RowStream) route("shop", 1).execute(context);

        assertThat(drain(result)).containsExactly("5", "9");
        assertThat(shards.calls()).containsExactly("execute dn1");
        assertThat(shards.statements()).containsExactly("dn1: SELECT id FROM `shop_1`.orders");
    }

    @Test
    void severalStatementsRunInParallelAndConcatenateInStatementOrder() {
        shards.rows("dn2", rows(2, "2", "6")).rows("dn0", rows(0, "4")).rows("dn1", rows(1, "1"));

        RowStream result = (RowStream) route("shop", 2, 0, 1).execute(context);

        assertThat(shards.calls()).containsExactly("executeAll [dn2, dn0, dn1]");
        assertThat(drain(result)).containsExactly("2", "6", "4", "1");
    }

    @Test
    void columnMetadataNamesTheLogicalSchema() {
        Column other = Column.computedInteger("n");
        shards.rows("dn1", new FakeRowStream(List.of(rows(1).columns().getFirst(), other), List.of()));
        shards.rows("dn2", rows(2));

        RowStream single = (RowStream) route("shop", 1).execute(context);
        RowStream parallel = (RowStream) route("shop", 2, 1).execute(context);

        assertThat(single.columns()).extracting(Column::schema).containsExactly("shop", "");
        assertThat(single.columns().getFirst()).isEqualTo(rows(1).columns().getFirst().withSchema("shop"));
        assertThat(parallel.columns()).extracting(Column::schema).containsExactly("shop");
    }

    @Test
    void withoutALogicalSchemaMetadataIsLeftAlone() {
        FakeRowStream physical = rows(1, "5");
        shards.rows("dn1", physical);

        RowStream result = (RowStream) route(null, 1).execute(context);

        assertThat(result).isSameAs(physical);
        assertThat(result.columns().getFirst().schema()).isEqualTo("shop_1");
    }

    @Test
    void updateCountsAreSummedAndTheFirstGeneratedIdKept() {
        shards.update("dn0", new UpdateResult(2, 0, 1, "Records: 2"))
                .update("dn1", new UpdateResult(3, 17, 0, ""))
                .update("dn2", new UpdateResult(1, 99, 2, ""));

        Result result = route("shop", 0, 1, 2).execute(context);

        assertThat(result).isEqualTo(new UpdateResult(6, 17, 3, ""));
    }

    @Test
    void aSingleUpdateResultPassesThrough() {
        UpdateResult one = new UpdateResult(1, 42, 0, "Rows matched: 1");
        shards.update("dn3", one);

        assertThat(route("shop", 3).execute(context)).isSameAs(one);
    }

    @Test
    void whenAReadFailsOnSomeShardsTheOtherStreamsAreClosed() {
        FakeRowStream dn0 = rows(0, "4");
        FakeRowStream dn2 = rows(2, "2");
        shards.rows("dn0", dn0).fail("dn1", backendError("Lock wait timeout exceeded")).rows("dn2", dn2);

        assertThatThrownBy(() -> route("shop", 0, 1, 2).execute(context))
                .isInstanceOfSatisfying(ShardGateException.class, e -> {
                    assertThat(e.errorNumber()).isEqualTo(1146);
                    assertThat(e.sqlState()).isEqualTo("42S02");
                })
                .hasMessage("Lock wait timeout exceeded [failed on dn1]");
        assertThat(dn0.closed()).isTrue();
        assertThat(dn2.closed()).isTrue();
    }

    @Test
    void whenAWriteFailsOnSomeShardsTheAppliedNodesAreNamed() {
        shards.update("dn0", UpdateResult.of(1))
                .fail("dn1", backendError("Duplicate entry '5' for key 'PRIMARY'"))
                .update("dn2", UpdateResult.of(1))
                .fail("dn3", backendError("Deadlock found"));

        assertThatThrownBy(() -> route("shop", 0, 1, 2, 3).execute(context))
                .hasMessage("Duplicate entry '5' for key 'PRIMARY' [failed on dn1, dn3; applied on dn0, dn2]");
    }

    @Test
    void theFailureKeepsTheBackendErrorAsCause() {
        ShardGateException backend = backendError("gone");
        shards.fail("dn0", backend).update("dn1", UpdateResult.of(1));

        assertThatThrownBy(() -> route("shop", 0, 1).execute(context)).hasCause(backend);
    }

    @Test
    void backendMessagesNameTheLogicalSchema() {
        shards.fail("dn1", backendError("Table 'shop_1.orders' doesn't exist"));

        assertThatThrownBy(() -> route("shop", 1).execute(context))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1146))
                .hasMessage("Table 'shop.orders' doesn't exist");
    }

    @Test
    void backquotedPhysicalNamesAreMappedToo() {
        shards.fail("dn2", backendError("Unknown column 'x' in `shop_2`.`orders`"));

        assertThatThrownBy(() -> route("shop", 2).execute(context))
                .hasMessage("Unknown column 'x' in `shop`.`orders`");
    }

    @Test
    void partialFailuresNameTheLogicalSchema() {
        shards.update("dn0", UpdateResult.of(1)).fail("dn3", backendError("Table 'shop_3.orders' doesn't exist"));

        assertThatThrownBy(() -> route("shop", 0, 3).execute(context))
                .hasMessage("Table 'shop.orders' doesn't exist [failed on dn3; applied on dn0]");
    }

    @Test
    void otherDatabaseNamesInMessagesAreLeftAlone() {
        shards.fail("dn1", backendError("Table 'shop_10.orders' doesn't exist"));

        assertThatThrownBy(() -> route("shop", 1).execute(context))
                .hasMessage("Table 'shop_10.orders' doesn't exist");
    }

    @Test
    void describeListsEachNodesStatement() {
        assertThat(route("shop", 0, 2).describe()).hasToString("""
                Route SCATTER orders
                  dn0: SELECT id FROM `shop_0`.orders
                  dn2: SELECT id FROM `shop_2`.orders""");
        assertThat(route("shop", 0, 2).kind()).isEqualTo(RouteKind.SCATTER);
        assertThat(route("shop", 0, 2).statements()).containsExactly(statement(0), statement(2));
    }

    @Test
    void aRouteNeedsAStatement() {
        assertThatThrownBy(() -> new Route(RouteKind.SCATTER, "orders", "shop", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
