package io.shardgate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code users}: the proxy's own accounts. */
final class UserSection {

    private static final Set<String> KEYS = Set.of("name", "password", "schemas", "manager");

    private UserSection() {
    }

    static Declared<UserConfig> read(YamlValue section, Declared<SchemaConfig> schemas) {
        List<YamlValue> entries = Sections.entries(section, true);
        if (entries == null) {
            return Declared.unreadable();
        }
        Declared<UserConfig> users = Declared.empty();
        for (YamlValue entry : entries) {
            YamlMapping user = entry.mapping(KEYS);
            if (user == null) {
                continue;
            }
            String name = user.get("name").nonEmptyString();
            if (name != null) {
                users.declare(entry, name);
            }
            String password = Sections.password(user);
            List<String> userSchemas = user.optional("schemas", List.of(), v -> schemaNames(v, schemas));
            Boolean manager = user.optional("manager", false, YamlValue::bool);
            if (name != null && password != null && userSchemas != null && manager != null) {
                users.add(name, new UserConfig(name, password, userSchemas, manager));
            }
        }
        return users;
    }

    private static List<String> schemaNames(YamlValue value, Declared<SchemaConfig> schemas) {
        List<YamlValue> list = value.list();
        if (list == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        boolean complete = true;
        for (YamlValue element : list) {
            String name = element.string();
            if (name == null) {
                complete = false;
            } else if (!schemas.has(name)) {
                element.problem("unknown schema '" + name + "'");
                complete = false;
            } else {
                names.add(name);
            }
        }
        return complete ? names : null;
    }
}
