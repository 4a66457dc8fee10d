package io.shardgate.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Loads {@code shardgate.yaml}. The YAML is parsed into plain maps and lists and then mapped by hand,
 * so that every problem in the file is reported at once under its path, rather than the first one
 * a data-binding library would trip over.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static ShardGateConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw unreadable(file, "file not found", e);
        } catch (AccessDeniedException e) {
            throw unreadable(file, "cannot read the file: permission denied", e);
        } catch (MalformedInputException e) {
            throw unreadable(file, "cannot read the file: it is not UTF-8 text", e);
        } catch (IOException e) {
            throw unreadable(file, "cannot read the file: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * @param sourceName where the text came from, used in messages (usually the file name)
     */
    public static ShardGateConfig parse(String yamlText, String sourceName) throws ConfigException {
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(sourceName, "sourceName");
        Object root;
        try {
            root = new Load(settings(sourceName)).loadFromString(yamlText);
        } catch (MarkedYamlEngineException e) {
            throw new ConfigException(sourceName, List.of(new ConfigProblem("", describe(e))), e);
        } catch (YamlEngineException e) {
            throw new ConfigException(sourceName, List.of(new ConfigProblem("", "invalid YAML: " + e.getMessage())), e);
        }
        Problems problems = new Problems();
        ShardGateConfig config = ConfigReader.read(root, problems);
        if (config == null) {
            throw new ConfigException(sourceName, ConfigReader.inFileOrder(problems.list(), root));
        }
        return config;
    }

    private static LoadSettings settings(String sourceName) {
        return LoadSettings.builder()
                .setLabel(sourceName)
                // YAML 1.2 core schema: ~ is null, true/True are booleans, 0x1F is an integer
                .setSchema(new CoreSchema())
                // a repeated key would otherwise silently override the first one
                .setAllowDuplicateKeys(false)
                .build();
    }

    private static String describe(MarkedYamlEngineException e) {
        StringBuilder message = new StringBuilder("invalid YAML");
        e.getProblemMark().ifPresent(mark -> message.append(" at ").append(position(mark)));
        message.append(": ").append(e.getProblem() != null ? e.getProblem().strip() : e.getMessage());
        if (e.getContext() != null) {
            message.append(" (").append(e.getContext().strip());
            e.getContextMark().ifPresent(mark -> message.append(" at ").append(position(mark)));
            message.append(')');
        }
        return message.toString();
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static ConfigException unreadable(Path file, String message, IOException cause) {
        return new ConfigException(file.toString(), List.of(new ConfigProblem("", message)), cause);
    }
}
