package io.sluice.platform.operations;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL script into statements at the semicolons that end them: not inside quotes
 * ({@code '...'} with {@code ''}, {@code E'...'} with backslash escapes, {@code "..."}),
 * PostgreSQL dollar quotes ({@code $$...$$}, {@code $tag$...$tag$}) or comments ({@code --},
 * {@code /* ... *}{@code /}). Statements that hold only comments and blanks are dropped.
 */
public final class SqlScript {
    private final String text;
    private final List<String> statements = new ArrayList<>();
    private int start;
    private boolean hasCode;

    private SqlScript(String text) {
        this.text = text;
    }

    /**
     * The script's statements, trimmed, without their semicolons.
     *
     * @throws IllegalArgumentException for a quote, dollar quote or comment left open, naming its line
     */
    public static List<String> split(String script) {
        SqlScript s = new SqlScript(script);
        s.scan();
        return List.copyOf(s.statements);
    }

    private void scan() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ';') {
                end(i);
                i++;
            } else if (c == '-' && at(i + 1, '-')) {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? text.length() : newline + 1;
            } else if (c == '/' && at(i + 1, '*')) {
                i = closing(i, "*/", i + 2, "comment") + 2;
            } else if (c == '\'') {
                hasCode = true;
                i = quoteEnd(i, eString(i)) + 1;
            } else if (c == '"') {
                hasCode = true;
                i = closing(i, "\"", i + 1, "\" quote") + 1;
            } else if (c == '$' && dollarTag(i) != null) {
                hasCode = true;
                String tag = dollarTag(i);
                i = closing(i, tag, i + tag.length(), tag + " quote") + tag.length();
            } else {
                hasCode |= !Character.isWhitespace(c);
                i++;
            }
        }
        end(text.length());
    }

    private void end(int at) {
        if (hasCode) {
            statements.add(text.substring(start, at).strip());
        }
        start = at + 1;
        hasCode = false;
    }

    private boolean at(int i, char c) {
        return i < text.length() && text.charAt(i) == c;
    }

    /** Whether the quote at {@code i} opens an {@code E'...'} string (backslash escapes). */
    private boolean eString(int i) {
        return i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                && (i < 2 || !Character.isLetterOrDigit(text.charAt(i - 2)) && text.charAt(i - 2) != '_');
    }

    private int quoteEnd(int open, boolean backslashes) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
            } else if (c == '\'' && at(i + 1, '\'')) {
                i += 2;
            } else if (c == '\'') {
                return i;
            } else {
                i++;
            }
        }
        throw unterminated(open, "' quote");
    }

    /** {@code $$} or {@code $tag$} at {@code i}, or null (a {@code $1} parameter is no tag). */
    private String dollarTag(int i) {
        if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) {
            return null;
        }
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        if (j >= text.length() || text.charAt(j) != '$' || (j > i + 1 && Character.isDigit(text.charAt(i + 1)))) {
            return null;
        }
        return text.substring(i, j + 1);
    }

    private int closing(int open, String close, int from, String what) {
        int end = text.indexOf(close, from);
        if (end < 0) {
            throw unterminated(open, what);
        }
        return end;
    }

    private IllegalArgumentException unterminated(int open, String what) {
        int line = 1;
        for (int i = 0; i < open; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new IllegalArgumentException("has a " + what + " opened on line " + line + " and never closed");
    }
}
