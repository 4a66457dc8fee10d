package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataNodeSectionTest {

    @Test
    void readsNodes() throws ConfigException {
        assertThat(ConfigText.valid().load().dataNodes()).containsExactly(
                new DataNodeConfig("dn0", "dh0", "db0"), new DataNodeConfig("dn1", "dh1", "db1"));
    }

    @Test
    void dataHostMustExist() {
        assertThat(ConfigText.valid().with("dataNodes", """
                - {name: dn0, dataHost: dh0, database: db0}
                - {name: dn1, dataHost: dh9, database: db1}
                """).problems()).containsExactly("dataNodes[1].dataHost: unknown data host 'dh9'");
    }

    @Test
    void namesAreUnique() {
        assertThat(ConfigText.valid().with("dataNodes", """
                - {name: dn0, dataHost: dh0, database: db0}
                - {name: dn1, dataHost: dh1, database: db1}
                - {name: dn1, dataHost: dh1, database: db2}
                """).problems()).containsExactly("dataNodes[2]: duplicate name 'dn1'");
    }

    @Test
    void twoNodesMayNotNameTheSameDatabase() {
        assertThat(ConfigText.valid().with("dataNodes", """
                - {name: dn0, dataHost: dh0, database: db0}
                - {name: dn1, dataHost: dh0, database: db0}
                - {name: dn2, dataHost: dh1, database: db0}
                - {name: dn3, dataHost: dh0, database: DB0}
                """).with("schemas", "- {name: shop}").problems())
                .containsExactly("dataNodes[1]: same data host and database as dataNodes[0] ('db0' on 'dh0')");
    }

    @Test
    void everyKeyIsRequired() {
        assertThat(ConfigText.valid().with("dataNodes", """
                - {name: dn0, dataHost: dh0, database: db0}
                - {name: dn1, dataHost: '', database: ''}
                - {}
                """).problems()).containsExactly(
                        "dataNodes[1].dataHost: must not be empty",
                        "dataNodes[1].database: must not be empty",
                        "dataNodes[2].name: required",
                        "dataNodes[2].dataHost: required",
                        "dataNodes[2].database: required");
    }

    @Test
    void isRequiredAndNotEmpty() {
        assertThat(ConfigText.valid().with("dataNodes", "[]").with("schemas", "- {name: shop}").problems())
                .containsExactly("dataNodes: must have at least one entry");
        assertThat(ConfigText.valid().without("dataNodes").with("schemas", "- {name: shop}").problems())
                .containsExactly("dataNodes: required");
    }

    @Test
    void unknownKeysAreTypos() {
        assertThat(ConfigText.valid().with("dataNodes", """
                - {name: dn0, dataHost: dh0, database: db0}
                - {name: dn1, datahost: dh1, dataHost: dh1, database: db1}
                """).problems()).containsExactly("dataNodes[1]: unknown key 'datahost'");
    }
}
