package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerSectionTest {

    @Test
    void theWholeSectionIsOptional() throws ConfigException {
        ServerConfig server = ConfigText.valid().without("server").load().server();

        assertThat(server).isEqualTo(new ServerConfig(ServerConfig.DEFAULT_BIND_ADDRESS, ServerConfig.DEFAULT_PORT,
                ServerConfig.DEFAULT_MANAGER_PORT, ServerConfig.DEFAULT_MAX_ALLOWED_PACKET));
        assertThat(server).isEqualTo(new ServerConfig("0.0.0.0", 8066, 9066, 64L << 20));
    }

    @Test
    void eachKeyIsOptional() throws ConfigException {
        ServerConfig server = ConfigText.valid().with("server", "{port: 3307}").load().server();

        assertThat(server).isEqualTo(new ServerConfig("0.0.0.0", 3307, 9066, 64L << 20));
    }

    @Test
    void readsEveryKey() throws ConfigException {
        ServerConfig server = ConfigText.valid()
                .with("server", "{bindAddress: 127.0.0.1, port: 1, managerPort: 65535, maxAllowedPacket: 16M,"
                        + " maxPreparedStatements: 0}")
                .load().server();

        assertThat(server).isEqualTo(new ServerConfig("127.0.0.1", 1, 65535, 16L << 20, 0));
    }

    @Test
    void connectTimeoutDefaultsToMariaDbsAndTakesDurations() throws ConfigException {
        assertThat(ConfigText.valid().without("server").load().server().connectTimeoutMillis()).isEqualTo(10_000);
        assertThat(ConfigText.valid().with("server", "{connectTimeout: 3s}").load().server().connectTimeoutMillis())
                .isEqualTo(3_000);
        assertThat(ConfigText.valid().with("server", "{connectTimeout: 0s}").problems()).singleElement().asString()
                .isEqualTo("server.connectTimeout: must be at least 100ms, got '0s'");
    }

    @Test
    void netReadTimeoutDefaultsToMariaDbsAndTakesDurations() throws ConfigException {
        assertThat(ConfigText.valid().without("server").load().server().netReadTimeoutMillis()).isEqualTo(30_000);
        assertThat(ConfigText.valid().with("server", "{netReadTimeout: 2m}").load().server().netReadTimeoutMillis())
                .isEqualTo(120_000);
        assertThat(ConfigText.valid().with("server", "{netReadTimeout: 500ms}").load().server().netReadTimeoutMillis())
                .isEqualTo(500);
        assertThat(ConfigText.valid().with("server", "{netReadTimeout: 10ms}").problems()).singleElement().asString()
                .isEqualTo("server.netReadTimeout: must be at least 100ms, got '10ms'");
        assertThat(ConfigText.valid().with("server", "{netReadTimeout: soon}").problems()).singleElement().asString()
                .startsWith("server.netReadTimeout: expected a duration");
    }

    @Test
    void maxPreparedStatementsDefaultsToMariaDbsAndHasItsBounds() throws ConfigException {
        assertThat(ConfigText.valid().without("server").load().server().maxPreparedStatements()).isEqualTo(16382);
        assertThat(ConfigText.valid().with("server", "{maxPreparedStatements: 2000000}").problems())
                .containsExactly("server.maxPreparedStatements: must be between 0 and 1048576, got 2000000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0         | server.port: must be between 1 and 65535, got 0
            70000     | server.port: must be between 1 and 65535, got 70000
            -1        | server.port: must be between 1 and 65535, got -1
            abc       | server.port: expected an integer, got 'abc'
            '"8066"'  | server.port: expected an integer, got '8066'
            80.5      | server.port: expected an integer, got 80.5
            [8066]    | server.port: expected an integer, got a list
            """)
    void portMustBeAValidPort(String port, String problem) {
        assertThat(ConfigText.valid().with("server", "{port: " + port + "}").problems()).containsExactly(problem);
    }

    @Test
    void managerPortIsCheckedLikePort() {
        assertThat(ConfigText.valid().with("server", "{managerPort: 99999}").problems())
                .containsExactly("server.managerPort: must be between 1 and 65535, got 99999");
    }

    @Test
    void portsMustDiffer() {
        assertThat(ConfigText.valid().with("server", "{port: 9066}").problems())
                .containsExactly("server.managerPort: must differ from port, both are 9066");
    }

    @Test
    void bindAddressMustNotBeEmpty() {
        assertThat(ConfigText.valid().with("server", "{bindAddress: ''}").problems())
                .containsExactly("server.bindAddress: must not be empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1024       | 1024
            65536      | 65536
            1K         | 1024
            512k       | 524288
            64M        | 67108864
            1G         | 1073741824
            1073741824 | 1073741824
            """)
    void maxAllowedPacketTakesBytesOrASize(String written, long bytes) throws ConfigException {
        ServerConfig server = ConfigText.valid().with("server", "{maxAllowedPacket: " + written + "}").load().server();

        assertThat(server.maxAllowedPacket()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1023                  | server.maxAllowedPacket: must be at least 1K, got 1023
            0                     | server.maxAllowedPacket: must be at least 1K, got 0
            2G                    | server.maxAllowedPacket: must be at most 1G, got '2G'
            1073741825            | server.maxAllowedPacket: must be at most 1G, got 1073741825
            99999999999999999999G | server.maxAllowedPacket: must be at most 1G, got '99999999999999999999G'
            64MB                  | server.maxAllowedPacket: expected a size like 65536, 512K, 64M or 1G, got '64MB'
            1.5M                  | server.maxAllowedPacket: expected a size like 65536, 512K, 64M or 1G, got '1.5M'
            """)
    void maxAllowedPacketMustBeBetween1KAnd1G(String written, String problem) {
        assertThat(ConfigText.valid().with("server", "{maxAllowedPacket: " + written + "}").problems())
                .containsExactly(problem);
    }

    @Test
    void unknownKeysAreTypos() {
        assertThat(ConfigText.valid().with("server", "{prot: 8066, port: 8067}").problems())
                .containsExactly("server: unknown key 'prot'");
    }

    @Test
    void mustBeAMapping() {
        assertThat(ConfigText.valid().with("server", "[8066]").problems())
                .containsExactly("server: expected a mapping, got a list");
    }

    @Test
    void reportsEveryBadKeyAtOnce() {
        assertThat(ConfigText.valid()
                .with("server", "{bindAddress: '', port: 0, managerPort: x, maxAllowedPacket: 1}").problems())
                .containsExactly(
                        "server.bindAddress: must not be empty",
                        "server.port: must be between 1 and 65535, got 0",
                        "server.managerPort: expected an integer, got 'x'",
                        "server.maxAllowedPacket: must be at least 1K, got 1");
    }
}
