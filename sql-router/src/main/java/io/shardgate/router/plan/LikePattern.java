package io.shardgate.router.plan;

import java.util.regex.Pattern;

/** A SQL LIKE pattern ({@code %}, {@code _}, backslash escape) as used by SHOW ... LIKE. */
public final class LikePattern {

    private final Pattern regex;

    private LikePattern(Pattern regex) {
        this.regex = regex;
    }

    public static LikePattern of(String like, boolean caseInsensitive) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return new LikePattern(Pattern.compile(re.toString(), flags));
    }

    public boolean matches(String s) {
        return regex.matcher(s).matches();
    }
}
