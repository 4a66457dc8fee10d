package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserSectionTest {

    @Test
    void schemasAndManagerAreOptional() throws ConfigException {
        ShardGateConfig config = ConfigText.valid().with("users", """
                - {name: app, password: app, schemas: [shop]}
                - {name: ops, password: ''}
                - {name: admin, password: secret, manager: true}
                """).load();

        assertThat(config.users()).containsExactly(
                new UserConfig("app", "app", List.of("shop"), false),
                new UserConfig("ops", "", List.of(), false),
                new UserConfig("admin", "secret", List.of(), true));
    }

    @Test
    void isRequiredAndNotEmpty() {
        assertThat(ConfigText.valid().without("users").problems()).containsExactly("users: required");
        assertThat(ConfigText.valid().with("users", "[]").problems())
                .containsExactly("users: must have at least one entry");
    }

    @Test
    void namesAreNonEmptyAndUnique() {
        assertThat(ConfigText.valid().with("users", """
                - {name: app, password: a}
                - {name: '', password: b}
                - {name: app, password: c}
                - {password: d}
                """).problems()).containsExactly(
                        "users[1].name: must not be empty",
                        "users[2]: duplicate name 'app'",
                        "users[3].name: required");
    }

    @Test
    void passwordMustBeWrittenButMayBeEmpty() {
        assertThat(ConfigText.valid().with("users", "- {name: app}").problems())
                .containsExactly("users[0].password: required (write password: '' for an empty password, or give passwordHash)");
    }

    @Test
    void aPasswordThatYamlReadsAsANumberMustBeQuoted() {
        assertThat(ConfigText.valid().with("users", "- {name: app, password: 123456}").problems())
                .containsExactly("users[0].password: expected a string, got 123456 (put it in quotes to use it as text)");
    }

    @Test
    void schemasMustExistAndAreCaseSensitive() {
        assertThat(ConfigText.valid().with("users", "- {name: app, password: a, schemas: [shopp, shop, Shop]}")
                .problems()).containsExactly(
                        "users[0].schemas[0]: unknown schema 'shopp'",
                        "users[0].schemas[2]: unknown schema 'Shop'");
    }

    @Test
    void managerIsTrueOrFalse() {
        assertThat(ConfigText.valid().with("users", "- {name: app, password: a, manager: yes}").problems())
                .containsExactly("users[0].manager: expected true or false, got 'yes'");
    }

    @Test
    void entriesAreMappings() {
        assertThat(ConfigText.valid().with("users", "- app\n-").problems()).containsExactly(
                "users[0]: expected a mapping, got 'app'",
                "users[1]: empty entry, expected a mapping");
    }

    @Test
    void unknownKeysAreTypos() {
        assertThat(ConfigText.valid().with("users", "- {name: app, pasword: a, password: a}").problems())
                .containsExactly("users[0]: unknown key 'pasword'");
    }

    @Test
    void aBrokenSchemasSectionDoesNotEchoIntoUsers() {
        assertThat(ConfigText.valid().with("schemas", "shop").problems())
                .containsExactly("schemas: expected a list, got 'shop'");
    }
}
