package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String MANY_MISTAKES = """
            users:
              - {name: app, password: app, schemas: [shopp]}
              - {name: app, password: 123, manager: maybe}
            server:
              port: 70000
              maxAllowedPacket: 64MB
            dataHosts:
              - {name: dh0, user: test, password: test, members: ["127.0.0.1:33061"], pool: {minIdle: 40}}
              - {name: dh1, user: test, password: test, members: ["127.0.0.1"]}
            dataNodes:
              - {name: dn0, dataHost: dh0, database: shop_0}
              - {name: dn1, dataHost: dh2, database: shop_1}
              - {name: dn1, dataHost: dh0, database: shop_0}
            functions:
              - {name: by_id, type: hash-mood, count: 2}
              - {name: by_name, type: hash-mod, count: 3}
              - {name: by_amount, type: range, ranges: [{from: 0, to: 1000, shard: 0}, {from: 500, shard: 1}]}
            sequences: {dataNode: dn7, blockSize: 0}
            limits: {maxSortRows: 0}
            schemas:
              - name: shop
                defaultDataNode: dn9
                tables:
                  - {name: orders, dataNodes: "dn$0-1", shardColum: id, function: by_id}
                  - {name: items, dataNodes: [dn0, dn1], shardColumn: id, function: by_idd}
                  - {name: users, dataNodes: [dn0, dn1], shardColumn: name, function: by_name}
                  - {name: Orders, dataNodes: "dn$3-1", shardColumn: id, function: by_id}
                  - {name: countries, type: global, dataNodes: [dn0, dn1], shardColumn: id}
                  - {name: notes, childOf: users, joinColumn: user_id, parentColumn: id}
            sever: {port: 1}
            """;

    @Test
    void reportsEveryMistakeAtOnceInFileOrder() {
        assertThat(ConfigText.problemsOf(MANY_MISTAKES)).containsExactly(
                "unknown key 'sever'",
                "users[0].schemas[0]: unknown schema 'shopp'",
                "users[1]: duplicate name 'app'",
                "users[1].password: expected a string, got 123 (put it in quotes to use it as text)",
                "users[1].manager: expected true or false, got 'maybe'",
                "server.port: must be between 1 and 65535, got 70000",
                "server.maxAllowedPacket: expected a size like 65536, 512K, 64M or 1G, got '64MB'",
                "dataHosts[0].pool.minIdle: must not exceed maxConnections (32), got 40",
                "dataHosts[1].members[0]: expected host:port, got '127.0.0.1'",
                "dataNodes[1].dataHost: unknown data host 'dh2'",
                "dataNodes[2]: duplicate name 'dn1'",
                "dataNodes[2]: same data host and database as dataNodes[0] ('shop_0' on 'dh0')",
                "functions[0].type: unknown function type 'hash-mood'"
                        + " (known: hash-mod, range, date-range, consistent-hash, custom)",
                "functions[2].ranges[1]: overlaps ranges[0] (0 to 1000)",
                "sequences.dataNode: unknown data node 'dn7'",
                "sequences.blockSize: must be between 1 and 1000000, got 0",
                "limits.maxSortRows: must be at least 1, got 0",
                "schemas[0].defaultDataNode: unknown data node 'dn9'",
                "schemas[0].tables[0]: unknown key 'shardColum'",
                "schemas[0].tables[0].type: required (sharded, global, single or child)",
                "schemas[0].tables[1].function: unknown function 'by_idd'",
                "schemas[0].tables[2].dataNodes: lists 2 data nodes but function 'by_name' has 3 shards;"
                        + " the two must match",
                "schemas[0].tables[3]: duplicate name 'Orders' (table names ignore case: same as 'orders')",
                "schemas[0].tables[3].dataNodes: bad range 'dn$3-1': start 3 is greater than end 1",
                "schemas[0].tables[4].shardColumn: not allowed for a global table",
                "schemas[0].tables[5].parentColumn: must be the shard column of 'users' (name), got 'id'");
    }

    @Test
    void theMessageListsEveryProblemUnderTheSourceName() {
        ConfigException e = parseFails("users: []\nsever: 1\n", "conf/test.yaml");

        assertThat(e.sourceName()).isEqualTo("conf/test.yaml");
        assertThat(e.getMessage()).isEqualTo("""
                conf/test.yaml: unknown key 'sever'
                conf/test.yaml: users: must have at least one entry
                conf/test.yaml: dataHosts: required
                conf/test.yaml: dataNodes: required
                conf/test.yaml: schemas: required""");
    }

    @Test
    void anEmptyFileLacksTheRequiredSections() {
        for (String empty : new String[] {"", "# nothing yet\n", "---\n", "~\n"}) {
            assertThat(ConfigText.problemsOf(empty)).containsExactly(
                    "users: required", "dataHosts: required", "dataNodes: required", "schemas: required");
        }
    }

    @Test
    void theTopLevelMustBeAMapping() {
        assertThat(ConfigText.problemsOf("- users\n- schemas\n")).containsExactly(
                "expected a mapping with the sections server, users, dataHosts, dataNodes, functions, sequences,"
                        + " limits, schemas, got a list");
    }

    @Test
    void syntaxErrorsHaveLineAndColumn() {
        assertThat(ConfigText.problemsOf("users:\n  - {name: app\nschemas: []\n")).containsExactly(
                "invalid YAML at line 3, column 8: expected ',' or '}', but got : "
                        + "(while parsing a flow mapping at line 2, column 5)");
        assertThat(ConfigText.problemsOf("users:\n\t- x\n")).singleElement().asString()
                .startsWith("invalid YAML at line 2, column 1: found character '\\t(TAB)' that cannot start any token");
    }

    @Test
    void aRepeatedKeyIsAnError() {
        assertThat(ConfigText.problemsOf("server:\n  port: 1\n  port: 2\n")).containsExactly(
                "invalid YAML at line 3, column 3: found duplicate key port "
                        + "(while constructing a mapping at line 2, column 3)");
    }

    @Test
    void onlyOneDocument() {
        assertThat(ConfigText.problemsOf("server: {}\n---\nserver: {}\n")).containsExactly(
                "invalid YAML at line 2, column 1: but found another document "
                        + "(expected a single document in the stream at line 1, column 1)");
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws IOException, ConfigException {
        Path file = dir.resolve("shardgate.yaml");
        Files.writeString(file, ConfigText.valid().text());

        assertThat(ConfigLoader.load(file)).isEqualTo(ConfigText.valid().load());
    }

    @Test
    void problemsInAFileNameTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shardgate.yaml");
        Files.writeString(file, ConfigText.valid().with("server", "{port: 0}").text());

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
                .withMessage(file + ": server.port: must be between 1 and 65535, got 0");
    }

    @Test
    void aMissingFileIsReportedPlainly(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
                .withMessage(file + ": file not found");
    }

    @Test
    void aDirectoryIsNotAFile(@TempDir Path dir) {
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(dir))
                .withMessageStartingWith(dir + ": cannot read the file: ");
    }

    @Test
    void theFileMustBeUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.writeString(file, "users: [{name: caf\u00e9}]\n", StandardCharsets.ISO_8859_1);

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file))
                .withMessage(file + ": cannot read the file: it is not UTF-8 text");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws ConfigException {
        assertThat(ConfigLoader.parse("\uFEFF" + ConfigText.valid().text(), "bom.yaml"))
                .isEqualTo(ConfigText.valid().load());
    }

    @Test
    void yamlNullMeansNotGiven() throws ConfigException {
        ShardGateConfig config = ConfigText.valid()
                .with("server", "~")
                .with("functions", "")
                .with("sequences", "")
                .with("limits", "~")
                .with("schemas", "- {name: shop, defaultDataNode: null, tables: ~}")
                .load();

        assertThat(config.server().port()).isEqualTo(8066);
        assertThat(config.functions()).isEmpty();
        assertThat(config.sequences()).isNull();
        assertThat(config.limits()).isEqualTo(LimitsConfig.DEFAULT);
        assertThat(config.schemas()).containsExactly(new SchemaConfig("shop", null, List.of()));
    }

    @Test
    void anchorsAndMergeKeysShareSettings() throws ConfigException {
        ShardGateConfig config = ConfigText.valid().with("dataHosts", """
                - &dh0 {name: dh0, user: u, password: p, members: ["h0:3306"], pool: {maxConnections: 4}}
                - {<<: *dh0, name: dh1, members: ["h1:3306"]}
                """).load();

        assertThat(config.dataHost("dh1").orElseThrow())
                .isEqualTo(new DataHostConfig("dh1", "u", "p", List.of(new HostPort("h1", 3306)), new PoolConfig(4, 2, 5_000)));
    }

    private static ConfigException parseFails(String yaml, String sourceName) {
        try {
            ConfigLoader.parse(yaml, sourceName);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException");
    }
}
