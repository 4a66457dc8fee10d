package io.shardgate.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MariaDbInstallationTest {

    @AfterEach
    void forgetHome() {
        System.clearProperty(MariaDbInstallation.HOME_PROPERTY);
    }

    @Test
    void findsTheInstalledServerAndReportsItsVersion() {
        MariaDbInstallation installation = MariaDbInstallation.find();

        assertThat(installation.server().getFileName().toString()).isIn("mariadbd", "mysqld");
        assertThat(installation.installDb().getFileName().toString()).isIn("mariadb-install-db", "mysql_install_db");
        assertThat(installation.client()).isPresent();
        assertThat(installation.version()).matches("\\d+\\.\\d+\\.\\d+-MariaDB.*");
    }

    @Test
    void anEmptyHomeDirectoryTellsWhatToInstall(@TempDir Path emptyHome) {
        System.setProperty(MariaDbInstallation.HOME_PROPERTY, emptyHome.toString());

        assertThatThrownBy(MariaDbInstallation::find)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot find the server (mariadbd or mysqld)")
                .hasMessageContaining("mariadb-install-db or mysql_install_db")
                .hasMessageContaining(emptyHome.toString())
                .hasMessageContaining("apt-get install -y mariadb-server mariadb-client");
    }

    @Test
    void aHomeDirectoryIsSearchedWithItsBinAndSbin() {
        System.setProperty(MariaDbInstallation.HOME_PROPERTY, "/usr");

        MariaDbInstallation installation = MariaDbInstallation.find();

        assertThat(installation.server()).isEqualTo(Path.of("/usr/sbin/mariadbd"));
        assertThat(installation.installDb()).isEqualTo(Path.of("/usr/bin/mariadb-install-db"));
        assertThat(installation.client()).contains(Path.of("/usr/bin/mariadb"));
    }

    @Test
    void aServerFromAHomeDirectoryStarts() throws Exception {
        System.setProperty(MariaDbInstallation.HOME_PROPERTY, "/usr");

        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            assertThat(LocalMariaDbTest.query(db, "", "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void theVersionIsTheWordAfterVer() {
        assertThat(MariaDbInstallation.parseVersion(
                "/usr/sbin/mariadbd  Ver 10.11.19-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64 (Debian 12)"))
                .isEqualTo("10.11.19-MariaDB-0+deb12u1");
        assertThatThrownBy(() -> MariaDbInstallation.parseVersion("garbage"))
                .isInstanceOf(IllegalStateException.class);
    }
}
