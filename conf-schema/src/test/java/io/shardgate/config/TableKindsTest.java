package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kinds of table a schema declares: sharded, global, single and child, and the keys each takes. */
class TableKindsTest {

    /** Four data nodes dn0..dn3, a 4-shard function by4 and a 2-shard by_id. */
    private static ConfigText withTables(String tables) {
        return ConfigText.valid()
                .with("dataNodes", """
                        - {name: dn0, dataHost: dh0, database: db0}
                        - {name: dn1, dataHost: dh1, database: db1}
                        - {name: dn2, dataHost: dh0, database: db2}
                        - {name: dn3, dataHost: dh1, database: db3}""")
                .with("functions", """
                        - {name: by_id, type: hash-mod, count: 2}
                        - {name: by4, type: hash-mod, count: 4}""")
                .with("schemas", "- name: shop\n  tables:\n" + tables.indent(4));
    }

    private static List<TableConfig> tables(String tables) throws ConfigException {
        return withTables(tables).load().schema("shop").orElseThrow().tables();
    }

    private static List<String> problems(String tables) {
        return withTables(tables).problems();
    }

    @Test
    void readsEveryKind() throws ConfigException {
        assertThat(tables("""
                - { name: orders, dataNodes: "dn$0-3", shardColumn: id, function: by4 }
                - { name: order_items, childOf: orders, joinColumn: order_id, parentColumn: id }
                - { name: countries, type: global, dataNodes: "dn$0-3" }
                - { name: audit, type: single, dataNode: dn2 }
                """)).containsExactly(
                        TableConfig.sharded("orders", List.of("dn0", "dn1", "dn2", "dn3"), "id", "by4"),
                        TableConfig.child("order_items", "orders", "order_id", "id"),
                        TableConfig.global("countries", List.of("dn0", "dn1", "dn2", "dn3")),
                        TableConfig.single("audit", "dn2"));
    }

    @Test
    void typeIsCaseInsensitiveAndMayBeExplicit() throws ConfigException {
        assertThat(tables("""
                - { name: orders, type: Sharded, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                - { name: items, type: CHILD, childOf: orders, joinColumn: order_id, parentColumn: id }
                - { name: audit, type: Single, dataNode: dn2 }
                """)).extracting(TableConfig::kind)
                .containsExactly(TableKind.SHARDED, TableKind.CHILD, TableKind.SINGLE);
    }

    @Test
    void typeMustBeKnownOrImplied() {
        assertThat(problems("""
                - { name: a, type: sharde, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                - { name: b, dataNodes: [dn0, dn1] }
                - { name: c, shardColumn: id, childOf: a, function: by_id }
                - { name: d, type: 1 }
                """)).containsExactly(
                        "schemas[0].tables[0].type: unknown table type 'sharde' (known: sharded, global, single, child)",
                        "schemas[0].tables[1].type: required (sharded, global, single or child)",
                        "schemas[0].tables[2].type: required when both shardColumn and childOf are given"
                                + " (sharded or child)",
                        "schemas[0].tables[3].type: expected a string, got 1 (put it in quotes to use it as text)");
    }

    @Test
    void keysOfOtherKindsAreNotAllowed() {
        assertThat(problems("""
                - { name: a, type: sharded, dataNodes: [dn0, dn1], shardColumn: id, function: by_id, dataNode: dn0,
                    childOf: x, joinColumn: y, parentColumn: z }
                - { name: countries, type: global, dataNodes: "dn$0-3", shardColumn: id, function: by4 }
                - { name: audit, type: single, dataNode: dn2, shardColumn: id, childOf: a }
                - { name: items, childOf: a, joinColumn: a_id, parentColumn: id, dataNodes: [dn0, dn1], function: by_id }
                """)).containsExactly(
                        "schemas[0].tables[0].dataNode: not allowed for a sharded table",
                        "schemas[0].tables[0].childOf: not allowed for a sharded table",
                        "schemas[0].tables[0].joinColumn: not allowed for a sharded table",
                        "schemas[0].tables[0].parentColumn: not allowed for a sharded table",
                        "schemas[0].tables[1].shardColumn: not allowed for a global table",
                        "schemas[0].tables[1].function: not allowed for a global table",
                        "schemas[0].tables[2].shardColumn: not allowed for a single table",
                        "schemas[0].tables[2].childOf: not allowed for a single table",
                        "schemas[0].tables[3].dataNodes: not allowed for a child table",
                        "schemas[0].tables[3].function: not allowed for a child table");
    }

    @Test
    void globalTablesListTheirDataNodes() {
        assertThat(problems("""
                - { name: a, type: global }
                - { name: b, type: global, dataNodes: [] }
                - { name: c, type: global, dataNodes: [dn0, dn0, dn7] }
                - { name: d, type: global, dataNodes: "dn$0-1,dn1" }
                """)).containsExactly(
                        "schemas[0].tables[0].dataNodes: required",
                        "schemas[0].tables[1].dataNodes: must list at least one data node",
                        "schemas[0].tables[2].dataNodes[1]: duplicate data node 'dn0'",
                        "schemas[0].tables[2].dataNodes[2]: unknown data node 'dn7'",
                        "schemas[0].tables[3].dataNodes: duplicate data node 'dn1' (from 'dn$0-1,dn1')");
    }

    @Test
    void aGlobalTableMayLiveOnAnyNumberOfDataNodes() throws ConfigException {
        assertThat(tables("- { name: c, type: global, dataNodes: [dn3, dn1, dn2] }"))
                .containsExactly(TableConfig.global("c", List.of("dn3", "dn1", "dn2")));
    }

    @Test
    void aSingleTableAlsoAcceptsOneDataNodesEntry() throws ConfigException {
        assertThat(tables("""
                - { name: a, type: single, dataNodes: [dn1] }
                - { name: b, type: single, dataNodes: "dn$3-3" }
                """)).containsExactly(TableConfig.single("a", "dn1"), TableConfig.single("b", "dn3"));
    }

    @Test
    void aSingleTableLivesOnExactlyOneDataNode() {
        assertThat(problems("""
                - { name: a, type: single }
                - { name: b, type: single, dataNode: dn9 }
                - { name: c, type: single, dataNodes: "dn$0-1" }
                - { name: d, type: single, dataNode: dn0, dataNodes: [dn0] }
                - { name: e, type: single, dataNode: [dn0] }
                """)).containsExactly(
                        "schemas[0].tables[0].dataNode: required",
                        "schemas[0].tables[1].dataNode: unknown data node 'dn9'",
                        "schemas[0].tables[2].dataNodes: a single table lives on one data node, got 2 (dn0, dn1)",
                        "schemas[0].tables[3].dataNodes: give either dataNode or dataNodes, not both",
                        "schemas[0].tables[4].dataNode: expected a string, got a list");
    }

    @Test
    void childTablesNeedTheirParentAndColumns() {
        assertThat(problems("""
                - { name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                - { name: items, type: child }
                - { name: notes, childOf: '', joinColumn: '', parentColumn: id }
                """)).containsExactly(
                        "schemas[0].tables[1].childOf: required",
                        "schemas[0].tables[1].joinColumn: required",
                        "schemas[0].tables[1].parentColumn: required",
                        "schemas[0].tables[2].childOf: must not be empty",
                        "schemas[0].tables[2].joinColumn: must not be empty");
    }

    @Test
    void theParentIsAShardedOrChildTableOfTheSameSchemaFoundIgnoringCase() throws ConfigException {
        // declared before their parents, and naming them in another case
        assertThat(tables("""
                - { name: item_notes, childOf: ORDER_ITEMS, joinColumn: order_id, parentColumn: ORDER_ID }
                - { name: order_items, childOf: Orders, joinColumn: order_id, parentColumn: ID }
                - { name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                """)).extracting(TableConfig::name, TableConfig::childOf)
                .containsExactly(
                        tuple("item_notes", "ORDER_ITEMS"),
                        tuple("order_items", "Orders"),
                        tuple("orders", null));
    }

    @Test
    void theParentMustExistAndBeShardedOrAChild() {
        assertThat(problems("""
                - { name: countries, type: global, dataNodes: "dn$0-3" }
                - { name: audit, type: single, dataNode: dn2 }
                - { name: a, childOf: ordres, joinColumn: order_id, parentColumn: id }
                - { name: b, childOf: countries, joinColumn: country_id, parentColumn: id }
                - { name: c, childOf: Audit, joinColumn: audit_id, parentColumn: id }
                """)).containsExactly(
                        "schemas[0].tables[2].childOf: unknown table 'ordres'",
                        "schemas[0].tables[3].childOf: 'countries' is a global table; the parent of a child table"
                                + " must be a sharded or child table",
                        "schemas[0].tables[4].childOf: 'audit' is a single table; the parent of a child table"
                                + " must be a sharded or child table");
    }

    @Test
    void aParentInAnotherSchemaDoesNotCount() {
        assertThat(withTables("")
                .with("schemas", """
                        - name: a
                          tables: [{ name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }]
                        - name: b
                          tables: [{ name: items, childOf: orders, joinColumn: order_id, parentColumn: id }]
                        """)
                .with("users", "- {name: app, password: app, schemas: [a, b]}")
                .problems()).containsExactly("schemas[1].tables[0].childOf: unknown table 'orders'");
    }

    @Test
    void parentColumnIsTheColumnThatCarriesTheRootsShardKey() {
        assertThat(problems("""
                - { name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                - { name: items, childOf: orders, joinColumn: order_id, parentColumn: item_id }
                - { name: items2, childOf: orders, joinColumn: order_id, parentColumn: Id }
                - { name: notes, childOf: items2, joinColumn: order_id, parentColumn: id }
                """)).containsExactly(
                        "schemas[0].tables[1].parentColumn: must be the shard column of 'orders' (id), got 'item_id'",
                        "schemas[0].tables[3].parentColumn: must be the join column of 'items2' (order_id), got 'id'");
    }

    @Test
    void cyclesAreReportedOnceAtTheirFirstTable() {
        assertThat(problems("""
                - { name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                - { name: a, childOf: b, joinColumn: x, parentColumn: x }
                - { name: b, childOf: c, joinColumn: x, parentColumn: x }
                - { name: c, childOf: A, joinColumn: x, parentColumn: x }
                - { name: self, childOf: self, joinColumn: x, parentColumn: x }
                - { name: tail, childOf: b, joinColumn: x, parentColumn: x }
                """)).containsExactly(
                        "schemas[0].tables[1].childOf: forms a cycle: a -> b -> c -> a"
                                + " (following childOf must lead to a sharded table)",
                        "schemas[0].tables[4].childOf: forms a cycle: self -> self"
                                + " (following childOf must lead to a sharded table)");
    }

    @Test
    void aBrokenParentIsReportedOnlyWhereItIs() {
        assertThat(problems("""
                - { name: items, childOf: orders, joinColumn: order_id, parentColumn: id }
                - { name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_idd }
                - { name: notes, childOf: other, joinColumn: order_id, parentColumn: id }
                - { name: other, type: globl, dataNodes: [dn0] }
                """)).containsExactly(
                        "schemas[0].tables[1].function: unknown function 'by_idd'",
                        "schemas[0].tables[3].type: unknown table type 'globl' (known: sharded, global, single, child)");
    }

    @Test
    void problemsAreInFileOrderThoughChildrenAreCheckedLast() {
        assertThat(problems("""
                - { name: items, childOf: orders, joinColumn: order_id, parentColumn: order_id }
                - { name: countries, type: global, dataNodes: [dn9] }
                - { name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id, extra: 1 }
                """)).containsExactly(
                        "schemas[0].tables[0].parentColumn: must be the shard column of 'orders' (id), got 'order_id'",
                        "schemas[0].tables[1].dataNodes[0]: unknown data node 'dn9'",
                        "schemas[0].tables[2]: unknown key 'extra'");
    }

    @Test
    void rootOfFollowsChildOfUpToTheShardedTable() throws ConfigException {
        SchemaConfig schema = withTables("""
                - { name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                - { name: items, childOf: orders, joinColumn: order_id, parentColumn: id }
                - { name: notes, childOf: items, joinColumn: order_id, parentColumn: order_id }
                - { name: countries, type: global, dataNodes: [dn0, dn1] }
                """).load().schema("shop").orElseThrow();
        TableConfig orders = schema.table("orders").orElseThrow();

        assertThat(schema.rootOf(schema.table("notes").orElseThrow())).isEqualTo(orders);
        assertThat(schema.rootOf(schema.table("items").orElseThrow())).isEqualTo(orders);
        assertThat(schema.rootOf(orders)).isEqualTo(orders);
        assertThat(schema.rootOf(schema.table("countries").orElseThrow())).isEqualTo(schema.table("countries").get());
    }

    @Test
    void rootOfRefusesChainsThatDoNotEndAtAShardedTable() {
        SchemaConfig schema = new SchemaConfig("s", null, List.of(
                TableConfig.child("a", "b", "x", "x"),
                TableConfig.child("b", "a", "x", "x"),
                TableConfig.child("c", "nowhere", "x", "x"),
                TableConfig.child("d", "g", "x", "x"),
                TableConfig.global("g", List.of("dn0"))));

        assertThatIllegalArgumentException().isThrownBy(() -> schema.rootOf(schema.tables().get(0)))
                .withMessage("table 'a' does not lead to a sharded table");
        assertThatIllegalArgumentException().isThrownBy(() -> schema.rootOf(schema.tables().get(2)))
                .withMessage("table 'c': no table 'nowhere' in schema 's'");
        assertThatIllegalArgumentException().isThrownBy(() -> schema.rootOf(schema.tables().get(3)))
                .withMessage("table 'd' does not lead to a sharded table");
    }
}
