package io.shardgate.mariadb;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The server's error log, which also receives its stdout and stderr. Every start appends to it, so
 * questions about one start read only what was written since {@link #end()} was taken before it.
 */
final class ServerLog {

    private static final int TAIL_LINES = 40;
    private static final int TAIL_BYTES = 16 * 1024;

    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    long end() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Whether the server has written "ready for connections" since {@code offset}. It writes that after
     * it bound its port and ran the init file, so this tells our server apart from another process that
     * may hold the port while ours is still failing to bind it.
     */
    boolean readySince(long offset) {
        return since(offset).contains("ready for connections");
    }

    /**
     * Whether the server failed to bind its TCP port since {@code offset}: another process has it. Not
     * "Address already in use" alone, which is also what a clash on the Unix socket says.
     */
    boolean portInUseSince(long offset) {
        return since(offset).contains("Bind on TCP/IP port");
    }

    String tail() {
        return tail(file);
    }

    /** The last lines of a log file, framed for an exception message. */
    static String tail(Path file) {
        String text = readFrom(file, Math.max(0, sizeOf(file) - TAIL_BYTES));
        List<String> lines = text.lines().toList();
        List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        return "--- last lines of " + file + " ---\n" + String.join("\n", last) + "\n--- end of " + file + " ---";
    }

    private String since(long offset) {
        return readFrom(file, offset);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String readFrom(Path file, long offset) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length() - offset;
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length, Integer.MAX_VALUE - 8)];
            in.seek(offset);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // not written yet
        }
    }
}
