package io.shardgate.server;

import io.shardgate.config.StoredPassword;
import io.shardgate.protocol.NativePassword;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code shardgate passwd}: prints the {@code passwordHash} value for a password read without echo
 * from the terminal, or as the first line of standard input when that is not a terminal.
 */
final class PasswordCommand {

    static final int DEFAULT_ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;

    private PasswordCommand() {
    }

    static int run(String[] args, Console console, InputStream in, PrintStream out, PrintStream err) throws IOException {
        boolean nativeHash = true;
        boolean sha2Hash = true;
        int iterations = DEFAULT_ITERATIONS;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--sha2-only" -> nativeHash = false;
                case "--native-only" -> sha2Hash = false;
                case "--iterations" -> {
                    Integer n = i + 1 < args.length ? parse(args[++i]) : null;
                    if (n == null || n < StoredPassword.MIN_ITERATIONS || n > StoredPassword.MAX_ITERATIONS) {
                        err.println("--iterations needs a number between " + StoredPassword.MIN_ITERATIONS + " and "
                                + StoredPassword.MAX_ITERATIONS);
                        return 2;
                    }
                    iterations = n;
                }
                default -> {
                    err.println("unknown option '" + args[i] + "'; passwd takes --sha2-only, --native-only, --iterations N");
                    return 2;
                }
            }
        }
        if (!nativeHash && !sha2Hash) {
            err.println("--sha2-only and --native-only exclude each other");
            return 2;
        }
        char[] password = read(console, in, err);
        if (password == null) {
            return 1;
        }
        if (password.length == 0) {
            err.println("an empty password has no hash: write password: '' in the configuration");
            return 1;
        }
        byte[] utf8 = new String(password).getBytes(StandardCharsets.UTF_8);
        Arrays.fill(password, '\0');
        List<String> hashes = new ArrayList<>();
        if (sha2Hash) {
            byte[] salt = new byte[SALT_BYTES];
            new SecureRandom().nextBytes(salt);
            hashes.add(StoredPassword.Pbkdf2.of(utf8, salt, iterations).format());
        }
        if (nativeHash) {
            hashes.add(StoredPassword.formatNativeHash(NativePassword.doubleSha1(utf8)));
        }
        Arrays.fill(utf8, (byte) 0);
        out.println("passwordHash: [" + String.join(", ", hashes.stream().map(h -> "\"" + h + "\"").toList()) + "]");
        return 0;
    }

    /**
     * The terminal, or null when standard input is not one. Since JDK 22 System.console() is not
     * null for a pipe either; Console.isTerminal() (JDK 22) tells, called reflectively because the
     * build targets release 21.
     */
    static Console terminal() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console) ? console : null;
        } catch (ReflectiveOperationException e) {
            return console;
        }
    }

    private static char[] read(Console console, InputStream in, PrintStream err) throws IOException {
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = first == null ? null : console.readPassword("Again: ");
            if (first == null || again == null) {
                err.println("no password read");
                return null;
            }
            if (!Arrays.equals(first, again)) {
                err.println("the two passwords differ");
                return null;
            }
            Arrays.fill(again, '\0');
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            err.println("no password on standard input");
            return null;
        }
        return line.toCharArray();
    }

    private static Integer parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
