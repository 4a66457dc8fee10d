package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/shardgate} as users run it: a real child process, its exit code and what it prints. */
class CommandLineIT {

    // Two independent mistakes: ShardGate reports every problem at once, each with its path.
    private static final String BROKEN = """
            users:
              - { name: app, password: app, schemas: [shop] }
            dataHosts:
              - { name: dh0, user: test, password: test, members: ["127.0.0.1:33061"] }
            dataNodes:
              - { name: dn0, dataHost: dh0, database: shop_0 }
              - { name: dn1, dataHost: dh9, database: shop_1 }
            functions:
              - { name: by_id, type: hash-mod, count: 2 }
            schemas:
              - name: shop
                tables:
                  - { name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_idd }
            """;

    @TempDir
    Path temp;

    @Test
    void checkAcceptsTheExampleConfiguration() throws Exception {
        ShardGateCommand.Run run = ShardGateCommand.run("check", "--config", "conf/shardgate.yaml");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("conf/shardgate.yaml: configuration is valid");
    }

    @Test
    void checkReportsEveryProblemWithItsPath() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.yaml"), BROKEN);

        ShardGateCommand.Run run = ShardGateCommand.run("check", "--config", broken.toString());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(1);
        assertThat(run.stderr())
                .contains(broken + ": dataNodes[1].dataHost: unknown data host 'dh9'")
                .contains(broken + ": schemas[0].tables[0].function: unknown function 'by_idd'");
    }

    @Test
    void startRefusesABrokenConfiguration() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.yaml"), BROKEN);

        ShardGateCommand.Run run = ShardGateCommand.run("start", "--config", broken.toString());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(1);
        assertThat(run.stderr()).contains("refusing to start")
                .contains("dataNodes[1].dataHost")
                .contains("schemas[0].tables[0].function");
    }

    @Test
    void withoutArgumentsPrintsUsage() throws Exception {
        ShardGateCommand.Run run = ShardGateCommand.run();

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("usage: shardgate").contains("start --config FILE")
                .contains("check --config FILE").contains("demo");
    }

    @Test
    void runsFromAnyDirectoryThroughASymlink() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("shardgate"), ShardGateCommand.launcher());
        Files.copy(ShardGateCommand.home().resolve("conf/shardgate.yaml"), temp.resolve("my.yaml"));

        ProcessBuilder pb = ShardGateCommand.builder(List.of(link.toString(), "check", "--config", "my.yaml"))
                .directory(temp.toFile());
        ShardGateCommand.Run run = ShardGateCommand.run(pb, Duration.ofSeconds(60));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("my.yaml: configuration is valid");
        Files.delete(link); // else JUnit warns that it leaves the link's target alone
    }

    @Test
    void unknownCommandFailsWithUsage() throws Exception {
        ShardGateCommand.Run run = ShardGateCommand.run("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown command 'frobnicate'").contains("usage: shardgate");
    }
}
