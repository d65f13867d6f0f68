package io.sluice.platform.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Airbyte's {@code dbtArguments} string ({@code run --select stg_customers}) as the words of a
 * command line, split as a POSIX shell would split them without expanding anything: blanks
 * separate words, {@code '...'} is literal, {@code "..."} and a backslash escape. No shell ever runs.
 */
public final class DbtArguments {
    /** Options Sluice sets itself: a project's own would point dbt elsewhere. */
    static final Set<String> RESERVED = Set.of("--profiles-dir", "--project-dir");
    /** Commands that take no {@code --vars}. */
    private static final Set<String> WITHOUT_VARS = Set.of("deps", "clean", "init", "--version", "--help", "-h");

    private DbtArguments() {}

    /**
     * The words of {@code arguments}.
     *
     * @throws IllegalArgumentException for a quote left open, or an option Sluice sets itself
     */
    public static List<String> parse(String arguments) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < arguments.length() && "\"\\$`".indexOf(arguments.charAt(i + 1)) >= 0) {
                    word.append(arguments.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < arguments.length()) {
                    word.append(arguments.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("has a " + quote + " quote that is never closed");
        }
        if (word != null) {
            words.add(word.toString());
        }
        for (String w : words) {
            String option = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (RESERVED.contains(option)) {
                throw new IllegalArgumentException("must not set " + option + ": Sluice sets it");
            }
        }
        return List.copyOf(words);
    }

    /** Whether the command takes {@code --vars}: not {@code deps}, {@code clean}, {@code init}, help or version. */
    static boolean takesVars(List<String> arguments) {
        return !arguments.isEmpty() && !WITHOUT_VARS.contains(arguments.get(0));
    }

    /** Whether the user passed {@code --vars} already. */
    static boolean hasVars(List<String> arguments) {
        return arguments.stream().anyMatch(a -> a.equals("--vars") || a.startsWith("--vars="));
    }
}
