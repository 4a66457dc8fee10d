package io.shardgate.server;

import io.shardgate.config.ConfigException;
import io.shardgate.config.ConfigLoader;
import io.shardgate.config.ShardGateConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Command line: {@code shardgate start --config FILE | check --config FILE | demo | help}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        return switch (command) {
            case "start" -> start(args, err);
            case "check" -> check(args, out, err);
            case "demo" -> Demo.run(args, out, err);
            case "passwd" -> PasswordCommand.run(args, PasswordCommand.terminal(), System.in, out, err);
            case "help", "--help", "-h" -> {
                usage(out);
                yield 0;
            }
            default -> {
                err.println("unknown command '" + command + "'");
                usage(err);
                yield 2;
            }
        };
    }

    private static void usage(PrintStream out) {
        out.println("""
                usage: shardgate <command>
                  start --config FILE   run the proxy with this configuration
                  check --config FILE   validate a configuration and exit
                  demo [--port N] [--manager-port N]
                                        start two local MariaDB servers with sample data and the proxy
                                        on 127.0.0.1:8066 (management port 9066); Ctrl-C stops it all
                  passwd [--sha2-only | --native-only] [--iterations N]
                                        read a password (without echo, or the first line of standard
                                        input) and print the users[].passwordHash value for it
                  help                  this text""");
    }

    private static Path configArgument(String[] args) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--config") || args[i].equals("-c")) {
                return Path.of(args[i + 1]);
            }
        }
        return null;
    }

    private static int check(String[] args, PrintStream out, PrintStream err) {
        Path file = configArgument(args);
        if (file == null) {
            err.println("check needs --config FILE");
            return 2;
        }
        try {
            ConfigLoader.load(file);
            out.println(file + ": configuration is valid");
            return 0;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int start(String[] args, PrintStream err) throws InterruptedException {
        Path file = configArgument(args);
        if (file == null) {
            err.println("start needs --config FILE");
            return 2;
        }
        ShardGateConfig config;
        try {
            config = ConfigLoader.load(file);
        } catch (ConfigException e) {
            err.println("refusing to start, the configuration has problems:");
            err.println(e.getMessage());
            return 1;
        }
        ShardGateServer server;
        try {
            server = ShardGateServer.start(config);
        } catch (IllegalStateException e) {
            err.println("refusing to start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shardgate-shutdown"));
        stopped.await();
        return 0;
    }
}
