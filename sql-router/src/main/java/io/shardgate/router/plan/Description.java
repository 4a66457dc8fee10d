package io.shardgate.router.plan;

import java.util.ArrayList;
import java.util.List;

/** A primitive's self-description: one line and its children, printed as an indented tree. */
public record Description(String line, List<Description> children) {

    public Description {
        children = List.copyOf(children);
    }

    public static Description of(String line, Description... children) {
        return new Description(line, List.of(children));
    }

    public static Description leaf(String line) {
        return new Description(line, List.of());
    }

    /** The tree as lines, children indented by two spaces per level. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        append(out, 0);
        return out;
    }

    private void append(List<String> out, int depth) {
        out.add("  ".repeat(depth) + line);
        for (Description c : children) {
            c.append(out, depth + 1);
        }
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
