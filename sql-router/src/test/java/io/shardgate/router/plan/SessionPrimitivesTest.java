package io.shardgate.router.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.FakeCatalog;
import io.shardgate.router.FakeSession;
import io.shardgate.router.FakeShardExecutor;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.TestConfig;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The primitives that act on the session or wrap a route: UseSchema, Acknowledge, TransactionControl, ShowVariables, LocalResult, Ddl. */
class SessionPrimitivesTest {

    private final FakeSession session = FakeSession.inShop();
    private final FakeShardExecutor shards = new FakeShardExecutor();
    private final ExecutionContext context = new ExecutionContext(shards, session);

    private static List<Row> drain(RowStream stream) {
        List<Row> out = new ArrayList<>();
        for (Row r = stream.next(); r != null; r = stream.next()) {
            out.add(r);
        }
        return out;
    }

    @Test
    void useSchemaSwitchesTheSession() {
        assertThat(new UseSchema("crm").execute(context)).isEqualTo(UpdateResult.EMPTY);

        assertThat(session.schema()).isEqualTo("crm");
        assertThat(new UseSchema("crm").describe()).hasToString("UseSchema crm");
    }

    @Test
    void acknowledgeAnswersOkAndTouchesNothing() {
        assertThat(new Acknowledge("UNLOCK TABLES").execute(context)).isEqualTo(UpdateResult.EMPTY);

        assertThat(shards.calls()).isEmpty();
        assertThat(session.schema()).isEqualTo("shop");
        assertThat(new Acknowledge("UNLOCK TABLES").describe()).hasToString("Acknowledge UNLOCK TABLES (nothing to do)");
    }

    @Test
    void useSchemaReportsTheSessionsRefusal() {
        FakeSession restricted = new FakeSession("shop", Set.of("shop"));
        ExecutionContext ctx = new ExecutionContext(shards, restricted);

        assertThatThrownBy(() -> new UseSchema("nowhere").execute(ctx))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1049));
        assertThatThrownBy(() -> new UseSchema("crm").execute(ctx))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1044));
        assertThat(restricted.schema()).isEqualTo("shop");
    }

    @Test
    void transactionControlDrivesTheExecutor() {
        for (TransactionControl.Action action : TransactionControl.Action.values()) {
            assertThat(new TransactionControl(action, "sp", false).execute(context)).isEqualTo(UpdateResult.EMPTY);
        }
        new TransactionControl(TransactionControl.Action.COMMIT, null, true).execute(context);

        assertThat(shards.calls()).containsExactly("begin", "begin read only", "begin read write", "commit", "rollback", "savepoint sp",
                "rollback to sp", "release sp", "commit", "begin read write");
        assertThat(new TransactionControl(TransactionControl.Action.BEGIN_READ_ONLY).describe())
                .hasToString("Transaction BEGIN_READ_ONLY");
    }

    @Test
    void showVariablesListsTheSessionsVariablesSortedAndFiltered() {
        session.setSystemVariable("sql_mode", VariableScope.SESSION, "ANSI");

        RowStream all = (RowStream) new ShowVariables(VariableScope.SESSION, null).execute(context);
        RowStream sql = (RowStream) new ShowVariables(VariableScope.DEFAULT, LikePattern.of("SQL%", true)).execute(context);
        RowStream global = (RowStream) new ShowVariables(VariableScope.GLOBAL, LikePattern.of("sql_mode", true)).execute(context);

        assertThat(all.columns()).extracting(Column::name).containsExactly("Variable_name", "Value");
        assertThat(drain(all)).extracting(r -> r.text(0)).containsExactly("autocommit", "character_set_client",
                "sql_mode", "time_zone", "transaction_isolation", "transaction_read_only", "version", "wait_timeout");
        assertThat(drain(sql)).containsExactly(Row.ofStrings("sql_mode", "ANSI"));
        assertThat(drain(global)).containsExactly(Row.ofStrings("sql_mode", "STRICT_TRANS_TABLES"));
    }

    @Test
    void aNullVariableShowsAsEmpty() {
        session.setSystemVariable("time_zone", VariableScope.SESSION, null);

        RowStream rows = (RowStream) new ShowVariables(VariableScope.SESSION, LikePattern.of("time_zone", true))
                .execute(context);

        assertThat(drain(rows)).containsExactly(Row.ofStrings("time_zone", ""));
    }

    @Test
    void localResultReturnsItsRowsEachTime() {
        LocalResult local = new LocalResult("SELECT", List.of(Column.computedInteger("1")),
                List.of(Row.ofStrings("1"), Row.ofStrings("2")));

        assertThat(drain((RowStream) local.execute(context))).hasSize(2);
        assertThat(drain((ListRowStream) local.execute(context))).containsExactly(Row.ofStrings("1"), Row.ofStrings("2"));
        assertThat(local.describe()).hasToString("LocalResult SELECT (2 rows)");
    }

    private Ddl ddl(FakeCatalog catalog) {
        Route route = new Route(RouteKind.SCATTER, "orders", "shop", List.of(
                new ShardStatement("dn0", "shop_0", "ALTER TABLE `shop_0`.orders ADD x INT"),
                new ShardStatement("dn1", "shop_1", "ALTER TABLE `shop_1`.orders ADD x INT")));
        return new Ddl(route, catalog, List.of(new Ddl.Touched(TestConfig.node("dn0"), "orders"),
                new Ddl.Touched(TestConfig.node("dn1"), "orders")));
    }

    @Test
    void ddlRunsItsRouteAndForgetsTheTouchedTables() {
        FakeCatalog catalog = TestConfig.catalog();
        shards.update("dn0", UpdateResult.of(0)).update("dn1", UpdateResult.of(0));

        assertThat(ddl(catalog).execute(context)).isEqualTo(UpdateResult.EMPTY);

        assertThat(shards.statements()).hasSize(2);
        assertThat(catalog.invalidations()).containsExactly("dn0.orders", "dn1.orders");
    }

    @Test
    void ddlForgetsTheTouchedTablesEvenWhenItFails() {
        FakeCatalog catalog = TestConfig.catalog();
        shards.update("dn0", UpdateResult.of(0))
                .fail("dn1", new ShardGateException(1060, "42S21", "Duplicate column name 'x'", null));

        assertThatThrownBy(() -> ddl(catalog).execute(context))
                .hasMessage("Duplicate column name 'x' [failed on dn1; applied on dn0]");
        assertThat(catalog.invalidations()).containsExactly("dn0.orders", "dn1.orders");
    }

    @Test
    void ddlDescribesItsRoute() {
        assertThat(ddl(TestConfig.catalog()).describe()).hasToString("""
                Ddl
                  Route SCATTER orders
                    dn0: ALTER TABLE `shop_0`.orders ADD x INT
                    dn1: ALTER TABLE `shop_1`.orders ADD x INT""");
    }
}
