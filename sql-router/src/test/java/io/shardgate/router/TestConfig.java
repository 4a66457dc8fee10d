package io.shardgate.router;

import io.shardgate.config.ConfigException;
import io.shardgate.config.ConfigLoader;
import io.shardgate.config.ShardGateConfig;
import java.util.List;

/**
 * The cluster every router test plans against, built by the real configuration loader.
 *
 * <ul>
 *   <li>{@code shop}: default node dn0; {@code orders} by {@code id} over dn0..dn3 (hash-mod 4);
 *       {@code accounts} by {@code code} over dn0, dn1 (hash-mod 2); {@code products} global, a copy
 *       on each of dn0..dn3</li>
 *   <li>{@code crm}: no default node; {@code contacts} by {@code id} over cn0, cn1 (hash-mod 2)</li>
 *   <li>{@code hr}: everything on one data node, hn0 (its default node, and {@code staff} single there)</li>
 * </ul>
 * Data nodes live on two data hosts, even-numbered ones on dh0 and odd-numbered ones on dh1.
 */
public final class TestConfig {

    public static final String YAML = """
            users:
              - {name: app, password: app, schemas: [shop, crm]}
            dataHosts:
              - {name: dh0, user: test, password: test, members: ["127.0.0.1:33061"]}
              - {name: dh1, user: test, password: test, members: ["127.0.0.1:33062"]}
            dataNodes:
              - {name: dn0, dataHost: dh0, database: shop_0}
              - {name: dn1, dataHost: dh1, database: shop_1}
              - {name: dn2, dataHost: dh0, database: shop_2}
              - {name: dn3, dataHost: dh1, database: shop_3}
              - {name: cn0, dataHost: dh0, database: crm_0}
              - {name: cn1, dataHost: dh1, database: crm_1}
              - {name: hn0, dataHost: dh1, database: hr_db}
            functions:
              - {name: mod4, type: hash-mod, count: 4}
              - {name: mod2, type: hash-mod, count: 2}
            schemas:
              - name: shop
                defaultDataNode: dn0
                tables:
                  - {name: orders, dataNodes: "dn$0-3", shardColumn: id, function: mod4}
                  - {name: accounts, dataNodes: [dn0, dn1], shardColumn: code, function: mod2}
                  - {name: products, type: global, dataNodes: "dn$0-3"}
              - name: crm
                tables:
                  - {name: contacts, dataNodes: [cn0, cn1], shardColumn: id, function: mod2}
              - name: hr
                defaultDataNode: hn0
                tables:
                  - {name: staff, type: single, dataNode: hn0}
            """;

    public static final ShardGateConfig CONFIG = load();

    public static final ShardingRules RULES = new ShardingRules(CONFIG);

    private TestConfig() {
    }

    private static ShardGateConfig load() {
        try {
            return ConfigLoader.parse(YAML, "test");
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DataNode node(String name) {
        return RULES.node(name);
    }

    public static SchemaRules schema(String name) {
        return RULES.schema(name).orElseThrow();
    }

    /**
     * A catalog with the physical tables' columns on their first data nodes: orders(id INT, customer
     * VARCHAR, amount DECIMAL, created DATETIME, customer_id INT), accounts(code VARCHAR, owner VARCHAR, balance
     * DECIMAL), customers(id INT, name VARCHAR), products(id INT, name VARCHAR, price DECIMAL) on dn0, contacts(id INT, email VARCHAR) on cn0.
     * {@code logs} on dn0 is unknown to it.
     */
    public static FakeCatalog catalog() {
        return new FakeCatalog()
                .table("dn0", "orders", "id INTEGER", "customer STRING", "amount DECIMAL", "created TEMPORAL", "customer_id INTEGER")
                .table("dn0", "accounts", "code STRING", "owner STRING", "balance DECIMAL")
                .table("dn0", "customers", "id INTEGER", "name STRING")
                .table("dn0", "products", "id INTEGER", "name STRING", "price DECIMAL")
                .table("cn0", "contacts", "id INTEGER", "email STRING");
    }

    public static Planner planner(TableCatalog catalog) {
        return new Planner(RULES, catalog);
    }

    public static List<String> shopNodes() {
        return List.of("dn0", "dn1", "dn2", "dn3");
    }
}
