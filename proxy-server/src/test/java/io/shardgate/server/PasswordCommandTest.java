package io.shardgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.config.ConfigLoader;
import io.shardgate.config.UserConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordCommandTest {

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PasswordCommand.run(args, null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static UserConfig load(String passwordHashLine) throws Exception {
        return ConfigLoader.parse("""
                users:
                  - name: u
                    %s
                dataHosts: [{ name: dh, user: u, password: p, members: ["h:1"] }]
                dataNodes: [{ name: dn, dataHost: dh, database: d }]
                schemas: [{ name: s, defaultDataNode: dn }]
                """.formatted(passwordHashLine), "t").users().getFirst();
    }

    @Test
    void printsAValueTheLoaderAcceptsAndThatChecksThePassword() throws Exception {
        Result r = run("pässword ✓\nignored second line\n", "passwd", "--iterations", "1000");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("passwordHash: [\"pbkdf2-sha256:1000:").endsWith("\"]\n");
        UserConfig user = load(r.out().strip());
        assertThat(user.password().matches("pässword ✓".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(user.password().matches("password".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(user.password().nativeHash()).isPresent();

        Result sha2 = run("pw\n", "passwd", "--sha2-only", "--iterations", "1000");
        assertThat(load(sha2.out().strip()).password().nativeHash()).isEmpty();
        Result nat = run("test\n", "passwd", "--native-only");
        assertThat(nat.out()).isEqualTo("passwordHash: [\"*94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29\"]\n");
    }

    @Test
    void refusesWhatCannotBeHashed() throws Exception {
        assertThat(run("\n", "passwd").err()).contains("an empty password has no hash");
        assertThat(run("", "passwd").err()).contains("no password on standard input");
        assertThat(run("x\n", "passwd", "--iterations", "5").exit()).isEqualTo(2);
        assertThat(run("x\n", "passwd", "--sha2-only", "--native-only").exit()).isEqualTo(2);
        assertThat(run("x\n", "passwd", "--bogus").err()).contains("unknown option '--bogus'");
    }
}
