package io.shardgate.router.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.router.FakeRowStream;
import io.shardgate.router.FakeSession;
import io.shardgate.router.FakeShardExecutor;
import io.shardgate.router.TestConfig;
import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SHOW statements over the logical schemas, executed against fake data nodes. */
class ShowsTest {

    private FakeSession session = FakeSession.inShop();
    private final FakeShardExecutor shards = new FakeShardExecutor();

    private RowStream run(String sql) {
        return (RowStream) TestConfig.planner(TestConfig.catalog()).plan(SqlParser.parse(sql, true), session)
                .execute(new ExecutionContext(shards, session));
    }

    private static List<String> rows(RowStream stream) {
        List<String> out = new ArrayList<>();
        for (Row r = stream.next(); r != null; r = stream.next()) {
            out.add(r.toString());
        }
        stream.close();
        return out;
    }

    private static Column showColumn(String name, String orgName, ColumnType type, int flags) {
        return new Column("information_schema", "TABLES", "TABLES", name, orgName,
                type == ColumnType.VAR_STRING ? Column.UTF8MB4_GENERAL_CI : Column.BINARY_COLLATION, 256, type, flags, 0);
    }

    private static FakeRowStream empty(Column... columns) {
        return new FakeRowStream(List.of(columns), List.of());
    }

    @Test
    void showDatabasesListsInformationSchemaAndVisibleSchemasSortedWithMariaDbColumns() {
        Column database = showColumn("Database", "SCHEMA_NAME", ColumnType.VAR_STRING, Column.NOT_NULL);
        shards.answer("dn0", new CatalogAnswers().on("SHOW DATABASES WHERE 0", s -> empty(database)));

        RowStream all = run("SHOW DATABASES");
        assertThat(all.columns()).containsExactly(database);
        assertThat(rows(all)).containsExactly("(crm)", "(information_schema)", "(shop)");
        RowStream like = run("SHOW DATABASES LIKE 's%'");
        assertThat(like.columns()).extracting(Column::name).containsExactly("Database (s%)");
        assertThat(rows(like)).containsExactly("(shop)");
        assertThat(rows(run("SHOW DATABASES LIKE 'S%'"))).as("schema names are case-sensitive").isEmpty();

        session = new FakeSession("shop", Set.of("shop"));
        assertThat(rows(run("SHOW SCHEMAS"))).containsExactly("(information_schema)", "(shop)");
    }

    @Test
    void aWhereConditionIsEvaluatedByANodeOverTheRows() {
        List<Column> columns = List.of(showColumn("Tables_in_information_schema", "TABLE_NAME", ColumnType.VAR_STRING, Column.NOT_NULL),
                showColumn("Table_type", "TABLE_TYPE", ColumnType.VAR_STRING, Column.NOT_NULL));
        List<String> asked = new ArrayList<>();
        shards.answer("dn0", new CatalogAnswers()
                .on("SHOW FULL TABLES FROM information_schema WHERE 0", s -> new FakeRowStream(columns, List.of()))
                .tables("orders", "customers", "products")
                .on("SELECT shardgate_row FROM", s -> {
                    asked.add(s.sql());
                    return FakeRowStream.of("", List.of("shardgate_row"), new String[] {"0"}, new String[] {"2"});
                }));

        RowStream result = run("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE' AND Tables_in_shop <> 'orders'");

        assertThat(result.columns()).extracting(Column::name).containsExactly("Tables_in_shop", "Table_type");
        assertThat(rows(result)).containsExactly("(customers, BASE TABLE)", "(products, BASE TABLE)");
        assertThat(asked).containsExactly("SELECT shardgate_row FROM ((SELECT 0 AS shardgate_row, _utf8mb3 X'637573746F6D657273'"
                + " AS `Tables_in_shop`, _utf8mb3 X'42415345205441424C45' AS `Table_type` LIMIT 0)"
                + " UNION ALL VALUES (0, _utf8mb3 X'637573746F6D657273', _utf8mb3 X'42415345205441424C45'),"
                + " (1, _utf8mb3 X'6F7264657273', _utf8mb3 X'42415345205441424C45'),"
                + " (2, _utf8mb3 X'70726F6475637473', _utf8mb3 X'42415345205441424C45')) AS shardgate_show"
                + " WHERE Table_type = 'BASE TABLE' AND Tables_in_shop <> 'orders'");
    }

    @Test
    void tableStatusAddsUpTheShardsUnderShowColumnNames() {
        List<Column> show = List.of(showColumn("Name", "TABLE_NAME", ColumnType.VAR_STRING, Column.NOT_NULL),
                showColumn("Rows", "TABLE_ROWS", ColumnType.LONGLONG, Column.UNSIGNED),
                showColumn("Data_length", "DATA_LENGTH", ColumnType.LONGLONG, Column.UNSIGNED),
                showColumn("Auto_increment", "AUTO_INCREMENT", ColumnType.LONGLONG, Column.UNSIGNED));
        List<Column> tables = CatalogAnswers.text("TABLE_SCHEMA", "TABLE_NAME", "TABLE_ROWS", "AVG_ROW_LENGTH", "DATA_LENGTH",
                "AUTO_INCREMENT");
        shards.answer("dn0", new CatalogAnswers().on("SHOW TABLE STATUS FROM information_schema WHERE 0",
                        s -> new FakeRowStream(show, List.of())))
                .answer("cn0", new CatalogAnswers().tables("contacts")
                        .rows("SELECT * FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'crm_0' AND TABLE_NAME IN ('contacts')",
                                tables, new String[] {"crm_0", "contacts", "3", "5461", "16384", "7"}))
                .answer("cn1", new CatalogAnswers()
                        .rows("SELECT * FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'crm_1' AND TABLE_NAME IN ('contacts')",
                                tables, new String[] {"crm_1", "contacts", "5", "3276", "16384", "10"}));

        RowStream status = run("SHOW TABLE STATUS FROM crm");

        assertThat(status.columns()).isEqualTo(show);
        assertThat(rows(status)).containsExactly("(contacts, 8, 32768, 10)");
    }

    @Test
    void showCreateDatabaseNamesTheLogicalSchema() {
        List<Column> columns = CatalogAnswers.text("Database", "Create Database");
        shards.answer("cn0", new CatalogAnswers().rows("SHOW CREATE DATABASE IF NOT EXISTS `crm_0`", columns,
                new String[] {"crm_0", "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `crm_0` /*!40100 DEFAULT CHARACTER SET utf8mb4"
                        + " COLLATE utf8mb4_general_ci */ COMMENT 'crm_0 data'"}));

        assertThat(rows(run("SHOW CREATE DATABASE IF NOT EXISTS crm"))).containsExactly("(crm, CREATE DATABASE /*!32312 IF NOT"
                + " EXISTS*/ `crm` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */ COMMENT 'crm_0 data')");
    }

    @Test
    void showIndexAddsUpCardinalitiesOverShards() {
        List<Column> columns = CatalogAnswers.text("Table", "Key_name", "Seq_in_index", "Column_name", "Cardinality");
        shards.answer("cn0", new CatalogAnswers().rows("SHOW INDEX FROM `crm_0`.`contacts`", columns,
                        new String[] {"contacts", "PRIMARY", "1", "id", "3"}, new String[] {"contacts", "ix", "1", "email", null}))
                .answer("cn1", new CatalogAnswers().rows("SHOW INDEX FROM `crm_1`.`contacts`", columns,
                        new String[] {"contacts", "PRIMARY", "1", "id", "5"}, new String[] {"contacts", "ix", "1", "email", "2"}));

        assertThat(rows(run("SHOW KEYS FROM crm.contacts")))
                .containsExactly("(contacts, PRIMARY, 1, id, 8)", "(contacts, ix, 1, email, 2)");
    }

    @Test
    void showCreateTableShowsTheGreatestCounterOfTheShards() {
        String ddl = "CREATE TABLE `contacts` (\n  `id` int(11) NOT NULL AUTO_INCREMENT\n) ENGINE=InnoDB AUTO_INCREMENT=4";
        List<Column> counter = CatalogAnswers.text("AUTO_INCREMENT");
        shards.answer("cn0", new CatalogAnswers()
                        .rows("SHOW CREATE TABLE `crm_0`.`contacts`", CatalogAnswers.text("Table", "Create Table"),
                                new String[] {"contacts", ddl})
                        .rows("SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'crm_0'", counter,
                                new String[] {"4"}))
                .answer("cn1", new CatalogAnswers()
                        .rows("SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'crm_1'", counter,
                                new String[] {"9"}));

        assertThat(rows(run("SHOW CREATE TABLE crm.contacts"))).containsExactly("(contacts, " + ddl.replace("=4", "=9") + ")");
    }
}
