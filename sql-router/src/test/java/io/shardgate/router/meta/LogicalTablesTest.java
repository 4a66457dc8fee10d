package io.shardgate.router.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.config.ConfigLoader;
import io.shardgate.router.FakeRowStream;
import io.shardgate.router.FakeShardExecutor;
import io.shardgate.router.SchemaRules;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.ShardingRules;
import io.shardgate.router.TestConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogicalTablesTest {

    private final FakeShardExecutor shards = new FakeShardExecutor();

    private List<String> names(ShardingRules rules, SchemaRules schema) {
        return LogicalTables.read(shards, rules, List.of(schema), n -> true).stream()
                .map(t -> t.schema() + "." + t.name() + " on " + t.source().name()).toList();
    }

    @Test
    void listsDefaultNodeTablesAndDeclaredTablesOnce() {
        shards.answer("dn0", new CatalogAnswers().tables("orders", "customers", "accounts", "products"));

        assertThat(names(TestConfig.RULES, TestConfig.schema("shop")))
                .containsExactly("shop.accounts on dn0", "shop.customers on dn0", "shop.orders on dn0", "shop.products on dn0");
        assertThat(shards.calls()).containsExactly("executeAll [dn0]");
        assertThat(shards.statements()).containsExactly("dn0: SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = 'shop_0' AND TABLE_TYPE NOT IN ('VIEW', 'SYSTEM VIEW', 'TEMPORARY')");
    }

    @Test
    void shardsAndCopiesOnTheDefaultNodeAreNotTablesOfTheirOwn() {
        // default node dn1 holds orders' shard 1; orders' first shard (dn0) has not been created
        SchemaRules schema = new SchemaRules("shop", TestConfig.node("dn1"),
                Map.of("orders", TestConfig.schema("shop").declared("orders").orElseThrow()));
        shards.answer("dn1", new CatalogAnswers().tables("ORDERS", "customers")).answer("dn0", new CatalogAnswers().tables());

        assertThat(names(TestConfig.RULES, schema)).containsExactly("shop.customers on dn1");
        assertThat(shards.calls()).containsExactly("executeAll [dn1, dn0]");
    }

    @Test
    void aDeclaredTableKeepsItsDeclaredNameAndRemembersThePhysicalOne() {
        SchemaRules schema = new SchemaRules("shop", TestConfig.node("dn1"),
                Map.of("orders", TestConfig.schema("shop").declared("orders").orElseThrow()));
        shards.answer("dn1", new CatalogAnswers().tables("customers")).answer("dn0", new CatalogAnswers().tables("Orders", "stray"));

        List<LogicalTable> tables = LogicalTables.read(shards, TestConfig.RULES, List.of(schema), n -> true);

        assertThat(tables).extracting(LogicalTable::name).containsExactly("customers", "orders");
        assertThat(tables.get(1).physicalName()).isEqualTo("Orders");
        assertThat(tables.get(1).statisticsNodes()).extracting(n -> n.name()).containsExactly("dn0", "dn1", "dn2", "dn3");
    }

    @Test
    void aSchemaWithoutDefaultNodeListsOnlyItsDeclaredTables() {
        shards.answer("cn0", new CatalogAnswers().tables("contacts", "leftover"));

        assertThat(names(TestConfig.RULES, TestConfig.schema("crm"))).containsExactly("crm.contacts on cn0");
    }

    @Test
    void theSequenceTableIsNotPartOfTheSchemaOfItsNode() throws Exception {
        ShardingRules rules = new ShardingRules(ConfigLoader.parse(TestConfig.YAML + "sequences: { dataNode: dn0 }\n", "test"));
        shards.answer("dn0", new CatalogAnswers().tables("customers", "shardgate_sequence", "orders"));

        assertThat(names(rules, rules.schema("shop").orElseThrow()))
                .containsExactly("shop.customers on dn0", "shop.orders on dn0");
    }

    @Test
    void theFilterPicksTablesByLogicalName() {
        shards.answer("dn0", new CatalogAnswers().tables("orders", "customers"));

        assertThat(LogicalTables.read(shards, TestConfig.RULES, List.of(TestConfig.schema("shop")), "orders"::equals))
                .extracting(LogicalTable::name).containsExactly("orders");
    }

    @Test
    void aFailingNodeFailsTheStatementAndClosesTheOtherAnswers() {
        SchemaRules schema = new SchemaRules("shop", TestConfig.node("dn1"),
                Map.of("orders", TestConfig.schema("shop").declared("orders").orElseThrow()));
        FakeRowStream dn1 = FakeRowStream.of("information_schema", List.of("TABLE_NAME", "TABLE_TYPE"),
                new String[] {"customers", "BASE TABLE"});
        ShardGateException down = new ShardGateException(2003, "HY000", "Can't connect", null);
        shards.rows("dn1", dn1).fail("dn0", down);

        assertThatThrownBy(() -> names(TestConfig.RULES, schema)).isSameAs(down);
        assertThat(dn1.closed()).isTrue();
    }

    @Test
    void theHomeOfASchemaIsItsDefaultNodeElseItsFirstTablesNode() {
        assertThat(LogicalTables.home(TestConfig.schema("shop")).name()).isEqualTo("dn0");
        assertThat(LogicalTables.home(TestConfig.schema("crm")).name()).isEqualTo("cn0");
    }
}
