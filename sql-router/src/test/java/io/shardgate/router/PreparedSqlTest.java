package io.shardgate.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.parse.PreparedText;
import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.DescribingExecutor;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.result.UpdateResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQL-level PREPARE / EXECUTE / DEALLOCATE, the prepare-time check, and describing by LIMIT 0. */
class PreparedSqlTest {

    private static final Column ID = new Column("shop_1", "orders", "orders", "id", "id", 63, 11, ColumnType.LONG, 0, 0);

    private final FakeSession session = FakeSession.inShop();
    private final FakeShardExecutor shards = new FakeShardExecutor();
    private final Planner planner = TestConfig.planner(TestConfig.catalog());

    private Result run(String sql) {
        return planner.plan(SqlParser.parse(sql, true), session).execute(new ExecutionContext(shards, session));
    }

    private static int errorOf(Runnable r) {
        try {
            r.run();
        } catch (ShardGateException e) {
            return e.errorNumber();
        }
        throw new AssertionError("no error");
    }

    @Test
    void executeRoutesByTheBoundValue() {
        shards.rows("dn1", new FakeRowStream(List.of(ID), List.of()));
        assertThat(run("PREPARE p FROM 'SELECT id FROM orders WHERE id = ?'"))
                .isEqualTo(new UpdateResult(0, 0, 0, "Statement prepared", false));
        run("SET @k = 5");
        try (RowStream rows = (RowStream) run("EXECUTE p USING @k")) {
            assertThat(rows.columns()).extracting(Column::name).containsExactly("id");
        }
        assertThat(shards.statements()).containsExactly("dn1: SELECT id FROM `shop_1`.orders WHERE id = 5");
    }

    @Test
    void executeTakesLiteralsAndComputedValues() {
        shards.rows("dn1", new FakeRowStream(List.of(ID), List.of()));
        run("SET @q = 'PREPARE'");
        run("SET @s = 'SELECT id FROM orders WHERE id = ? AND note = ?'");
        run("PREPARE `P2` FROM @s");
        ((RowStream) run("EXECUTE p2 USING 5, 'it''s'")).close();
        assertThat(shards.statements()).containsExactly("dn1: SELECT id FROM `shop_1`.orders WHERE id = 5 AND note = 'it''s'");
    }

    @Test
    void errorsAsMariaDbNamesThem() {
        run("PREPARE p FROM 'SELECT ?'");
        assertThat(errorOf(() -> run("EXECUTE p"))).isEqualTo(1210);
        assertThat(errorOf(() -> run("EXECUTE nosuch"))).isEqualTo(1243);
        assertThat(errorOf(() -> run("DEALLOCATE PREPARE nosuch"))).isEqualTo(1243);
        assertThat(run("DROP PREPARE p")).isEqualTo(UpdateResult.EMPTY);
        assertThat(session.preparedSql("p")).isNull();
        assertThat(errorOf(() -> run("PREPARE p FROM 'SELECT * FROM WHERE'"))).isEqualTo(1064);
        assertThat(errorOf(() -> run("PREPARE p FROM 'PREPARE q FROM ''SELECT 1'''"))).isEqualTo(1295);
        assertThat(errorOf(() -> run("PREPARE p FROM 'SELECT 1; SELECT 2'"))).isEqualTo(1064);
        assertThat(errorOf(() -> run("PREPARE p FROM 'LOCK TABLES orders READ'"))).isEqualTo(1235);
        assertThat(errorOf(() -> run("PREPARE p FROM @nothing"))).isEqualTo(1064);
        assertThat(errorOf(() -> run("EXECUTE"))).isEqualTo(1064);
    }

    @Test
    void aFailedPrepareLeavesNoStatementOfThatName() {
        run("PREPARE p FROM 'SELECT 1'");
        assertThat(errorOf(() -> run("PREPARE p FROM 'SELECT * FROM WHERE'"))).isEqualTo(1064);
        assertThat(session.preparedSql("P")).isNull();
    }

    @Test
    void theSessionBoundsHowManyAreKept() {
        session.maxPrepared = 1;
        run("PREPARE a FROM 'SELECT 1'");
        run("PREPARE a FROM 'SELECT 2'");
        assertThat(errorOf(() -> run("PREPARE b FROM 'SELECT 3'"))).isEqualTo(1461);
    }

    @Test
    void checkLeavesPlansThatDependOnValuesToExecution() {
        // the shard key may be set only to the value WHERE pins: unknown until execution
        planner.checkPrepared(PreparedText.of("UPDATE orders SET id = ?, note = ? WHERE id = ?", true), session);
        planner.checkPrepared(PreparedText.of("SET @a = ?", true), session);
        assertThat(errorOf(() -> planner.checkPrepared(PreparedText.of("UPDATE orders SET WHERE", true), session)))
                .isEqualTo(1064);
        assertThat(shards.statements()).isEmpty();
    }

    @Test
    void describingAsksEveryShardForNoRows() {
        shards.rows("dn0", new FakeRowStream(List.of(ID), List.of()));
        shards.rows("dn1", new FakeRowStream(List.of(ID), List.of()));
        shards.rows("dn2", new FakeRowStream(List.of(ID), List.of()));
        shards.rows("dn3", new FakeRowStream(List.of(ID), List.of()));
        String text = PreparedText.of("SELECT id FROM orders WHERE note = ? ORDER BY id LIMIT ?", true).withNulls();
        var plan = planner.plan(SqlParser.parse(text, true), session);
        try (RowStream rows = (RowStream) plan.execute(new ExecutionContext(new DescribingExecutor(shards, true), session))) {
            assertThat(rows.columns()).extracting(Column::name).containsExactly("id");
        }
        assertThat(shards.statements()).hasSize(4).allSatisfy(s -> assertThat(s).endsWith("LIMIT 0"));
        var describing = new DescribingExecutor(shards, true);
        assertThat(errorOf(() -> describing.execute(new io.shardgate.router.plan.ShardStatement("dn0", "shop_0",
                "DELETE FROM shop_0.orders")))).isEqualTo(1105);
        assertThat(errorOf(() -> describing.begin(false, List.of()))).isEqualTo(1105);
    }
}
