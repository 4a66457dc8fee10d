package io.shardgate.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.router.parse.Literal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlRendererTest {

    private static final List<Literal> LITERALS = List.of(new Literal("'it''s'", "it's"), new Literal("x'41'", new byte[] {0x41}));

    @Test
    void placeholdersAreReplacedBySourceText() {
        assertThat(SqlRenderer.splice("SELECT :sg0, :sg1 FROM t WHERE a=:sg0", LITERALS, true))
                .isEqualTo("SELECT 'it''s', x'41' FROM t WHERE a='it''s'");
    }

    @Test
    void placeholdersSplitFromTheirColonByJsqlparserAreReplacedToo() {
        assertThat(SqlRenderer.splice("WHERE d > DATE : sg0", LITERALS, true)).isEqualTo("WHERE d > DATE 'it''s'");
    }

    @Test
    void otherNamedParametersAndTextStayAsTheyAre() {
        assertThat(SqlRenderer.splice("SELECT :sg9, :name, :sgx, :sg, ':sg0', `:sg0` FROM t", LITERALS, true))
                .isEqualTo("SELECT :sg9, :name, :sgx, :sg, ':sg0', `:sg0` FROM t");
        assertThat(SqlRenderer.splice("SELECT @a:=1", LITERALS, true)).isEqualTo("SELECT @a:=1");
    }
}
