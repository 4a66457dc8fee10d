package io.shardgate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code users}: the proxy's own accounts. */
final class UserSection {

    private static final Set<String> KEYS = Set.of("name", "password", "passwordHash", "schemas", "manager",
            "authPlugin", "requireSecureTransport");

    private UserSection() {
    }

    /**
     * @param defaultPlugin the server's default plugin: that of a user naming none, if the user's
     *                      stored password can serve it
     */
    static Declared<UserConfig> read(YamlValue section, Declared<SchemaConfig> schemas, AuthPlugin defaultPlugin) {
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
            StoredPassword password = password(entry, user);
            List<String> userSchemas = user.optional("schemas", List.of(), v -> schemaNames(v, schemas));
            Boolean manager = user.optional("manager", false, YamlValue::bool);
            AuthPlugin plugin = plugin(user, password, defaultPlugin);
            Boolean requireTls = user.optional("requireSecureTransport", false, YamlValue::bool);
            if (name != null && password != null && userSchemas != null && manager != null && requireTls != null
                    && plugin != null) {
                users.add(name, new UserConfig(name, password, userSchemas, manager, plugin, requireTls));
            }
        }
        return users;
    }

    /** Exactly one of {@code password} (clear, may be empty) and {@code passwordHash}. */
    private static StoredPassword password(YamlValue entry, YamlMapping user) {
        YamlValue hash = user.get("passwordHash");
        if (hash.absent()) {
            String clear = Sections.password(user, ", or give passwordHash");
            return clear == null ? null : StoredPassword.clear(clear);
        }
        if (!user.get("password").absent()) {
            entry.problem("give either password or passwordHash, not both");
            return null;
        }
        List<YamlValue> parts = hash.raw() instanceof List<?> ? hash.list() : List.of(hash);
        if (parts.isEmpty()) {
            hash.problem("must have at least one entry");
            return null;
        }
        StoredPassword.Builder builder = new StoredPassword.Builder();
        boolean complete = true;
        for (YamlValue part : parts) {
            String text = part.nonEmptyString();
            if (text == null) {
                complete = false;
                continue;
            }
            try {
                StoredPassword.parseEntry(text, builder);
            } catch (IllegalArgumentException e) {
                part.problem(e.getMessage());
                complete = false;
            }
        }
        return complete ? builder.build() : null;
    }

    /**
     * The named plugin, which the stored password must serve; without a name, the server's default
     * when the password serves it, else the one it serves (a hash of one kind serves one plugin).
     */
    private static AuthPlugin plugin(YamlMapping user, StoredPassword password, AuthPlugin defaultPlugin) {
        YamlValue named = user.get("authPlugin");
        AuthPlugin plugin = named.absent() ? null : AuthPlugin.read(named);
        if (password == null || (plugin == null && !named.absent())) {
            return null;
        }
        if (plugin == null) {
            return password.supports(defaultPlugin) ? defaultPlugin
                    : password.supports(AuthPlugin.CACHING_SHA2_PASSWORD) ? AuthPlugin.CACHING_SHA2_PASSWORD
                    : AuthPlugin.MYSQL_NATIVE_PASSWORD;
        }
        if (!password.supports(plugin)) {
            user.get("passwordHash").problem("has no hash that " + plugin.pluginName() + " can check: it needs "
                    + (plugin == AuthPlugin.CACHING_SHA2_PASSWORD ? "a 'pbkdf2-sha256:...' entry"
                    : "a '*' and 40 hex digits entry") + " (bin/shardgate passwd prints both)");
            return null;
        }
        return plugin;
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
