package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real {@code mariadb} command-line client through ShardGate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbCliIT {

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.twoShards();
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(40), amount DECIMAL(10,2))");
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private MariaDbCli.Run sql(String sql) throws Exception {
        return MariaDbCli.execute(cluster.port(), ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD, "shop", sql);
    }

    @Test
    void insertsReadsUpdatesAndDeletesThroughTheCli() throws Exception {
        MariaDbCli.Run insert = sql("INSERT INTO orders VALUES (1, 'ann', 1.50), (2, 'bob', 2.50), (3, 'cyd', NULL)");
        assertThat(insert.exitCode()).as(insert.stderr()).isZero();

        MariaDbCli.Run select = sql("SELECT id, customer, amount FROM orders WHERE id IN (1, 2, 3)");
        assertThat(select.exitCode()).as(select.stderr()).isZero();
        assertThat(select.stdout().lines().toList())
                .first().isEqualTo("id\tcustomer\tamount");
        assertThat(select.stdout().lines().skip(1).toList())
                .containsExactlyInAnyOrder("1\tann\t1.50", "2\tbob\t2.50", "3\tcyd\tNULL");

        assertThat(sql("UPDATE orders SET amount = 9.99 WHERE customer = 'bob'").exitCode()).isZero();
        assertThat(sql("SELECT amount FROM orders WHERE id = 2").stdout()).isEqualTo("amount\n9.99\n");
        assertThat(sql("DELETE FROM orders WHERE id = 3").exitCode()).isZero();
        assertThat(sql("SELECT id FROM orders").stdout().lines().skip(1).toList()).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void connectsInteractivelyStyleWithVersionCommentAndShowsLogicalMetadata() throws Exception {
        MariaDbCli.Run status = sql("SELECT DATABASE(); SHOW DATABASES; SHOW TABLES");
        assertThat(status.exitCode()).as(status.stderr()).isZero();
        assertThat(status.stdout()).contains("DATABASE()\nshop\n").contains("Database\ninformation_schema\nshop\n").contains("Tables_in_shop\norders\n");
        MariaDbCli.Run version = MariaDbCli.run(cluster.port(), ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD, "shop",
                "-e", "status");
        assertThat(version.exitCode()).as(version.stderr()).isZero();
        assertThat(version.stdout()).contains("ShardGate");
    }

    @Test
    void reportsErrorsWithTheirNumbersAndKeepsTheSessionUsable() throws Exception {
        MariaDbCli.Run refused = sql("SELECT id, RANK() OVER (ORDER BY id) FROM orders");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("ERROR 1235 (42000)").contains("window function");

        MariaDbCli.Run force = MariaDbCli.script(cluster.port(), ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD, "shop",
                "SELECT VARIANCE(amount) FROM orders;\nSELECT 'after' AS still;\n", "--force");
        assertThat(force.stderr()).contains("ERROR 1235");
        assertThat(force.stdout()).contains("still\nafter");

        MariaDbCli.Run denied = MariaDbCli.execute(cluster.port(), "app", "wrong", "shop", "SELECT 1");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains("ERROR 1045 (28000)").contains("Access denied for user 'app'");

        MariaDbCli.Run unknown = MariaDbCli.execute(cluster.port(), ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD,
                "nowhere", "SELECT 1");
        assertThat(unknown.stderr()).contains("ERROR 1049 (42000)").contains("Unknown database 'nowhere'");
    }

    @Test
    void managementPortAnswersCobarStyleCommands() throws Exception {
        MariaDbCli.Run nodes = MariaDbCli.execute(cluster.managerPort(), "admin", "admin", null, "show @@datanode");
        assertThat(nodes.exitCode()).as(nodes.stderr()).isZero();
        assertThat(nodes.stdout()).contains("dn0\tdh0\tshop_0\t127.0.0.1:" + cluster.backend(0).port())
                .contains("dn1\tdh1\tshop_1\t127.0.0.1:" + cluster.backend(1).port());
        MariaDbCli.Run connections = MariaDbCli.execute(cluster.managerPort(), "admin", "admin", null, "show @@connection");
        assertThat(connections.stdout()).contains("manager\tadmin");
        MariaDbCli.Run sources = MariaDbCli.execute(cluster.managerPort(), "admin", "admin", null, "show @@datasource");
        assertThat(sources.stdout()).contains("dh0\t127.0.0.1:" + cluster.backend(0).port() + "\tmaster\tyes");
        MariaDbCli.Run wrong = MariaDbCli.execute(cluster.managerPort(), ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD,
                null, "show @@datanode");
        assertThat(wrong.stderr()).contains("ERROR 1045");
        MariaDbCli.Run unknown = MariaDbCli.execute(cluster.managerPort(), "admin", "admin", null, "show @@nonsense");
        assertThat(unknown.stderr()).contains("ERROR 1235").contains("show @@help");
    }
}
