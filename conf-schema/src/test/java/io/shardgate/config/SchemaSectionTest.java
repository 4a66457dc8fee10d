package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaSectionTest {

    /** Four data nodes dn0..dn3 on two hosts, and functions with 2 and 4 shards. */
    private static ConfigText fourNodes() {
        return ConfigText.valid()
                .with("dataNodes", """
                        - {name: dn0, dataHost: dh0, database: db0}
                        - {name: dn1, dataHost: dh1, database: db1}
                        - {name: dn2, dataHost: dh0, database: db2}
                        - {name: dn3, dataHost: dh1, database: db3}""")
                .with("functions", """
                        - {name: by_id, type: hash-mod, count: 2}
                        - {name: by4, type: hash-mod, count: 4}""");
    }

    private static ConfigText withTables(String tables) {
        return fourNodes().with("schemas", "- name: shop\n  tables:\n" + tables.indent(4));
    }

    private static List<String> tables(String tables) throws ConfigException {
        return withTables(tables).load().schema("shop").orElseThrow().tables().stream()
                .map(t -> t.name() + "=" + t.dataNodes()).toList();
    }

    @Test
    void defaultDataNodeAndTablesAreOptional() throws ConfigException {
        ShardGateConfig config = ConfigText.valid().with("schemas", "- {name: shop}\n- {name: Shop, defaultDataNode: dn1}")
                .load();

        assertThat(config.schemas()).containsExactly(
                new SchemaConfig("shop", null, List.of()), new SchemaConfig("Shop", "dn1", List.of()));
    }

    @Test
    void defaultDataNodeMustExist() {
        assertThat(ConfigText.valid().with("schemas", "- {name: shop, defaultDataNode: dn9}").problems())
                .containsExactly("schemas[0].defaultDataNode: unknown data node 'dn9'");
    }

    @Test
    void namesAreCaseSensitiveButUnique() {
        assertThat(ConfigText.valid().with("schemas", "- {name: shop}\n- {name: shop}\n- {name: Shop}").problems())
                .containsExactly("schemas[1]: duplicate name 'shop'");
    }

    @Test
    void isRequired() {
        assertThat(ConfigText.valid().without("schemas").problems()).containsExactly(
                "schemas: required");
    }

    @Test
    void dataNodesExpandRanges() throws ConfigException {
        assertThat(tables("""
                - {name: a, dataNodes: "dn$0-3", shardColumn: id, function: by4}
                - {name: b, dataNodes: ["dn$0-1", dn2, dn3], shardColumn: id, function: by4}
                - {name: c, dataNodes: ["dn$2-3,dn0", dn1], shardColumn: id, function: by4}
                - {name: d, dataNodes: "dn3, dn0", shardColumn: id, function: by_id}
                """)).containsExactly(
                        "a=[dn0, dn1, dn2, dn3]",
                        "b=[dn0, dn1, dn2, dn3]",
                        "c=[dn2, dn3, dn0, dn1]",
                        "d=[dn3, dn0]");
    }

    @Test
    void dataNodesMustExistOnceEach() {
        assertThat(withTables("""
                - {name: a, dataNodes: [dn0, dn7], shardColumn: id, function: by_id}
                - {name: b, dataNodes: ["dn$2-5"], shardColumn: id, function: by4}
                - {name: c, dataNodes: [dn0, "dn$0-2"], shardColumn: id, function: by4}
                """).problems()).containsExactly(
                        "schemas[0].tables[0].dataNodes[1]: unknown data node 'dn7'",
                        "schemas[0].tables[1].dataNodes[0]: unknown data node 'dn4' (from 'dn$2-5')",
                        "schemas[0].tables[1].dataNodes[0]: unknown data node 'dn5' (from 'dn$2-5')",
                        "schemas[0].tables[2].dataNodes[1]: duplicate data node 'dn0' (from 'dn$0-2')");
    }

    @Test
    void badDataNodeEntries() {
        assertThat(withTables("""
                - {name: a, dataNodes: ["dn$3-1"], shardColumn: id, function: by_id}
                - {name: b, dataNodes: "dn$x-1", shardColumn: id, function: by_id}
                - {name: c, dataNodes: [dn0, ''], shardColumn: id, function: by_id}
                - {name: d, dataNodes: [], shardColumn: id, function: by_id}
                - {name: e, dataNodes: {dn0: 1}, shardColumn: id, function: by_id}
                """).problems()).containsExactly(
                        "schemas[0].tables[0].dataNodes[0]: bad range 'dn$3-1': start 3 is greater than end 1",
                        "schemas[0].tables[1].dataNodes: bad range 'dn$x-1', expected prefix$start-end like dn$0-3",
                        "schemas[0].tables[2].dataNodes[1]: must not be empty",
                        "schemas[0].tables[3].dataNodes: must list at least one data node",
                        "schemas[0].tables[4].dataNodes: expected a list, got a mapping");
    }

    @Test
    void dataNodeCountMustMatchTheFunction() {
        assertThat(withTables("""
                - {name: a, dataNodes: "dn$0-2", shardColumn: id, function: by_id}
                - {name: b, dataNodes: [dn0, dn1], shardColumn: id, function: by4}
                """).problems()).containsExactly(
                        "schemas[0].tables[0].dataNodes: lists 3 data nodes but function 'by_id' has 2 shards;"
                                + " the two must match",
                        "schemas[0].tables[1].dataNodes: lists 2 data nodes but function 'by4' has 4 shards;"
                                + " the two must match");
    }

    @Test
    void functionMustExist() {
        assertThat(withTables("""
                - {name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_idd}
                """).problems()).containsExactly("schemas[0].tables[0].function: unknown function 'by_idd'");
    }

    @Test
    void aBrokenFunctionIsReportedOnlyWhereItIs() {
        assertThat(withTables("""
                - {name: orders, dataNodes: [dn0, dn1, dn2], shardColumn: id, function: by_id}
                """).with("functions", "- {name: by_id, type: hash-mod, count: 0}").problems())
                .containsExactly("functions[0].count: must be at least 1, got 0");
    }

    @Test
    void everyTableNeedsANameAndAKind() {
        assertThat(withTables("- {}").problems()).containsExactly(
                "schemas[0].tables[0].name: required",
                "schemas[0].tables[0].type: required (sharded, global, single or child)");
    }

    @Test
    void everyShardedTableKeyIsRequired() {
        assertThat(withTables("- {type: sharded}").problems()).containsExactly(
                "schemas[0].tables[0].name: required",
                "schemas[0].tables[0].dataNodes: required",
                "schemas[0].tables[0].shardColumn: required",
                "schemas[0].tables[0].function: required");
    }

    @Test
    void misspelledKeysAreCaught() {
        assertThat(withTables("""
                - {name: orders, type: sharded, dataNodes: [dn0, dn1], shardColum: id, function: by_id}
                - {name: items, dataNodes: [dn0, dn1], shardColum: id, function: by_id}
                """).problems()).containsExactly(
                        "schemas[0].tables[0]: unknown key 'shardColum'",
                        "schemas[0].tables[0].shardColumn: required",
                        // without shardColumn (or a type) nothing tells what kind of table it is
                        "schemas[0].tables[1]: unknown key 'shardColum'",
                        "schemas[0].tables[1].type: required (sharded, global, single or child)");
    }

    @Test
    void tableNamesAreUniqueIgnoringCase() {
        assertThat(withTables("""
                - {name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id}
                - {name: orders, dataNodes: [dn2, dn3], shardColumn: id, function: by_id}
                - {name: ORDERS, dataNodes: [dn2, dn3], shardColumn: id, function: by_id}
                """).problems()).containsExactly(
                        "schemas[0].tables[1]: duplicate name 'orders'",
                        "schemas[0].tables[2]: duplicate name 'ORDERS' (table names ignore case: same as 'orders')");
    }

    @Test
    void sameTableNameInTwoSchemasIsFine() throws ConfigException {
        ShardGateConfig config = fourNodes().with("schemas", """
                - {name: a, tables: [{name: t, dataNodes: [dn0, dn1], shardColumn: id, function: by_id}]}
                - {name: b, tables: [{name: t, dataNodes: [dn2, dn3], shardColumn: id, function: by_id}]}
                """).with("users", "- {name: app, password: app, schemas: [a, b]}").load();

        assertThat(config.schema("b").flatMap(s -> s.table("T")).orElseThrow().dataNodes()).containsExactly("dn2", "dn3");
    }
}
