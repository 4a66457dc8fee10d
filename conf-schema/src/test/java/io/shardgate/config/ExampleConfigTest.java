package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example shipped in conf/ must load, and mean what its comments say. */
class ExampleConfigTest {

    // surefire runs in the module directory
    private static final Path EXAMPLE = Path.of("../conf/shardgate.yaml");

    @Test
    void loadsWithTheValuesItShows() throws ConfigException {
        ShardGateConfig config = ConfigLoader.load(EXAMPLE);

        assertThat(config.server()).isEqualTo(new ServerConfig("0.0.0.0", 8066, 9066, 64L * 1024 * 1024));
        assertThat(config.users()).containsExactly(
                new UserConfig("app", "app", List.of("shop"), false),
                new UserConfig("admin", "admin", List.of(), true));
        assertThat(config.dataHosts()).containsExactly(
                new DataHostConfig("dh0", "test", "test", List.of(new HostPort("127.0.0.1", 33061)),
                        new PoolConfig(32, 2, 5_000)),
                new DataHostConfig("dh1", "test", "test", List.of(new HostPort("127.0.0.1", 33062)),
                        PoolConfig.DEFAULT));
        assertThat(config.dataNodes()).containsExactly(
                new DataNodeConfig("dn0", "dh0", "shop_0"),
                new DataNodeConfig("dn1", "dh1", "shop_1"));
        assertThat(config.functions()).containsExactly(
                new FunctionConfig("by_id", "hash-mod", new HashMod(2)),
                new FunctionConfig("by_amount", "range", new Range("by_amount",
                        List.of(new Range.Span(0L, 1000L, 0), new Range.Span(1000L, null, 1)), 0)),
                new FunctionConfig("by_year", "date-range",
                        new DateRange("by_year", LocalDate.of(2024, 1, 1), ChronoUnit.YEARS, 1, 2, 1)),
                new FunctionConfig("by_user", "consistent-hash", new ConsistentHash(2, 160)));
        assertThat(config.sequences()).isEqualTo(new SequenceConfig("dn0", 1000));
        assertThat(config.limits()).isEqualTo(LimitsConfig.DEFAULT);
        List<String> both = List.of("dn0", "dn1");
        assertThat(config.schemas()).containsExactly(new SchemaConfig("shop", "dn0", List.of(
                TableConfig.sharded("orders", both, "id", "by_id"),
                TableConfig.sharded("payments", both, "amount", "by_amount"),
                TableConfig.sharded("events", both, "created", "by_year"),
                TableConfig.sharded("sessions", both, "user_name", "by_user"),
                TableConfig.child("order_items", "orders", "order_id", "id"),
                TableConfig.child("item_notes", "order_items", "order_id", "order_id"),
                TableConfig.global("countries", both),
                TableConfig.single("audit_log", "dn1"))));
    }

    @Test
    void theFunctionsPlaceKeysAsTheCommentsSay() throws ConfigException {
        ShardGateConfig config = ConfigLoader.load(EXAMPLE);

        ShardFunction byAmount = config.function("by_amount").orElseThrow().function();
        assertThat(byAmount.shardOf(999L)).isEqualTo(0);
        assertThat(byAmount.shardOf(1000L)).isEqualTo(1);
        assertThat(byAmount.shardOf(-5L)).isEqualTo(0);
        ShardFunction byYear = config.function("by_year").orElseThrow().function();
        assertThat(byYear.shardOf(LocalDate.of(2024, 12, 31))).isEqualTo(0);
        assertThat(byYear.shardOf("2025-06-01")).isEqualTo(1);
        assertThat(byYear.shardOf("2023-06-01")).isEqualTo(1);
        assertThat(config.function("by_user").orElseThrow().function().shardOf("alice")).isBetween(0, 1);
        SchemaConfig shop = config.schema("shop").orElseThrow();
        assertThat(shop.rootOf(shop.table("item_notes").orElseThrow()).name()).isEqualTo("orders");
    }

    @Test
    void theExampleInTheDocumentationLoadsToTheSameConfiguration() throws IOException, ConfigException {
        String doc = Files.readString(Path.of("../docs/configuration.md"));
        int start = doc.indexOf("```yaml\n", doc.indexOf("## Example")) + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));

        assertThat(ConfigLoader.parse(yaml, "docs/configuration.md")).isEqualTo(ConfigLoader.load(EXAMPLE));
    }

    @Test
    void lookupsFindWhatTheExampleDeclares() throws ConfigException {
        ShardGateConfig config = ConfigLoader.load(EXAMPLE);

        assertThat(config.user("app")).hasValueSatisfying(u -> assertThat(u.maySee("shop")).isTrue());
        assertThat(config.dataHost("dh0")).hasValueSatisfying(
                h -> assertThat(h.master()).isEqualTo(new HostPort("127.0.0.1", 33061)));
        assertThat(config.schema("shop").flatMap(s -> s.table("ORDERS"))).isPresent();
        assertThat(config.schema("Shop")).isEmpty();
        assertThat(config.function("by_id").orElseThrow().function().shardOf(3L)).isEqualTo(1);
    }
}
