package io.shardgate.router.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.FakeRowStream;
import io.shardgate.router.FakeSession;
import io.shardgate.router.FakeShardExecutor;
import io.shardgate.router.SchemaRules;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.TestConfig;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShowTablesTest {

    private final FakeShardExecutor shards = new FakeShardExecutor();
    private final ExecutionContext context = new ExecutionContext(shards, FakeSession.inShop());

    /** An information_schema.TABLES answer: "name" is a base table, "name:VIEW" a view. */
    private static FakeRowStream tables(String... names) {
        List<String[]> rows = new ArrayList<>();
        for (String n : names) {
            String[] parts = n.split(":");
            rows.add(new String[] {parts[0], parts.length > 1 ? parts[1] : "BASE TABLE"});
        }
        return FakeRowStream.of("information_schema", List.of("TABLE_NAME", "TABLE_TYPE"), rows.toArray(String[][]::new));
    }

    private List<String> rows(ShowTables show) {
        RowStream result = (RowStream) show.execute(context);
        List<String> out = new ArrayList<>();
        for (Row r = result.next(); r != null; r = result.next()) {
            out.add(r.toString());
        }
        return out;
    }

    @Test
    void listsDefaultNodeTablesAndShardedTablesOnce() {
        FakeRowStream dn0 = tables("orders", "customers", "accounts", "logs:VIEW");
        shards.rows("dn0", dn0);

        assertThat(rows(new ShowTables(TestConfig.schema("shop"), false, null)))
                .containsExactly("(accounts)", "(customers)", "(logs)", "(orders)");
        assertThat(shards.calls()).containsExactly("executeAll [dn0]");
        assertThat(shards.statements()).containsExactly(
                "dn0: SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop_0'");
        assertThat(dn0.closed()).isTrue();
    }

    @Test
    void fullAddsTheTableTypeColumn() {
        shards.rows("dn0", tables("orders", "logs:VIEW"));

        RowStream result = (RowStream) new ShowTables(TestConfig.schema("shop"), true, null).execute(context);

        assertThat(result.columns()).extracting(Column::name).containsExactly("Tables_in_shop", "Table_type");
        assertThat(result.columns()).extracting(Column::schema).containsOnly("information_schema");
        assertThat(result.next()).isEqualTo(Row.ofStrings("logs", "VIEW"));
        assertThat(result.next()).isEqualTo(Row.ofStrings("orders", "BASE TABLE"));
        assertThat(result.next()).isNull();
    }

    @Test
    void likeFiltersNames() {
        shards.rows("dn0", tables("orders", "customers", "order_lines"));

        assertThat(rows(new ShowTables(TestConfig.schema("shop"), false, LikePattern.of("order%", false))))
                .containsExactly("(order_lines)", "(orders)");
    }

    @Test
    void shardCopiesOnTheDefaultNodeAreNotUnshardedTables() {
        // default node dn1 holds orders' shard 1; orders' first shard (dn0) has not been created
        SchemaRules schema = new SchemaRules("shop", TestConfig.node("dn1"),
                Map.of("orders", TestConfig.schema("shop").declared("orders").orElseThrow()));
        shards.rows("dn1", tables("ORDERS", "customers")).rows("dn0", tables());

        assertThat(rows(new ShowTables(schema, false, null))).containsExactly("(customers)");
        assertThat(shards.calls()).containsExactly("executeAll [dn1, dn0]");
    }

    @Test
    void aShardedTableIsListedWhenItsFirstShardExists() {
        SchemaRules schema = new SchemaRules("shop", TestConfig.node("dn1"),
                Map.of("orders", TestConfig.schema("shop").declared("orders").orElseThrow()));
        shards.rows("dn1", tables("customers")).rows("dn0", tables("Orders", "stray"));

        assertThat(rows(new ShowTables(schema, false, null))).containsExactly("(customers)", "(orders)");
    }

    @Test
    void aSchemaWithoutDefaultNodeListsOnlyItsShardedTables() {
        shards.rows("cn0", tables("contacts", "leftover"));

        assertThat(rows(new ShowTables(TestConfig.schema("crm"), false, null))).containsExactly("(contacts)");
        assertThat(shards.statements()).containsExactly(
                "cn0: SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'crm_0'");
    }

    @Test
    void aFailingNodeFailsTheStatementAndClosesTheOtherStreams() {
        SchemaRules schema = new SchemaRules("shop", TestConfig.node("dn1"),
                Map.of("orders", TestConfig.schema("shop").declared("orders").orElseThrow()));
        FakeRowStream dn1 = tables("customers");
        ShardGateException down = new ShardGateException(2003, "HY000", "Can't connect", null);
        shards.rows("dn1", dn1).fail("dn0", down);

        assertThatThrownBy(() -> new ShowTables(schema, false, null).execute(context)).isSameAs(down);
        assertThat(dn1.closed()).isTrue();
    }

    @Test
    void describesTheSchema() {
        assertThat(new ShowTables(TestConfig.schema("crm"), true, null).describe()).hasToString("ShowTables crm FULL");
        assertThat(new ShowTables(TestConfig.schema("shop"), false, null).describe()).hasToString("ShowTables shop");
    }
}
