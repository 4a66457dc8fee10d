package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(config.functions()).containsExactly(new FunctionConfig("by_id", "hash-mod", new HashMod(2)));
        assertThat(config.schemas()).containsExactly(new SchemaConfig("shop", "dn0", List.of(
                new TableConfig("orders", List.of("dn0", "dn1"), "id", "by_id"))));
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
