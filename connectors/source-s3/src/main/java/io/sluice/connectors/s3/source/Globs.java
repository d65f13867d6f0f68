package io.sluice.connectors.s3.source;

import java.util.regex.Pattern;

/**
 * A key glob as Airbyte's S3 source takes them: {@code *} matches within one folder,
 * {@code **} across folders ({@code data/**}{@code /*.csv} also matches {@code data/a.csv}),
 * {@code ?} one character other than {@code /}; everything else literally.
 */
record Globs(String glob, Pattern pattern, String prefix) {

    static Globs of(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return new Globs(glob, Pattern.compile(regex.toString()), literalPrefix(glob));
    }

    boolean matches(String key) {
        return pattern.matcher(key).matches();
    }

    /** The keys under this prefix are all a listing must see. */
    private static String literalPrefix(String glob) {
        int end = 0;
        while (end < glob.length() && glob.charAt(end) != '*' && glob.charAt(end) != '?') {
            end++;
        }
        return glob.substring(0, end);
    }
}
