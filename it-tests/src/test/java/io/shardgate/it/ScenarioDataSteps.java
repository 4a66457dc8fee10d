package io.shardgate.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The scenario's steps that write and read rows: typed values, CRUD, the blob, utf8mb4, transactions. */
final class ScenarioDataSteps {

    static final String EMOJI = "emoji 😀 Zoë 中文 ∑";

    private final ClientScenario scenario;
    private final ClientScenario.Settings settings;
    private final String items;
    private final String notes;

    ScenarioDataSteps(ClientScenario scenario, ClientScenario.Settings settings) {
        this.scenario = scenario;
        this.settings = settings;
        this.items = scenario.table("items");
        this.notes = scenario.table("notes");
    }

    void preparedTypes(Connection c) throws SQLException {
        List<ScenarioRows.Row> rows = ScenarioRows.typedRows(false);
        List<ScenarioRows.Row> stored = ScenarioRows.typedRows(settings.wholeSeconds());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + items + " (" + ScenarioRows.COLUMNS + ") VALUES (" + ScenarioRows.PLACEHOLDERS + ")")) {
            if (settings.batched()) {
                for (ScenarioRows.Row row : rows) {
                    ScenarioRows.bind(ps, row);
                    ps.addBatch();
                }
                expectBatch(ps.executeBatch(), rows.size());
            } else {
                for (ScenarioRows.Row row : rows) {
                    ScenarioRows.bind(ps, row);
                    scenario.expect("rows inserted for id " + row.id(), 1, ps.executeUpdate());
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + ScenarioRows.COLUMNS + " FROM " + items + " WHERE id = ?")) {
            for (ScenarioRows.Row row : stored) {
                ps.setLong(1, row.id());
                try (ResultSet rs = ps.executeQuery()) {
                    scenario.expect("a row for id " + row.id(), true, rs.next());
                    String difference = ScenarioRows.difference(row, ScenarioRows.read(rs));
                    if (difference == null) {
                        difference = ScenarioRows.nullsAsObjects(rs, row);
                    }
                    scenario.expect("difference", null, difference);
                    scenario.expect("rows for id " + row.id(), false, rs.next());
                }
            }
        }
    }

    /** A batch of single-row inserts: one row each (or SUCCESS_NO_INFO where the driver rewrote the batch). */
    private void expectBatch(int[] counts, int statements) {
        scenario.expect("update counts of the batch", statements, counts.length);
        for (int count : counts) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                scenario.expect("update count in the batch", 1, count);
            }
        }
    }

    void crudSharded(Connection c) throws SQLException {
        scenario.expect("ids", List.of("1", "2", "3", "4", "5", "6"),
                ScenarioSql.column(c, "SELECT id FROM " + items + " ORDER BY id"));
        List<String> writes = List.of("UPDATE " + items + " SET i = i + 1 WHERE id = 3",
                "UPDATE " + items + " SET s = 'all' WHERE id > 2", "DELETE FROM " + items + " WHERE id IN (5, 6)");
        List<Integer> expected = List.of(1, 4, 2);
        try (Statement st = c.createStatement()) {
            if (settings.batched()) {
                for (String sql : writes) {
                    st.addBatch(sql);
                }
                int[] counts = st.executeBatch();
                scenario.expect("update counts of the batch", expected, java.util.Arrays.stream(counts).boxed().toList());
            } else {
                for (int k = 0; k < writes.size(); k++) {
                    scenario.expect("rows affected by " + writes.get(k), expected.get(k), st.executeUpdate(writes.get(k)));
                }
            }
        }
        // i: MIN_VALUE (row 1), NULL (row 2), 300 + 1 (row 3), 400 (row 4)
        scenario.expect("COUNT(*), SUM(i)", List.of(List.of("4", Long.toString(Integer.MIN_VALUE + 701L))),
                ScenarioSql.rows(c, "SELECT COUNT(*), SUM(i) FROM " + items));
    }

    void crudUnsharded(Connection c) throws SQLException {
        List<String> bodies = List.of("first note", "second note", "third note");
        long generated;
        if (settings.batched()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + notes + " (body) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (String body : bodies) {
                    ps.setString(1, body);
                    ps.addBatch();
                }
                expectBatch(ps.executeBatch(), bodies.size());
                generated = firstKey(ps);
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + notes + " (body) VALUES (?), (?), (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int k = 0; k < bodies.size(); k++) {
                    ps.setString(k + 1, bodies.get(k));
                }
                scenario.expect("rows inserted", 3, ps.executeUpdate());
                generated = firstKey(ps);
            }
        }
        List<String> ids = ScenarioSql.column(c, "SELECT id FROM " + notes + " ORDER BY id");
        scenario.expect("notes inserted", 3, ids.size());
        scenario.expect("LAST_INSERT_ID()", ids.getFirst(), ScenarioSql.single(c, "SELECT LAST_INSERT_ID()"));
        scenario.expect("generated key", ids.getFirst(), Long.toString(generated));
        scenario.expect("rows updated", 1, write(c, "UPDATE " + notes + " SET body = ? WHERE id = ?", "second, changed", ids.get(1)));
        scenario.expect("rows deleted", 1, write(c, "DELETE FROM " + notes + " WHERE id = ?", ids.get(2)));
        scenario.expect("notes left", List.of(List.of(ids.get(0), "first note"), List.of(ids.get(1), "second, changed")),
                ScenarioSql.rows(c, "SELECT id, body FROM " + notes + " ORDER BY id"));
    }

    private long firstKey(Statement st) throws SQLException {
        try (ResultSet keys = st.getGeneratedKeys()) {
            scenario.expect("a generated key", true, keys.next());
            return keys.getLong(1);
        }
    }

    /** A prepared write with text parameters; returns its update count. */
    private static int write(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < parameters.length; k++) {
                ps.setString(k + 1, parameters[k]);
            }
            return ps.executeUpdate();
        }
    }

    void blob(Connection c) throws SQLException {
        byte[] blob = ScenarioRows.blob();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + items + " (id, b) VALUES (?, ?)")) {
            ps.setLong(1, 7);
            ps.setBytes(2, blob);
            scenario.expect("rows inserted", 1, ps.executeUpdate());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT b, SHA2(b, 256) FROM " + items + " WHERE id = ?")) {
            ps.setLong(1, 7);
            try (ResultSet rs = ps.executeQuery()) {
                scenario.expect("a row for id 7", true, rs.next());
                byte[] back = rs.getBytes(1);
                int mismatch = back == null ? 0 : java.util.Arrays.mismatch(blob, back);
                if (mismatch >= 0) {
                    throw scenario.failure("the blob read back differs at byte " + mismatch + " (length "
                            + (back == null ? "NULL" : back.length) + ")", null);
                }
                scenario.expect("SHA2(b, 256)", ScenarioRows.sha256(blob), rs.getString(2));
            }
        }
        scenario.expect("LENGTH(b)", Integer.toString(ScenarioRows.BLOB_SIZE),
                ScenarioSql.single(c, "SELECT LENGTH(b) FROM " + items + " WHERE id = 7"));
    }

    void utf8mb4(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + notes + " (body) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, EMOJI);
            scenario.expect("rows inserted", 1, ps.executeUpdate());
            ids.add(Long.toString(firstKey(ps)));
        }
        try (Statement st = c.createStatement()) {
            scenario.expect("rows inserted", 1, st.executeUpdate("INSERT INTO " + notes + " (body) VALUES ('" + EMOJI + "')",
                    Statement.RETURN_GENERATED_KEYS));
            ids.add(Long.toString(firstKey(st)));
        }
        List<String> lengths = List.of(EMOJI, "16", "26");
        scenario.expect("body, CHAR_LENGTH(body), LENGTH(body)", List.of(lengths, lengths), ScenarioSql.rows(c,
                "SELECT body, CHAR_LENGTH(body), LENGTH(body) FROM " + notes + " WHERE id IN (" + String.join(", ", ids)
                        + ") ORDER BY id"));
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM " + notes + " WHERE id = ?")) {
            for (String id : ids) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    scenario.expect("a note " + id, true, rs.next());
                    scenario.expect("body of note " + id + " read by a prepared statement", EMOJI, rs.getString(1));
                }
            }
        }
    }

    void transaction(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN");
            insertItems(c, 8);
            st.execute("ROLLBACK");
            scenario.expect("item 8 after ROLLBACK", List.of(), itemIds(c, "8, 9"));
            st.execute("START TRANSACTION");
            insertItems(c, 8, 9);
            st.execute("COMMIT");
            scenario.expect("items after COMMIT", List.of("8", "9"), itemIds(c, "8, 9"));
        }
        c.setAutoCommit(false);
        insertItems(c, 10);
        c.rollback();
        c.setAutoCommit(true);
        scenario.expect("item 10 after rollback()", List.of(), itemIds(c, "10"));
        scenario.expect("@@autocommit", "1", ScenarioSql.single(c, "SELECT @@autocommit"));
    }

    private void insertItems(Connection c, long... ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + items + " (id, s) VALUES (?, ?)")) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.setString(2, "tx " + id);
                if (settings.batched()) {
                    ps.addBatch();
                } else {
                    scenario.expect("rows inserted for id " + id, 1, ps.executeUpdate());
                }
            }
            if (settings.batched()) {
                expectBatch(ps.executeBatch(), ids.length);
            }
        }
    }

    private List<String> itemIds(Connection c, String ids) throws SQLException {
        return ScenarioSql.column(c, "SELECT id FROM " + items + " WHERE id IN (" + ids + ") ORDER BY id");
    }
}
