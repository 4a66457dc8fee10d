package io.shardgate.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccountProbeTest {

    private static LocalMariaDb db;

    @BeforeAll
    static void startServer() {
        db = LocalMariaDb.builder().account("prober", "s3cret").start();
    }

    @AfterAll
    static void stopServer() {
        db.close();
    }

    @Test
    void theRightPasswordLogsIn() {
        AccountProbe.Result result = AccountProbe.login(address(), "prober", "s3cret", 1_000);

        assertThat(result.outcome()).isEqualTo(AccountProbe.Outcome.ACCEPTED);
    }

    @Test
    void aWrongPasswordIsDenied() {
        AccountProbe.Result result = AccountProbe.login(address(), "prober", "wrong", 1_000);

        assertThat(result.outcome()).isEqualTo(AccountProbe.Outcome.DENIED);
        assertThat(result.detail()).contains("error 1045").contains("Access denied for user 'prober'");
    }

    @Test
    void anEmptyPasswordIsSentAsNoPassword() {
        AccountProbe.Result result = AccountProbe.login(address(), "prober", "", 1_000);

        assertThat(result.outcome()).isEqualTo(AccountProbe.Outcome.DENIED);
        assertThat(result.detail()).contains("using password: NO");
    }

    @Test
    void aPortNobodyListensOnIsNotReady() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        AccountProbe.Result result =
                AccountProbe.login(new InetSocketAddress("127.0.0.1", closedPort), "prober", "s3cret", 1_000);

        assertThat(result.outcome()).isEqualTo(AccountProbe.Outcome.NOT_READY);
        assertThat(result.detail()).contains("Connection refused");
    }

    private static InetSocketAddress address() {
        return new InetSocketAddress(db.host(), db.port());
    }
}
