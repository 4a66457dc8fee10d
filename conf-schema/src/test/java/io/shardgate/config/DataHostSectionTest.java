package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataHostSectionTest {

    private static ConfigText withHost(String host) {
        return ConfigText.valid().with("dataHosts", host + "\n- {name: dh1, user: u, password: p, members: [\"h1:3306\"]}");
    }

    @Test
    void membersKeepTheirOrderMasterFirst() throws ConfigException {
        DataHostConfig host = withHost("- {name: dh0, user: u, password: '', members: [\"m:3306\", \"s1:3307\", s2:3308]}")
                .load().dataHost("dh0").orElseThrow();

        assertThat(host.members()).containsExactly(
                new HostPort("m", 3306), new HostPort("s1", 3307), new HostPort("s2", 3308));
        assertThat(host.master()).isEqualTo(new HostPort("m", 3306));
        assertThat(host.password()).isEmpty();
        assertThat(host.pool()).isEqualTo(PoolConfig.DEFAULT);
    }

    @Test
    void ipv6MembersAreWrittenInBrackets() throws ConfigException {
        DataHostConfig host = withHost("- {name: dh0, user: u, password: p, members: [\"[::1]:3306\", \"[fe80::1]:3307\"]}")
                .load().dataHost("dh0").orElseThrow();

        assertThat(host.members()).containsExactly(new HostPort("::1", 3306), new HostPort("fe80::1", 3307));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1       | dataHosts[0].members[0]: expected host:port, got '127.0.0.1'
            :3306           | dataHosts[0].members[0]: expected host:port, got ':3306'
            h:              | dataHosts[0].members[0]: expected host:port, got 'h:'
            h:abc           | dataHosts[0].members[0]: expected host:port, got 'h:abc'
            ::1:3306        | dataHosts[0].members[0]: expected host:port, got '::1:3306'
            my host:3306    | dataHosts[0].members[0]: expected host:port, got 'my host:3306'
            h:70000         | dataHosts[0].members[0]: port must be between 1 and 65535, got 70000
            h:0             | dataHosts[0].members[0]: port must be between 1 and 65535, got 0
            """)
    void membersAreHostColonPort(String member, String problem) {
        assertThat(withHost("- {name: dh0, user: u, password: p, members: [\"" + member + "\"]}").problems())
                .containsExactly(problem);
    }

    @Test
    void membersAreRequiredNonEmptyAndDistinct() {
        assertThat(ConfigText.valid().with("dataHosts", """
                - {name: dh0, user: u, password: p}
                - {name: dh1, user: u, password: p, members: []}
                - {name: dh2, user: u, password: p, members: ["h:1", "H:1", "h:2"]}
                - {name: dh3, user: u, password: p, members: "h:1"}
                """).problems()).containsExactly(
                        "dataHosts[0].members: required",
                        "dataHosts[1].members: must list at least one member",
                        "dataHosts[2].members[1]: duplicate member 'H:1'",
                        "dataHosts[3].members: expected a list, got 'h:1'");
    }

    @Test
    void namesUsersAndPasswordsAreRequired() {
        assertThat(withHost("- {members: [\"h:1\"]}").problems()).containsExactly(
                "dataHosts[0].name: required",
                "dataHosts[0].user: required",
                "dataHosts[0].password: required (write password: '' for an empty password)",
                // without its name, dh0 is truly not declared
                "dataNodes[0].dataHost: unknown data host 'dh0'");
    }

    @Test
    void namesAreUnique() {
        assertThat(withHost("- {name: dh1, user: u, password: p, members: [\"h:1\"]}").problems())
                .containsExactly("dataHosts[1]: duplicate name 'dh1'", "dataNodes[0].dataHost: unknown data host 'dh0'");
    }

    @Test
    void readsThePool() throws ConfigException {
        DataHostConfig host = withHost("""
                - name: dh0
                  user: u
                  password: p
                  members: ["h:1"]
                  pool: {maxConnections: 100, minIdle: 0, connectTimeout: 1m}""")
                .load().dataHost("dh0").orElseThrow();

        assertThat(host.pool()).isEqualTo(new PoolConfig(100, 0, 60_000));
    }

    @Test
    void poolKeysAreOptional() throws ConfigException {
        assertThat(pool("{connectTimeout: 500ms}")).isEqualTo(new PoolConfig(32, 2, 500));
        assertThat(pool("{connectTimeout: 1500}")).isEqualTo(new PoolConfig(32, 2, 1_500));
        assertThat(pool("{maxConnections: 8}")).isEqualTo(new PoolConfig(8, 2, 5_000));
        assertThat(pool("{}")).isEqualTo(PoolConfig.DEFAULT);
    }

    @Test
    void theDefaultMinIdleShrinksToASmallerMaxConnections() throws ConfigException {
        assertThat(pool("{maxConnections: 1}")).isEqualTo(new PoolConfig(1, 1, 5_000));
    }

    @Test
    void poolLimits() {
        assertThat(poolProblems("{maxConnections: 0, minIdle: -1, connectTimeout: 249ms}")).containsExactly(
                "dataHosts[0].pool.maxConnections: must be at least 1, got 0",
                "dataHosts[0].pool.minIdle: must be at least 0, got -1",
                "dataHosts[0].pool.connectTimeout: must be at least 250ms, got '249ms'");
        assertThat(poolProblems("{maxConnections: 4, minIdle: 5, connectTimeout: 100}")).containsExactly(
                "dataHosts[0].pool.minIdle: must not exceed maxConnections (4), got 5",
                "dataHosts[0].pool.connectTimeout: must be at least 250ms, got 100");
        assertThat(poolProblems("{connectTimeout: 5 sec, maxConnection: 3}")).containsExactly(
                "dataHosts[0].pool: unknown key 'maxConnection'",
                "dataHosts[0].pool.connectTimeout: expected a duration like 500ms, 5s or 1m, got '5 sec'");
        assertThat(poolProblems("{connectTimeout: 2147483648}")).containsExactly(
                "dataHosts[0].pool.connectTimeout: must be at most 2147483647ms, got 2147483648");
        assertThat(poolProblems("[32]")).containsExactly("dataHosts[0].pool: expected a mapping, got a list");
    }

    private static PoolConfig pool(String pool) throws ConfigException {
        return withHost("- {name: dh0, user: u, password: p, members: [\"h:1\"], pool: " + pool + "}")
                .load().dataHost("dh0").orElseThrow().pool();
    }

    private static List<String> poolProblems(String pool) {
        return withHost("- {name: dh0, user: u, password: p, members: [\"h:1\"], pool: " + pool + "}").problems();
    }
}
