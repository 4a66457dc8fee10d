package io.shardgate.router.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.ShardGateException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedTextTest {

    private static PreparedText of(String sql) {
        return PreparedText.of(sql, true);
    }

    @Test
    void onlyLexicalQuestionMarksAreParameters() {
        assertThat(of("SELECT ?, '?', \"a?\", `b?` FROM t /* ? */ WHERE a = ? -- ?\n AND b = ? # ?").parameterCount())
                .isEqualTo(3);
        assertThat(of("SELECT 'it''s ?', 'x\\'?' FROM t WHERE c = ?").parameterCount()).isEqualTo(1);
        // an executable comment is SQL, its ? a parameter
        assertThat(of("SELECT /*!40101 ? , */ 1").parameterCount()).isEqualTo(1);
        assertThat(of("SELECT 1").parameterCount()).isZero();
        assertThat(of("INSERT INTO t VALUES (?,?,?)").parameterCount()).isEqualTo(3);
        // under NO_BACKSLASH_ESCAPES a backslash does not escape the quote
        assertThat(PreparedText.of("SELECT 'a\\', ?", false).parameterCount()).isEqualTo(1);
    }

    @Test
    void keywordIsTheFirstWordAfterComments() {
        assertThat(of("/* c */ select ?").keyword()).isEqualTo("SELECT");
        assertThat(of("(SELECT ?)").keyword()).isEqualTo("(");
    }

    @Test
    void oneStatementOnly() {
        assertThat(of("SELECT ?;").parameterCount()).isEqualTo(1);
        assertThat(of("SELECT ? ; -- done").parameterCount()).isEqualTo(1);
        assertThatThrownBy(() -> of("SELECT 1; SELECT 2")).isInstanceOfSatisfying(ShardGateException.class, e -> {
            assertThat(e.errorNumber()).isEqualTo(1064);
            assertThat(e.getMessage()).contains("SELECT 2");
        });
        assertThatThrownBy(() -> of("  /* nothing */ ;")).isInstanceOfSatisfying(ShardGateException.class,
                e -> assertThat(e.errorNumber()).isEqualTo(1065));
        assertThatThrownBy(() -> of("SELECT 'open")).isInstanceOfSatisfying(ShardGateException.class,
                e -> assertThat(e.errorNumber()).isEqualTo(1064));
    }

    @Test
    void bindPutsLiteralsWhereTheParametersWere() {
        PreparedText p = of("SELECT ?, 'x?' FROM t WHERE id = ? AND name IN (?,?)");
        assertThat(p.bind(List.of("1", "'a'", "NULL", "X'00'")))
                .isEqualTo("SELECT 1, 'x?' FROM t WHERE id = 'a' AND name IN (NULL,X'00')");
        assertThatThrownBy(() -> p.bind(List.of("1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bindKeepsLiteralsFromRunningIntoTheirNeighbours() {
        assertThat(of("SELECT a-? FROM t WHERE id=?AND b=?").bind(List.of("-5", "7", "'q'")))
                .isEqualTo("SELECT a- -5 FROM t WHERE id=7 AND b='q'");
        assertThat(of("SELECT ?'x'").bind(List.of("'y'"))).isEqualTo("SELECT 'y' 'x'");
        assertThat(of("SELECT 1.?").bind(List.of("5"))).isEqualTo("SELECT 1. 5");
    }

    @Test
    void withNullsKeepsRowCountsNumbers() {
        assertThat(of("SELECT * FROM t WHERE a = ? LIMIT ?").withNulls()).isEqualTo("SELECT * FROM t WHERE a = NULL LIMIT 0");
        assertThat(of("SELECT * FROM t LIMIT ?, ?").withNulls()).isEqualTo("SELECT * FROM t LIMIT 0, 0");
        assertThat(of("SELECT * FROM t LIMIT ? OFFSET ?").withNulls()).isEqualTo("SELECT * FROM t LIMIT 0 OFFSET 0");
        assertThat(of("SELECT * FROM t WHERE a IN (?, ?)").withNulls()).isEqualTo("SELECT * FROM t WHERE a IN (NULL, NULL)");
    }
}
