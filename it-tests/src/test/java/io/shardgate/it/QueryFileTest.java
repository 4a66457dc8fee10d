package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QueryFileTest {

    private static QueryFile.Case parse(String line) {
        return QueryFile.parse("t.sql", 1, line, Path.of("t.sql"));
    }

    @Test
    void readsMarkersAndStripsThem() {
        QueryFile.Case refused = parse("UPDATE orders SET id = 2 WHERE id = 1 -- refused");
        assertThat(refused.expect()).isEqualTo(QueryFile.Expect.REFUSED);
        assertThat(refused.sql()).isEqualTo("UPDATE orders SET id = 2 WHERE id = 1");

        QueryFile.Case error = parse("SELECT nope FROM orders --   error 1054  ");
        assertThat(error.expect()).isEqualTo(QueryFile.Expect.ERROR);
        assertThat(error.errorCode()).isEqualTo(1054);
        assertThat(error.sql()).isEqualTo("SELECT nope FROM orders");

        QueryFile.Case unordered = parse("SELECT id, status FROM orders ORDER BY status -- unordered");
        assertThat(unordered.expect()).isEqualTo(QueryFile.Expect.ROWS);
        assertThat(unordered.ordered()).isFalse();

        // a '--' inside a string literal is not a marker
        assertThat(parse("SELECT '-- refused' AS x").sql()).isEqualTo("SELECT '-- refused' AS x");
        assertThat(parse("SELECT '-- refused' AS x").expect()).isEqualTo(QueryFile.Expect.ROWS);
    }

    @Test
    void ordersOnlyByATopLevelOrderBy() {
        assertThat(parse("SELECT id FROM orders ORDER BY id LIMIT 5").ordered()).isTrue();
        assertThat(parse("SELECT id FROM orders").ordered()).isFalse();
        assertThat(parse("SELECT status, GROUP_CONCAT(id ORDER BY id) FROM orders GROUP BY status").ordered()).isFalse();
        assertThat(parse("SELECT * FROM (SELECT id FROM orders ORDER BY id LIMIT 3) t").ordered()).isFalse();
        assertThat(parse("SELECT id FROM a UNION SELECT id FROM b ORDER BY id").ordered()).isTrue();
        assertThat(parse("INSERT INTO t SELECT id FROM orders ORDER BY id").ordered()).isFalse();
        // what JSqlParser cannot parse falls back to a scan at parenthesis depth 0
        assertThat(parse("SELECT id FROM orders ORDER BY BINARY note, id").ordered()).isTrue();
        assertThat(QueryFile.orderByOutsideParentheses("SELECT GROUP_CONCAT(x ORDER BY x) FROM t WHERE n = 'ORDER BY'")).isFalse();
        assertThat(QueryFile.orderByOutsideParentheses("SELECT x AS reorder_by FROM t")).isFalse();
    }
}
