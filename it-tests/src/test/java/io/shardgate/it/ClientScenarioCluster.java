package io.shardgate.it;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The cluster every client of the compatibility matrix runs the shared scenario against
 * ({@code it-tests/src/test/clients/SCENARIO.md}): two backends, schema {@code shop} with
 * {@code <prefix>items} sharded by id (hash-mod 2: even ids on {@code shop_0}, odd on
 * {@code shop_1}) and {@code <prefix>notes} on the default node, for every prefix given; users
 * {@code native} (mysql_native_password) and {@code sha2} (caching_sha2_password); TLS with the
 * certificate ShardGate generates at start.
 */
final class ClientScenarioCluster {

    static final String NATIVE_USER = "native";
    static final String NATIVE_PASSWORD = "native-secret";
    static final String SHA2_USER = "sha2";
    static final String SHA2_PASSWORD = "sha2-secret";

    private ClientScenarioCluster() {
    }

    /** Starts the cluster with tables declared for each prefix ({@code py_}, {@code cj_}, ...). */
    static ShardedCluster start(List<String> prefixes) throws Exception {
        return start(prefixes, List.of());
    }

    /**
     * Also declares {@code sha2Users}: more caching_sha2_password users with password {@link
     * #SHA2_PASSWORD}. The proxy caches a user's fast-path hash after its first full authentication,
     * so only a user no client has logged in as yet takes the full path (over TLS, or with RSA).
     */
    static ShardedCluster start(List<String> prefixes, List<String> sha2Users) throws Exception {
        String users = sha2Users.stream()
                .map(u -> "  - { name: " + u + ", password: " + SHA2_PASSWORD + ", authPlugin: caching_sha2_password, schemas: [shop] }\n")
                .collect(Collectors.joining());
        String tables = prefixes.stream()
                .map(p -> "          - { name: " + p + "items, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }")
                .collect(Collectors.joining("\n"));
        return ShardedCluster.start(2, i -> List.of("shop_" + i), """
                server: { port: 8066, managerPort: 9066 }
                users:
                  - { name: native, password: native-secret, authPlugin: mysql_native_password, schemas: [shop] }
                  - { name: sha2, password: sha2-secret, authPlugin: caching_sha2_password, schemas: [shop] }
                """ + users + """
                dataHosts:
                  - { name: dh0, user: test, password: test, members: ["127.0.0.1:${port0}"] }
                  - { name: dh1, user: test, password: test, members: ["127.0.0.1:${port1}"] }
                dataNodes:
                  - { name: dn0, dataHost: dh0, database: shop_0 }
                  - { name: dn1, dataHost: dh1, database: shop_1 }
                functions:
                  - { name: by_id, type: hash-mod, count: 2 }
                schemas:
                  - name: shop
                    defaultDataNode: dn0
                    tables:
                """ + tables + "\n", "--max-allowed-packet=64M"); // the 20 MiB blob, its 40 MiB hex statement
    }
}
