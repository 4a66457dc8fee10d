package io.shardgate.it;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The data of the differential tests: a fixed set of tables and rows, generated from a fixed seed so
 * that every run (and both sides of a run) sees exactly the same values. The values are chosen to
 * trip a proxy up: NULLs, empty strings, values equal under {@code utf8mb4_general_ci} but spelt
 * differently ('gift' / 'Gift' / 'GIFT ', 'café' / 'Cafe'), emoji, trailing spaces, negative and zero
 * decimals, negative shard keys, rows whose foreign keys point nowhere.
 *
 * <p>Both sides get the same statement text; only the corpus self-check's copy differs (see
 * {@link #createTables(boolean)} and {@link #inserts(Table, boolean)}).
 */
final class DifferentialDataset {

    /** Rows per INSERT statement: big enough to load quickly, small enough to stay far below max_allowed_packet. */
    static final int ROWS_PER_INSERT = 500;

    static final int ORDERS = 50_000;
    static final int CUSTOMERS = 5_000;
    static final int PRODUCTS = 500;
    static final int EVENTS = 4_000;
    static final int ACCOUNTS = 2_000;

    private static final LocalDate FIRST_ORDER_DAY = LocalDate.of(2023, 1, 1);
    private static final LocalDate FIRST_EVENT_DAY = LocalDate.of(2023, 10, 1);
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static final String[] REGIONS = {"NO", "SE", "DK", "FI", "IS", "DE", "FR", "ES", "IT", "PT", "NL", "BE", "AT",
            "CH", "PL", "CZ", "GB", "IE", "US", "CA"};
    private static final String[] REGION_NAMES = {"Norway", "sweden", "DENMARK", "Finland", "Ísland", "Deutschland",
            "France", "España", "Italia", "Portugal", "Nederland", "belgië", "Österreich", "Schweiz", "Polska", "Česko",
            "United Kingdom", "Éire", "United States", "Canada"};
    private static final String[] ZONES = {"Nordic", "Nordic", "Nordic", "Nordic", "Nordic", "Central", "West", "South",
            "South", "South", "West", "West", "Central", "Central", "East", "East", "West", "West", null, "NA"};
    private static final String[] TAX_RATES = {"0.250", "0.250", "0.250", "0.240", "0.240", "0.190", "0.200", "0.210",
            "0.220", "0.230", "0.210", "0.210", "0.200", "0.081", "0.230", "0.210", "0.200", "0.230", null, "0.050"};
    // Mixed case, but no two spellings of the same word: GROUP BY status must have one answer.
    private static final String[] STATUSES = {"NEW", "Paid", "shipped", "Delivered", "CANCELLED", "returned", "On Hold"};
    private static final int[] STATUS_WEIGHTS = {5, 20, 30, 30, 8, 5, 2};
    // Deliberately colliding under utf8mb4_general_ci (case, accents, trailing spaces, every emoji weighs the same).
    private static final String[] NOTES = {"gift", "Gift", "GIFT ", "café", "Cafe", "CAFÉ", "naïve", "rush 🚀",
            "Rush 🎁", "fragile  ", "fragile", "ünïcödé ✓", "x", "it's ok", "back\\slash", "50% off", "leave at door",
            "Leave At Door", "call first", "ÅSE", "åse", "zebra", "Zebra", "año", "ano", "straße", "STRASSE", "  lead"};
    private static final String[] DISCOUNTS = {"0", "0.05", "0.1", "0.15", "0.2", "0.25", "0.125", "0.3333333333333333",
            "0.00001", "0.7"};
    private static final String[] FIRST_NAMES = {"Anna", "Bjørn", "Chloé", "David", "Eva", "Frida", "Gustav", "Hanna",
            "Ingrid", "Jonas", "Karl", "Lena", "Magnus", "Nora", "Olav", "Petra", "Quentin", "Rosa", "Sven", "Åsa"};
    private static final String[] LAST_NAMES = {"Berg", "Dahl", "Eriksen", "Fischer", "García", "Hansen", "Jensen",
            "Larsen", "Müller", "Nilsson", "O'Brien", "Petersen", "Rossi", "Schmidt", "Svensson", "Ødegaard"};
    private static final String[] CITIES = {"Oslo", "Bergen", "Stockholm", "Göteborg", "Zürich", "zurich", "München",
            "Paris", "Madrid", "Lisboa", "Roma", "Wien", "Praha", "Dublin", "Toronto", "New York"};
    private static final String[] TIERS = {"Gold", "Silver", "Bronze", "Silver", "Bronze", "Bronze", null};
    private static final String[] ADJECTIVES = {"Red", "blue", "GREEN", "Épic", "tiny", "Große", "smart", "Quiet"};
    private static final String[] NOUNS = {"Widget", "gadget", "LAMP", "Chair", "kettle", "Bücherregal", "Drone", "pen"};
    private static final String[] CATEGORIES = {"Tools", "toys", "GARDEN", "Books", "Kitchen", "Sports", "Électronique"};
    private static final String[] KINDS = {"click", "View", "PURCHASE", "signup", "Refund"};

    /** One table: its DDL parts and its rows as SQL value tuples, in primary-key order. */
    record Table(String name, String columnDefinitions, String keyDefinitions, String columnNames, List<String> rows) {

        String createTable(String engine) {
            return "CREATE TABLE " + name + " (\n  " + columnDefinitions + ",\n  " + keyDefinitions + "\n) ENGINE=" + engine
                    + " DEFAULT CHARSET=utf8mb4";
        }
    }

    private final List<Table> tables;

    private DifferentialDataset(List<Table> tables) {
        this.tables = List.copyOf(tables);
    }

    static DifferentialDataset generate(long seed) {
        Random random = new Random(seed);
        List<Table> tables = new ArrayList<>();
        tables.add(regions());
        tables.add(currencies());
        tables.add(products(random));
        tables.add(customers(random));
        List<String> lines = new ArrayList<>();
        tables.add(orders(random, lines));
        tables.add(new Table("order_lines",
                "order_id BIGINT NOT NULL, line_no INT NOT NULL, product_id INT NOT NULL, qty INT NOT NULL, "
                        + "price DECIMAL(10,2) NULL",
                "PRIMARY KEY (order_id, line_no), KEY ix_lines_product (product_id)",
                "order_id, line_no, product_id, qty, price", lines));
        tables.add(events(random));
        tables.add(accounts(random));
        return new DifferentialDataset(tables);
    }

    List<Table> tables() {
        return tables;
    }

    Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * CREATE TABLE statements. The self-check copy is MyISAM: it has the same keys, but a table scan
     * returns its rows in insertion order (shuffled) rather than in primary-key order.
     */
    List<String> createTables(boolean selfCheckCopy) {
        return tables.stream().map(t -> t.createTable(selfCheckCopy ? "MyISAM" : "InnoDB")).toList();
    }

    /** Multi-row INSERT statements of one table, in primary-key order or shuffled (with a fixed seed as well). */
    List<String> inserts(Table table, boolean shuffled) {
        List<String> rows = new ArrayList<>(table.rows());
        if (shuffled) {
            Collections.shuffle(rows, new Random(table.name().hashCode()));
        }
        List<String> statements = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<String> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            statements.add("INSERT INTO " + table.name() + " (" + table.columnNames() + ") VALUES " + String.join(",", chunk));
        }
        return statements;
    }

    private static Table regions() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < REGIONS.length; i++) {
            rows.add(tuple(str(REGIONS[i]), str(REGION_NAMES[i]), str(ZONES[i]), TAX_RATES[i] == null ? "NULL" : TAX_RATES[i]));
        }
        return new Table("regions", "code CHAR(2) NOT NULL, name VARCHAR(40) NOT NULL, zone VARCHAR(20) NULL, "
                + "tax_rate DECIMAL(5,3) NULL", "PRIMARY KEY (code)", "code, name, zone, tax_rate", rows);
    }

    private static Table currencies() {
        String[][] values = {{"EUR", "Euro", "1.000000", "€"}, {"NOK", "Norwegian krone", "0.085312", "kr"},
                {"SEK", "Swedish krona", "0.087104", "kr"}, {"DKK", "Danish krone", "0.134080", "kr."},
                {"GBP", "Pound sterling", "1.171900", "£"}, {"USD", "US dollar", "0.921500", "$"},
                {"CHF", "Swiss franc", "1.043000", null}, {"PLN", "Złoty", "0.231700", "zł"},
                {"CZK", "Česká koruna", "0.039800", "Kč"}, {"JPY", "yen", "0.006100", "¥"}};
        List<String> rows = new ArrayList<>();
        for (String[] v : values) {
            rows.add(tuple(str(v[0]), str(v[1]), v[2], str(v[3])));
        }
        return new Table("currencies", "code CHAR(3) NOT NULL, name VARCHAR(40) NOT NULL, rate DECIMAL(12,6) NOT NULL, "
                + "symbol VARCHAR(5) NULL", "PRIMARY KEY (code)", "code, name, rate, symbol", rows);
    }

    private static Table products(Random r) {
        List<String> rows = new ArrayList<>();
        for (int id = 1; id <= PRODUCTS; id++) {
            String name = ADJECTIVES[r.nextInt(ADJECTIVES.length)] + " " + NOUNS[r.nextInt(NOUNS.length)] + " " + id;
            String category = r.nextInt(50) == 0 ? null : CATEGORIES[r.nextInt(CATEGORIES.length)];
            String price = BigDecimal.valueOf(50 + r.nextInt(49_951), 2).toPlainString();
            String weight = r.nextInt(10) == 0 ? "NULL" : Double.toString((1 + r.nextInt(400)) / 8.0);
            String launched = FIRST_ORDER_DAY.minusDays(r.nextInt(1500)).toString();
            rows.add(tuple(Integer.toString(id), str(name), str(category), price, weight,
                    Integer.toString(r.nextInt(6) == 0 ? 0 : 1), str(launched)));
        }
        return new Table("products", "id INT NOT NULL, name VARCHAR(60) NOT NULL, category VARCHAR(20) NULL, "
                + "price DECIMAL(10,2) NOT NULL, weight DOUBLE NULL, active TINYINT NOT NULL, launched DATE NOT NULL",
                "PRIMARY KEY (id)", "id, name, category, price, weight, active, launched", rows);
    }

    private static Table customers(Random r) {
        List<Integer> ids = new ArrayList<>();
        ids.add(0); // below every range: the range function's default shard
        for (int id = 1; id <= CUSTOMERS; id++) {
            ids.add(id);
        }
        for (int id = 9001; id <= 9005; id++) {
            ids.add(id); // above every range as well
        }
        List<String> rows = new ArrayList<>();
        for (int id : ids) {
            String first = FIRST_NAMES[r.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[r.nextInt(LAST_NAMES.length)];
            String name = first + " " + last;
            int casing = r.nextInt(20);
            name = casing == 0 ? name.toUpperCase(java.util.Locale.ROOT) : casing == 1 ? name.toLowerCase(java.util.Locale.ROOT) : name;
            String email = r.nextInt(10) == 0 ? null
                    : (first + "." + last + id + "@example.com").toLowerCase(java.util.Locale.ROOT).replace("'", "");
            String city = CITIES[r.nextInt(CITIES.length)];
            String tier = TIERS[r.nextInt(TIERS.length)];
            String created = LocalDate.of(2020, 1, 1).plusDays(r.nextInt(1800)).toString();
            String credit = r.nextInt(5) == 0 ? "NULL" : BigDecimal.valueOf(r.nextInt(2_000_001) - 100_000, 2).toPlainString();
            String region = REGIONS[r.nextInt(REGIONS.length)];
            rows.add(tuple(Integer.toString(id), str(name), str(email), str(city), str(tier), str(created), credit, str(region)));
        }
        return new Table("customers", "id INT NOT NULL, name VARCHAR(60) NOT NULL, email VARCHAR(80) NULL, "
                + "city VARCHAR(40) NOT NULL, tier VARCHAR(10) NULL, created DATE NOT NULL, credit DECIMAL(10,2) NULL, "
                + "region CHAR(2) NOT NULL", "PRIMARY KEY (id), KEY ix_customers_city (city)",
                "id, name, email, city, tier, created, credit, region", rows);
    }

    private static Table orders(Random r, List<String> lines) {
        List<String> rows = new ArrayList<>();
        for (long id = -5; id <= ORDERS; id++) {
            if (id == 0) {
                continue;
            }
            double u = r.nextDouble();
            String customer = u < 0.01 ? "NULL" : u < 0.012 ? Integer.toString(6000 + r.nextInt(10))
                    : Integer.toString(1 + (int) (CUSTOMERS * Math.pow(r.nextDouble(), 2)));
            int product = r.nextInt(200) == 0 ? 999 : 1 + (int) (PRODUCTS * Math.pow(r.nextDouble(), 1.5));
            String status = weighted(r, STATUSES, STATUS_WEIGHTS);
            int a = r.nextInt(100);
            String amount = a < 4 ? "NULL" : a == 4 ? "0.00"
                    : a == 5 ? BigDecimal.valueOf(-(1 + r.nextInt(50_000)), 2).toPlainString()
                    : BigDecimal.valueOf(100 + r.nextInt(999_900), 2).toPlainString();
            int qty = r.nextInt(25) == 0 ? 0 : 1 + r.nextInt(20);
            String discount = r.nextInt(100) < 15 ? "NULL" : DISCOUNTS[r.nextInt(DISCOUNTS.length)];
            LocalDate placed = FIRST_ORDER_DAY.plusDays(r.nextInt(1096));
            String shipped = "NEW".equals(status) || "CANCELLED".equals(status) || r.nextInt(100) < 15 ? null
                    : placed.atStartOfDay().plusSeconds(r.nextInt(10 * 86_400)).format(DATETIME);
            int n = r.nextInt(100);
            String note = n < 35 ? null : n < 38 ? "" : n < 48 ? "ref " + id : NOTES[r.nextInt(NOTES.length)];
            String region = r.nextInt(200) == 0 ? "ZZ" : REGIONS[(int) (REGIONS.length * Math.pow(r.nextDouble(), 1.3))];
            rows.add(tuple(Long.toString(id), customer, Integer.toString(product), str(status), amount,
                    Integer.toString(qty), discount, str(placed.toString()), str(shipped), str(note), str(region)));
            int l = r.nextInt(100);
            int lineCount = l < 10 ? 0 : l < 35 ? 1 : l < 65 ? 2 : l < 85 ? 3 : 4;
            for (int line = 1; line <= lineCount; line++) {
                String price = r.nextInt(100) == 0 ? "NULL" : BigDecimal.valueOf(50 + r.nextInt(99_951), 2).toPlainString();
                lines.add(tuple(Long.toString(id), Integer.toString(line), Integer.toString(1 + r.nextInt(PRODUCTS)),
                        Integer.toString(1 + r.nextInt(9)), price));
            }
        }
        return new Table("orders", "id BIGINT NOT NULL, customer_id INT NULL, product_id INT NOT NULL, "
                + "status VARCHAR(20) NOT NULL, amount DECIMAL(12,2) NULL, qty INT NOT NULL, discount DOUBLE NULL, "
                + "placed DATE NOT NULL, shipped DATETIME NULL, note VARCHAR(100) NULL, region CHAR(2) NOT NULL",
                "PRIMARY KEY (id), KEY ix_orders_customer (customer_id), KEY ix_orders_placed (placed)",
                "id, customer_id, product_id, status, amount, qty, discount, placed, shipped, note, region", rows);
    }

    private static Table events(Random r) {
        List<String> rows = new ArrayList<>();
        for (int id = 1; id <= EVENTS; id++) {
            String day = r.nextInt(50) == 0 ? null : FIRST_EVENT_DAY.plusDays(r.nextInt(548)).toString();
            String val = r.nextInt(10) == 0 ? "NULL" : BigDecimal.valueOf(r.nextInt(1_000_000), 3).toPlainString();
            rows.add(tuple(Integer.toString(id), str(day), str(KINDS[r.nextInt(KINDS.length)]),
                    Integer.toString(1 + r.nextInt(CUSTOMERS)), val));
        }
        return new Table("events", "id BIGINT NOT NULL, day DATE NULL, kind VARCHAR(20) NOT NULL, customer_id INT NOT NULL, "
                + "val DECIMAL(10,3) NULL", "PRIMARY KEY (id), KEY ix_events_day (day)", "id, day, kind, customer_id, val", rows);
    }

    /**
     * String shard keys in several spellings: 'AC-00007', 'ac-00014', 'Ac-00011'. Unique under the
     * case-insensitive collation, but {@code code = 'ac-00007'} finds 'AC-00007', whose hash differs.
     */
    private static Table accounts(Random r) {
        String[] currencies = {"EUR", "NOK", "SEK", "DKK", "GBP", "USD", "CHF", "PLN", "CZK", "JPY"};
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            String code = String.format(java.util.Locale.ROOT, "AC-%05d", i);
            code = i % 7 == 0 ? code.toLowerCase(java.util.Locale.ROOT) : i % 11 == 0 ? "Ac" + code.substring(2) : code;
            String balance = r.nextInt(20) == 0 ? "NULL" : BigDecimal.valueOf(r.nextLong(20_000_000) - 1_000_000, 2).toPlainString();
            rows.add(tuple(str(code), Integer.toString(1 + r.nextInt(CUSTOMERS)), str(currencies[r.nextInt(currencies.length)]),
                    balance, str(LocalDate.of(2019, 1, 1).plusDays(r.nextInt(2500)).toString())));
        }
        return new Table("accounts", "code VARCHAR(20) NOT NULL, customer_id INT NOT NULL, currency CHAR(3) NOT NULL, "
                + "balance DECIMAL(14,2) NULL, opened DATE NOT NULL", "PRIMARY KEY (code), KEY ix_accounts_customer (customer_id)",
                "code, customer_id, currency, balance, opened", rows);
    }

    private static String weighted(Random r, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = r.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return values[i];
            }
        }
        throw new AssertionError();
    }

    private static String tuple(String... values) {
        return "(" + String.join(",", values) + ")";
    }

    /** A SQL string literal as MariaDB reads it by default (backslash escapes on). */
    static String str(String value) {
        return value == null ? "NULL" : "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
