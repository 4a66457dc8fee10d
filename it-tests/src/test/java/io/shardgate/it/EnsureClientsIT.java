package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/lib.sh's {@code ensure_clients}, which scripts/test runs before the suite. */
class EnsureClientsIT {

    @TempDir
    Path temp;

    private static ChildProcess.Result lib(String commands, String... args) throws Exception {
        String script = ". \"" + ShardGateCommand.home().resolve("scripts/lib.sh") + "\"; " + commands;
        List<String> command = new ArrayList<>(List.of("bash", "-c", script, "lib"));
        command.addAll(List.of(args));
        return ChildProcess.run(command, Map.of(), ShardGateCommand.home(), Duration.ofMinutes(2));
    }

    /** Where everything is installed (scripts/test has run it), it changes nothing and says nothing. */
    @Test
    void isAQuietNoOpWhenTheClientsAreThere() throws Exception {
        ChildProcess.Result missing = lib("sg_missing_clients");
        assertThat(missing.output()).isBlank();
        ChildProcess.Result run = lib("ensure_clients \"$1\"", ShardGateCommand.home().toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).isEmpty();
    }

    @Test
    void nodeModulesAreStaleWhenMissingOrOlderThanTheLockFile() throws Exception {
        Files.writeString(temp.resolve("package.json"), "{}");
        Files.writeString(temp.resolve("package-lock.json"), "{}");
        String stale = "sg_node_modules_stale \"$1\" && echo stale || echo fresh";
        assertThat(lib(stale, temp.toString()).output()).isEqualTo("stale\n");

        Path installed = Files.createDirectories(temp.resolve("node_modules")).resolve(".package-lock.json");
        Files.writeString(installed, "{}");
        Instant now = Instant.now();
        Files.setLastModifiedTime(temp.resolve("package.json"), FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(temp.resolve("package-lock.json"), FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(installed, FileTime.from(now.minusSeconds(30)));
        assertThat(lib(stale, temp.toString()).output()).isEqualTo("fresh\n");

        Files.setLastModifiedTime(temp.resolve("package-lock.json"), FileTime.from(now));
        assertThat(lib(stale, temp.toString()).output()).isEqualTo("stale\n");
    }
}
