package io.shardgate.it;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The values of the client scenario's typed rows ({@code it-tests/src/test/clients/SCENARIO.md},
 * step prepared-types) and its 20 MiB blob, bound and read back through JDBC with the getter of
 * each column's Java type, so a driver's own mapping of every wire type is exercised.
 */
final class ScenarioRows {

    static final String COLUMNS = "id, t, sm, i, bi, u, dc, f, d, dt, tm, ts, s, txt, bin, b";
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    static final int BLOB_SIZE = 20 * 1024 * 1024;

    /** One row of {@code items}; null fields are SQL NULL. */
    record Row(long id, Byte t, Short sm, Integer i, Long bi, Long u, BigDecimal dc, Float f, Double d, LocalDate dt,
               LocalTime tm, LocalDateTime ts, String s, String txt, byte[] bin, byte[] b) {

        List<Object> values() {
            return Arrays.asList(id, t, sm, i, bi, u, dc, f, d, dt, tm, ts, s, txt, bin, b);
        }
    }

    private static final String[] NAMES = COLUMNS.split(", ");
    private static final int[] SQL_TYPES = {Types.BIGINT, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
        Types.BIGINT, Types.DECIMAL, Types.REAL, Types.DOUBLE, Types.DATE, Types.TIME, Types.TIMESTAMP, Types.VARCHAR,
        Types.LONGVARCHAR, Types.VARBINARY, Types.LONGVARBINARY};

    private ScenarioRows() {
    }

    /**
     * Rows 1..6: the extremes of every type, all NULL but the id, and four small rows.
     *
     * @param wholeSeconds DATETIME values without their microseconds
     */
    static List<Row> typedRows(boolean wholeSeconds) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(1, (byte) -128, (short) -32768, Integer.MIN_VALUE, Long.MIN_VALUE, 4294967295L,
                new BigDecimal("-123456789.125"), 1.5f, 2.25e300, LocalDate.of(2026, 1, 31), LocalTime.of(23, 59, 58),
                LocalDateTime.of(2026, 11, 21, 12, 34, 56, wholeSeconds ? 0 : 789_012_000), "plain", "text",
                HexFormat.of().parseHex("00FF7F80"), HexFormat.of().parseHex("0001FEFF")));
        rows.add(new Row(2, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        for (int n = 3; n <= 6; n++) {
            rows.add(new Row(n, (byte) n, (short) (n * 10), n * 100, n * 1000L, (long) n, new BigDecimal(n + ".500"),
                    n * 0.25f, n * 0.5, LocalDate.of(2026, 2, n), LocalTime.of(10, 0, n),
                    LocalDateTime.of(2026, 3, n, 1, 2, 3, wholeSeconds ? 0 : n * 4000), "row " + n, "text " + n, new byte[] {(byte) n},
                    new byte[] {(byte) n, 0, (byte) -n}));
        }
        return rows;
    }

    /** Binds every column of {@code row} to parameters 1..16, NULLs with their column's type. */
    static void bind(PreparedStatement ps, Row row) throws SQLException {
        List<Object> values = row.values();
        for (int k = 0; k < values.size(); k++) {
            Object v = values.get(k);
            int p = k + 1;
            switch (v) {
                case null -> ps.setNull(p, SQL_TYPES[k]);
                case Long l -> ps.setLong(p, l);
                case Byte b -> ps.setByte(p, b);
                case Short s -> ps.setShort(p, s);
                case Integer i -> ps.setInt(p, i);
                case BigDecimal d -> ps.setBigDecimal(p, d);
                case Float f -> ps.setFloat(p, f);
                case Double d -> ps.setDouble(p, d);
                case String s -> ps.setString(p, s);
                case byte[] bytes -> ps.setBytes(p, bytes);
                default -> ps.setObject(p, v); // java.time values: no time zone conversion by either driver
            }
        }
    }

    /** Reads the current row of a {@code SELECT COLUMNS ...} with each column's getter. */
    static Row read(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), nullable(rs, rs.getByte(2)), nullable(rs, rs.getShort(3)),
                nullable(rs, rs.getInt(4)), nullable(rs, rs.getLong(5)), nullable(rs, rs.getLong(6)),
                rs.getBigDecimal(7), nullable(rs, rs.getFloat(8)), nullable(rs, rs.getDouble(9)),
                rs.getObject(10, LocalDate.class), rs.getObject(11, LocalTime.class),
                rs.getObject(12, LocalDateTime.class), rs.getString(13), rs.getString(14), rs.getBytes(15),
                rs.getBytes(16));
    }

    /** Checks that each NULL of {@code row} is also the driver's {@code getObject} null. */
    static String nullsAsObjects(ResultSet rs, Row row) throws SQLException {
        List<Object> values = row.values();
        for (int k = 0; k < values.size(); k++) {
            if (values.get(k) == null && rs.getObject(k + 1) != null) {
                return "column " + NAMES[k] + ": getObject gave " + rs.getObject(k + 1) + " for NULL";
            }
        }
        return null;
    }

    private static <T> T nullable(ResultSet rs, T value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    /** The first column that differs, or null when the rows are equal. */
    static String difference(Row expected, Row actual) {
        List<Object> want = expected.values();
        List<Object> got = actual.values();
        for (int k = 0; k < want.size(); k++) {
            Object w = want.get(k);
            Object g = got.get(k);
            boolean same = w instanceof byte[] wb && g instanceof byte[] gb ? Arrays.equals(wb, gb) : Objects.equals(w, g);
            if (!same) {
                return "row " + expected.id() + " column " + NAMES[k] + ": expected " + show(w) + ", got " + show(g);
            }
        }
        return null;
    }

    private static String show(Object v) {
        return v instanceof byte[] b ? "X'" + HexFormat.of().withUpperCase().formatHex(b) + "'" : String.valueOf(v);
    }

    /** The scenario's blob: byte i = (i * 31 + i / 256) mod 256, so zero bytes occur and no 256-byte block repeats. */
    static byte[] blob() {
        byte[] b = new byte[BLOB_SIZE];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + i / 256);
        }
        return b;
    }

    /** Lower-case hex SHA-256, as MariaDB's {@code SHA2(x, 256)} prints it. */
    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
