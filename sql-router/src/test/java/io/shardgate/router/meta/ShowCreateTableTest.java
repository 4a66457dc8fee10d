package io.shardgate.router.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ShowCreateTableTest {

    private static final String WITH_COUNTER = "CREATE TABLE `orders` (\n  `id` bigint(20) NOT NULL AUTO_INCREMENT,\n"
            + "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci";

    @Test
    void theCounterIsReplaced() {
        assertThat(ShowCreateTable.withCounter(WITH_COUNTER, BigInteger.valueOf(12)))
                .isEqualTo(WITH_COUNTER.replace("AUTO_INCREMENT=7", "AUTO_INCREMENT=12"));
    }

    @Test
    void aCounterIsAddedWhenTheFirstShardHasNone() {
        String without = WITH_COUNTER.replace(" AUTO_INCREMENT=7", "");
        assertThat(ShowCreateTable.withCounter(without, BigInteger.valueOf(3))).isEqualTo(WITH_COUNTER.replace("=7", "=3"));
        assertThat(ShowCreateTable.withCounter(without, BigInteger.ONE)).as("1 is not shown, as in MariaDB").isEqualTo(without);
    }

    @Test
    void onlyTheTableOptionsAreTouched() {
        String comment = "CREATE TABLE `t` (\n  `c` varchar(40) DEFAULT ') ENGINE=x AUTO_INCREMENT=3'\n) ENGINE=InnoDB"
                + " AUTO_INCREMENT=5 COMMENT='AUTO_INCREMENT=9'";
        assertThat(ShowCreateTable.withCounter(comment, BigInteger.valueOf(8)))
                .isEqualTo(comment.replace("InnoDB AUTO_INCREMENT=5", "InnoDB AUTO_INCREMENT=8"));
    }
}
