package io.shardgate.it;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Differential tests: every statement of {@code src/test/resources/differential/*.sql} runs through
 * ShardGate and on one plain MariaDB holding the same data, and both must answer the same (see
 * {@link QueryFile} for the file format and {@link OutcomeComparison} for what "the same" means).
 * One test per statement, named {@code file:line}. A summary of every case is written to
 * {@code target/differential-report.txt}.
 */
@ExtendWith(DifferentialClusterExtension.class)
class DifferentialIT {

    private static final Logger log = LoggerFactory.getLogger(DifferentialIT.class);
    private static final int REFUSED = 1235;

    private static DifferentialCluster cluster;
    private static Side reference;
    private static Side candidate;
    private static final ConcurrentLinkedQueue<String> report = new ConcurrentLinkedQueue<>();

    /**
     * One side's connection, opened again when a failure lost it, so one broken statement fails alone.
     * After {@link #MAX_LOSSES} losses in a row the side is given up, so that a hung server costs a
     * few socket timeouts rather than one per remaining statement.
     */
    private static final class Side implements AutoCloseable {
        private static final int MAX_LOSSES = 3;

        private final Opener opener;
        private Connection connection;
        private int lossesInARow;

        interface Opener {
            Connection open() throws SQLException;
        }

        Side(Opener opener) {
            this.opener = opener;
        }

        Outcome run(String sql) {
            if (lossesInARow >= MAX_LOSSES) {
                return new Outcome.Failure(0, "08S01", "not run: " + MAX_LOSSES + " connections in a row were lost", true);
            }
            try {
                if (connection == null) {
                    connection = opener.open();
                }
            } catch (SQLException e) {
                lossesInARow++;
                return new Outcome.Failure(e.getErrorCode(), e.getSQLState(), "cannot connect: " + e.getMessage(), true);
            }
            Outcome outcome = Outcome.run(connection, sql);
            if (outcome instanceof Outcome.Failure f && f.connectionLost()) {
                lossesInARow++;
                close();
            } else {
                lossesInARow = 0;
            }
            return outcome;
        }

        @Override
        public void close() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException ignored) {
                // the connection is gone either way
            } finally {
                connection = null;
            }
        }
    }

    /** The state of one sequence file: its first failed statement, after which the sides' data may differ. */
    private static final class Sequence {
        String firstFailure;
    }

    @BeforeAll
    static void start(DifferentialCluster shared) {
        cluster = shared;
        reference = new Side(shared::reference);
        candidate = new Side(shared::candidate);
        log.info("Differential corpus runs against {}", shared.summary());
        report.add("# " + shared.summary());
    }

    @AfterAll
    static void stop() throws IOException {
        if (reference != null) {
            reference.close();
            candidate.close();
        }
        Path out = Path.of("target", "differential-report.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
        log.info("Differential report written to {}", out.toAbsolutePath());
    }

    @TestFactory
    List<DynamicNode> corpus() throws URISyntaxException {
        Path directory = Path.of(DifferentialIT.class.getResource("/differential").toURI());
        List<DynamicNode> files = new ArrayList<>();
        // -Ddifferential.only=joins,aggregates runs only the files whose names contain one of these.
        List<String> only = List.of(System.getProperty("differential.only", "").split(",")).stream()
                .map(String::strip).filter(x -> !x.isEmpty()).toList();
        for (QueryFile file : QueryFile.readAll(directory)) {
            if (!only.isEmpty() && only.stream().noneMatch(file.name()::contains)) {
                continue;
            }
            Sequence sequence = new Sequence();
            List<DynamicNode> tests = new ArrayList<>();
            for (QueryFile.Case c : file.cases()) {
                URI source = URI.create(c.path().toUri() + "?line=" + c.line());
                tests.add(dynamicTest(c.id(), source, () -> recorded(c, () -> check(c, file.sequence() ? sequence : null))));
            }
            files.add(dynamicContainer(file.name(), file.path().toUri(), tests.stream()));
        }
        return files;
    }

    private interface Check {
        /** What was compared, for the report: "12 rows", "update count 3", "ERROR 1235". */
        String run() throws Throwable;
    }

    private static void recorded(QueryFile.Case c, Check check) throws Throwable {
        long began = System.nanoTime();
        try {
            String what = check.run();
            report.add("PASS  " + c.id() + "  " + millisSince(began) + "  " + what);
        } catch (TestAbortedException e) {
            report.add("SKIP  " + c.id() + "  " + e.getMessage());
            throw e;
        } catch (Throwable e) {
            String why = String.join(" / ", String.valueOf(e.getMessage()).lines().skip(1).limit(3).map(String::strip).toList());
            report.add("FAIL  " + c.id() + "  " + millisSince(began) + "  " + c.sql() + "\n      "
                    + (why.length() > 400 ? why.substring(0, 400) + "..." : why));
            throw e;
        }
    }

    private static String millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000 + " ms";
    }

    private static String check(QueryFile.Case c, Sequence sequence) {
        if (sequence != null) {
            Assumptions.assumeTrue(cluster.hasProxy(), "sequence files change data: not run in self-check mode");
        }
        if (c.expect() == QueryFile.Expect.REFUSED) {
            Assumptions.assumeTrue(cluster.hasProxy(), "refusals are the proxy's: not checked in self-check mode");
            Outcome actual = candidate.run(c.sql());
            if (!(actual instanceof Outcome.Failure f && f.errorCode() == REFUSED)) {
                fail(c, sequence, "expected ERROR 1235 from ShardGate, got " + OutcomeComparison.summary(actual));
            }
            return "refused";
        }
        Outcome expected = reference.run(c.sql());
        Outcome actual = candidate.run(c.sql());
        if (c.expect() == QueryFile.Expect.ERROR) {
            boolean referenceOk = expected instanceof Outcome.Failure f && f.errorCode() == c.errorCode();
            boolean proxyOk = actual instanceof Outcome.Failure f && f.errorCode() == c.errorCode();
            if (!referenceOk || !proxyOk) {
                fail(c, sequence, "expected ERROR " + c.errorCode() + " from both\nMariaDB answered "
                        + OutcomeComparison.summary(expected) + "\nShardGate answered " + OutcomeComparison.summary(actual));
            }
            return "ERROR " + c.errorCode();
        }
        if (expected instanceof Outcome.Failure f) {
            fail(c, sequence, "the reference MariaDB failed (a corpus mistake, or mark the line '-- error "
                    + f.errorCode() + "')\nMariaDB answered " + f.describe() + "\nShardGate answered "
                    + OutcomeComparison.summary(actual));
        }
        Optional<String> mismatch = OutcomeComparison.compare(expected, actual, c.ordered());
        if (mismatch.isPresent()) {
            fail(c, sequence, mismatch.get());
        }
        return OutcomeComparison.summary(expected);
    }

    private static void fail(QueryFile.Case c, Sequence sequence, String what) {
        String note = "";
        if (sequence != null) {
            if (sequence.firstFailure != null) {
                note = "\n(" + sequence.firstFailure + " failed before: the two sides' data may differ since then)";
            } else {
                sequence.firstFailure = c.id();
            }
        }
        Assertions.fail(c.id() + " " + (c.ordered() ? "[ordered] " : "[multiset] ") + c.sql() + "\n" + what + note);
    }
}
