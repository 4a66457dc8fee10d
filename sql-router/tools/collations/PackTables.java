import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Packs the weights generate.sh read from MariaDB into the resources of io.shardgate.router.collation,
 * after checking every assumption the Java code makes about them. Run by generate.sh as
 * {@code java PackTables.java WORK_DIR OUTPUT_DIR SERVER_VERSION}.
 *
 * <p>Table format (big-endian, then gzip): int magic "SGWT", int format version 1, int run count, then
 * runs sorted by code unit: int first, int length, byte weight count k, byte delta mask, k unsigned
 * shorts of base weights. Code unit first + i has weights base[j] + i * (bit j of mask). Code units no
 * run covers (surrogates; code points a charset cannot hold) are absent. A run never crosses 0x10000,
 * so the reader can expand the BMP into an array and keep the rest as runs.
 */
public final class PackTables {

    private static final int MAX_WEIGHTS = 8; // WeightTable's per-character buffer
    private static final int QUESTION_MARK = 0x3F;

    private final Path work;
    private final Path out;
    private final List<String> notes = new ArrayList<>();

    private PackTables(Path work, Path out) {
        this.work = work;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: PackTables WORK_DIR OUTPUT_DIR SERVER_VERSION");
        }
        new PackTables(Path.of(args[0]), Path.of(args[1])).run(args[2]);
    }

    private void run(String version) throws IOException {
        Map<Integer, int[]> general = read("utf8mb4_general_ci");
        check(same(general, read("utf8mb4_general_nopad_ci")), "utf8mb4_general_nopad_ci weighs like utf8mb4_general_ci");
        checkUtf8mb3(general, read("utf8mb3_general_ci"), "utf8mb3_general_ci");
        Map<Integer, int[]> unicode = read("utf8mb4_unicode_ci");
        checkUtf8mb3(unicode, read("utf8mb3_unicode_ci"), "utf8mb3_unicode_ci");
        Map<Integer, int[]> unicode520 = read("utf8mb4_unicode_520_ci");
        checkCodePointWeights(read("utf8mb4_bin"), "utf8mb4_bin", 0x10FFFF);
        checkCodePointWeights(read("utf8mb4_nopad_bin"), "utf8mb4_nopad_bin", 0x10FFFF);
        checkCodePointWeights(read("utf8mb3_bin"), "utf8mb3_bin", 0xFFFF);
        checkCodePointWeights(read("latin1_bin"), "latin1_bin", 0xFF);
        checkCodePointWeights(read("ascii_bin"), "ascii_bin", 0x7F);

        Map<Integer, int[]> latin1 = readCharset("latin1");
        check(latin1.size() == 256 && latin1.values().stream().mapToInt(v -> v[0]).distinct().count() == 256,
                "latin1: exactly one code point converts to each of the 256 bytes");
        check(latin1.entrySet().stream().filter(e -> e.getKey() < 0x80).allMatch(e -> e.getKey() == e.getValue()[0])
                && latin1.keySet().stream().filter(cp -> cp < 0x80).count() == 0x80,
                "latin1: code points 0-127 convert to themselves");
        Map<Integer, int[]> ascii = readCharset("ascii");
        check(ascii.size() == 128 && ascii.entrySet().stream().allMatch(e -> e.getKey() == e.getValue()[0]),
                "ascii: code points 0-127 convert to themselves, every other one to '?'");

        write("utf8mb4_general_ci.weights.gz", general);
        write("utf8mb4_unicode_ci.weights.gz", unicode);
        write("utf8mb4_unicode_520_ci.weights.gz", unicode520);
        write("latin1_swedish_ci.weights.gz", read("latin1_swedish_ci"));
        write("latin1_general_ci.weights.gz", read("latin1_general_ci"));
        write("ascii_general_ci.weights.gz", read("ascii_general_ci"));
        write("latin1.charset.gz", latin1);

        for (String line : lines("contractions.tsv")) {
            String[] f = line.split("\t");
            boolean tailored = f[0].equals("utf8mb4_czech_ci");
            long differing = Long.parseLong(f[2]);
            check(tailored ? differing > 0 : differing == 0, f[0] + ": " + differing + " of " + f[1]
                    + " character pairs weigh differently from their characters alone"
                    + (tailored ? " (the control: its 'ch' contractions must show)" : ""));
        }
        writeReadme(version);
    }

    private static boolean same(Map<Integer, int[]> a, Map<Integer, int[]> b) {
        return a.keySet().equals(b.keySet()) && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    /** utf8mb3 holds the BMP; the server weighs anything else as the '?' it converts it to. */
    private void checkUtf8mb3(Map<Integer, int[]> mb4, Map<Integer, int[]> mb3, String name) {
        int[] question = mb4.get(QUESTION_MARK);
        boolean same = mb3.keySet().equals(mb4.keySet()) && mb3.entrySet().stream().allMatch(e -> Arrays.equals(
                e.getValue(), e.getKey() <= 0xFFFF ? mb4.get(e.getKey()) : question));
        check(same, name + " weighs the BMP like its utf8mb4 twin and other code points as '?'");
    }

    private void checkCodePointWeights(Map<Integer, int[]> table, String name, int max) {
        boolean identity = table.entrySet().stream().allMatch(e -> e.getValue().length == 1
                && e.getValue()[0] == (e.getKey() <= max ? e.getKey() : QUESTION_MARK));
        check(identity, name + ": a character's weight is its code point (latin1, ascii: its byte); one the"
                + " charset cannot hold weighs as '?'");
    }

    private void check(boolean ok, String claim) {
        if (!ok) {
            throw new IllegalStateException("the server's tables break an assumption: " + claim);
        }
        notes.add(claim);
        System.err.println("PackTables: checked: " + claim);
    }

    /** Weights per code unit, each as wide as the single weight of 'A' (1, 2 or 3 bytes). */
    private Map<Integer, int[]> read(String collation) throws IOException {
        Map<Integer, int[]> table = new TreeMap<>();
        List<String> lines = lines(collation + ".tsv");
        int width = lines.get('A').split("\t", -1)[1].length();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            String hex = f[1];
            if (hex.length() % width != 0) {
                throw new IllegalStateException(collation + ": weight " + hex + " is not made of " + width / 2 + "-byte weights");
            }
            int[] weights = new int[hex.length() / width];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Integer.parseInt(hex, i * width, (i + 1) * width, 16);
            }
            if (weights.length > MAX_WEIGHTS) {
                throw new IllegalStateException(collation + ": U+" + f[0] + " has more than " + MAX_WEIGHTS + " weights");
            }
            table.put(Integer.valueOf(f[0]), weights);
        }
        return table;
    }

    /** Code point to the byte it converts to; code points that become '?' (other than '?') are left out. */
    private Map<Integer, int[]> readCharset(String charset) throws IOException {
        Map<Integer, int[]> map = new TreeMap<>();
        for (String line : lines(charset + ".charset.tsv")) {
            String[] f = line.split("\t");
            int codePoint = Integer.parseInt(f[0]);
            int converted = Integer.parseInt(f[1], 16);
            if (converted != QUESTION_MARK || codePoint == QUESTION_MARK) {
                map.put(codePoint, new int[] {converted});
            }
        }
        return map;
    }

    private List<String> lines(String file) throws IOException {
        return Files.readAllLines(work.resolve(file), StandardCharsets.UTF_8);
    }

    private void write(String file, Map<Integer, int[]> table) throws IOException {
        List<int[]> runs = runs(table);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(bytes))) {
            data.writeInt(0x53475754);
            data.writeInt(1);
            data.writeInt(runs.size());
            for (int[] run : runs) {
                int first = run[0];
                int[] base = table.get(first);
                data.writeInt(first);
                data.writeInt(run[1]);
                data.writeByte(base.length);
                data.writeByte(run[2]);
                for (int w : base) {
                    if (w > 0xFFFF) {
                        throw new IllegalStateException(file + ": weight " + w + " does not fit 16 bits");
                    }
                    data.writeShort(w);
                }
            }
        }
        Files.write(out.resolve(file), bytes.toByteArray());
        notes.add(file + ": " + table.size() + " code units in " + runs.size() + " runs, " + bytes.size() + " bytes");
        System.err.println("PackTables: wrote " + notes.get(notes.size() - 1));
    }

    /** Greedy runs {first, length, delta mask} of consecutive code units whose weights step by 0 or 1. */
    private static List<int[]> runs(Map<Integer, int[]> table) {
        List<int[]> runs = new ArrayList<>();
        int[] run = null;
        int[] base = null;
        for (Map.Entry<Integer, int[]> e : table.entrySet()) {
            int unit = e.getKey();
            int[] w = e.getValue();
            if (run != null && unit == run[0] + run[1] && unit != 0x10000 && w.length == base.length
                    && follows(base, w, run[1], run[1] == 1 ? -1 : run[2])) {
                if (run[1] == 1) {
                    run[2] = mask(base, w);
                }
                run[1]++;
                continue;
            }
            run = new int[] {unit, 1, 0};
            base = w;
            runs.add(run);
        }
        return runs;
    }

    private static boolean follows(int[] base, int[] w, int offset, int mask) {
        for (int j = 0; j < w.length; j++) {
            int step = w[j] - base[j];
            boolean ok = mask < 0 ? step == 0 || step == offset : step == ((mask >> j & 1) == 1 ? offset : 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int mask(int[] base, int[] next) {
        int mask = 0;
        for (int j = 0; j < base.length; j++) {
            if (next[j] - base[j] == 1) {
                mask |= 1 << j;
            }
        }
        return mask;
    }

    private void writeReadme(String version) throws IOException {
        StringBuilder readme = new StringBuilder();
        readme.append("# Collation tables\n\n")
              .append("Generated by `sql-router/tools/collations/generate.sh` (packed by `PackTables.java` beside it)\n")
              .append("from MariaDB ").append(version).append(". Do not edit: run the script again.\n\n")
              .append("The script starts a throwaway mariadbd and reads, for every code point U+0000..U+10FFFF\n")
              .append("except the surrogates,\n")
              .append("`HEX(WEIGHT_STRING(CONVERT(CHAR(cp USING utf32) USING utf8mb4) COLLATE c))` (utf8mb3 collations:\n")
              .append("`USING utf8mb3`, so code points it cannot hold are weighed as the '?' the server stores), and for\n")
              .append("latin1 and ascii how each code point converts to a byte and each byte's weight.\n\n")
              .append("Files (format in PackTables.java; each read once, on first use, by TableResource):\n\n")
              .append("| file | used by |\n|---|---|\n")
              .append("| utf8mb4_general_ci.weights.gz | utf8mb4_general_ci, utf8mb4_general_nopad_ci, utf8mb3_general_ci |\n")
              .append("| utf8mb4_unicode_ci.weights.gz | utf8mb4_unicode_ci, utf8mb3_unicode_ci (UCA 4.0.0) |\n")
              .append("| utf8mb4_unicode_520_ci.weights.gz | utf8mb4_unicode_520_ci (UCA 5.2.0) |\n")
              .append("| latin1_swedish_ci.weights.gz, latin1_general_ci.weights.gz, ascii_general_ci.weights.gz | those collations, by byte |\n")
              .append("| latin1.charset.gz | code point to latin1 byte (MariaDB's latin1 is cp1252-like) |\n\n")
              .append("The *_bin collations and binary need no table: the checks below show their weight is the code\n")
              .append("point (or byte).\n\n")
              .append("Collations as the server reported them (PAD SPACE measured as `'a' = 'a '`; 10.11 has no\n")
              .append("PAD_ATTRIBUTE column):\n\n| id | name | charset | pad space |\n|---|---|---|---|\n");
        for (String line : lines("collations.tsv")) {
            String[] f = line.split("\t");
            readme.append("| ").append(f[0]).append(" | ").append(f[1]).append(" | ").append(f[2]).append(" | ")
                  .append(f[3].equals("1") ? "yes" : "no").append(" |\n");
        }
        readme.append("\nChecked while generating (a failed check stops the script). The contraction check weighs every\n")
              .append("BMP character followed by a combining mark, an Indic, Thai, Lao, Tibetan or Khmer character, a kana\n")
              .append("voicing mark, an ASCII letter, a middle dot, a hyphen, an apostrophe or a space, and compares with\n")
              .append("the two characters' weights; the tailored utf8mb4_czech_ci is the control that must differ.\n\n");
        for (String note : notes) {
            readme.append("- ").append(note).append('\n');
        }
        Files.writeString(out.resolve("README.md"), readme.toString(), StandardCharsets.UTF_8);
    }
}
