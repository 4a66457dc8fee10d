package io.shardgate.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code dataHosts}: replicated backend server groups, with their pool settings. */
final class DataHostSection {

    private static final Set<String> KEYS = Set.of("name", "user", "password", "members", "pool");
    private static final Set<String> POOL_KEYS = Set.of("maxConnections", "minIdle", "connectTimeout");
    // host:port, or [ipv6]:port; the port is checked for range separately to say what is wrong with it
    private static final Pattern MEMBER = Pattern.compile("(?:\\[([^\\]\\s]+)]|([^:\\[\\]\\s]+)):(\\d{1,9})");
    static final long MIN_CONNECT_TIMEOUT_MILLIS = 250;
    // Connector/J takes connectTimeout as an int of milliseconds
    static final long MAX_CONNECT_TIMEOUT_MILLIS = Integer.MAX_VALUE;

    private DataHostSection() {
    }

    static Declared<DataHostConfig> read(YamlValue section) {
        List<YamlValue> entries = Sections.entries(section, true);
        if (entries == null) {
            return Declared.unreadable();
        }
        Declared<DataHostConfig> hosts = Declared.empty();
        for (YamlValue entry : entries) {
            YamlMapping host = entry.mapping(KEYS);
            if (host == null) {
                continue;
            }
            String name = host.get("name").nonEmptyString();
            if (name != null) {
                hosts.declare(entry, name);
            }
            String user = host.get("user").nonEmptyString();
            String password = Sections.password(host);
            List<HostPort> members = members(host.get("members"));
            PoolConfig pool = host.optional("pool", PoolConfig.DEFAULT, DataHostSection::pool);
            if (name != null && user != null && password != null && members != null && pool != null) {
                hosts.add(name, new DataHostConfig(name, user, password, members, pool));
            }
        }
        return hosts;
    }

    private static List<HostPort> members(YamlValue value) {
        List<YamlValue> list = value.list();
        if (list == null) {
            return null;
        }
        if (list.isEmpty()) {
            value.problem("must list at least one member");
            return null;
        }
        List<HostPort> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean complete = true;
        for (YamlValue element : list) {
            HostPort member = member(element);
            if (member == null) {
                complete = false;
            } else if (!seen.add(member.host().toLowerCase(Locale.ROOT) + ":" + member.port())) {
                element.problem("duplicate member '" + element.raw() + "'");
                complete = false;
            } else {
                members.add(member);
            }
        }
        return complete ? members : null;
    }

    /** Parses {@code host:port} or {@code [ipv6]:port}; the host is kept without brackets. */
    static HostPort member(YamlValue value) {
        String text = value.string();
        if (text == null) {
            return null;
        }
        Matcher m = MEMBER.matcher(text);
        if (!m.matches()) {
            value.problem("expected host:port, got '" + text + "'");
            return null;
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            value.problem("port must be between 1 and 65535, got " + port);
            return null;
        }
        return new HostPort(m.group(1) != null ? m.group(1) : m.group(2), port);
    }

    private static PoolConfig pool(YamlValue value) {
        YamlMapping pool = value.mapping(POOL_KEYS);
        if (pool == null) {
            return null;
        }
        PoolConfig defaults = PoolConfig.DEFAULT;
        Integer max = pool.optional("maxConnections", defaults.maxConnections(), v -> v.integer(1, Integer.MAX_VALUE));
        Integer minIdle = pool.get("minIdle").absent()
                // the default must not exceed a small maxConnections the user did set
                ? (max == null ? null : Math.min(defaults.minIdle(), max))
                : pool.get("minIdle").integer(0, Integer.MAX_VALUE);
        if (minIdle != null && max != null && minIdle > max) {
            pool.get("minIdle").problem("must not exceed maxConnections (" + max + "), got " + minIdle);
            minIdle = null;
        }
        Long connectTimeout = pool.optional("connectTimeout", defaults.connectTimeoutMillis(),
                v -> Units.duration(v, MIN_CONNECT_TIMEOUT_MILLIS, MAX_CONNECT_TIMEOUT_MILLIS));
        if (max == null || minIdle == null || connectTimeout == null) {
            return null;
        }
        return new PoolConfig(max, minIdle, connectTimeout);
    }
}
