package io.shardgate.router.plan;

/**
 * One row of SHOW WARNINGS: a note, warning or error a statement raised.
 *
 * @param code the MySQL error number
 */
public record Condition(Level level, int code, String message) {

    /** As SHOW WARNINGS spells the level. */
    public enum Level {
        NOTE("Note"), WARNING("Warning"), ERROR("Error");

        private final String text;

        Level(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** The level of SHOW WARNINGS' text, case-insensitively; unknown text counts as a warning. */
        public static Level of(String text) {
            for (Level l : values()) {
                if (l.text.equalsIgnoreCase(text)) {
                    return l;
                }
            }
            return WARNING;
        }
    }
}
