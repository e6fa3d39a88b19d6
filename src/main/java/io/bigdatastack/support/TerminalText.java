package io.bigdatastack.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits what the commands print into a 120-column terminal: prose wraps at spaces under a hanging indent, a value too
 * long for one line (a JSON output, a generated command) is cut with a note saying how much is left out and where the
 * whole of it is.
 */
public final class TerminalText {

    /** The width every command's output fits. */
    public static final int WIDTH = 120;

    private TerminalText() {
    }

    /**
     * {@code text} as lines of at most {@link #WIDTH} columns: the first starts with {@code firstIndent}, the others
     * with {@code nextIndent}; lines break at spaces, a single word longer than a line is cut into pieces.
     */
    public static List<String> wrap(String text, String firstIndent, String nextIndent) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder(firstIndent);
        int lineStart = firstIndent.length();
        for (var word : text.strip().split(" +")) {
            while (!word.isEmpty()) {
                boolean empty = line.length() == lineStart;
                int room = WIDTH - line.length() - (empty ? 0 : 1);
                if (word.length() <= room) {
                    line.append(empty ? "" : " ").append(word);
                    word = "";
                } else if (!empty) {
                    lines.add(line.toString());
                    line = new StringBuilder(nextIndent);
                    lineStart = nextIndent.length();
                } else {
                    // One word wider than the line (a URL, an ARN): cut it rather than overflow.
                    line.append(word, 0, Math.max(1, room));
                    word = word.substring(Math.max(1, room));
                    lines.add(line.toString());
                    line = new StringBuilder(nextIndent);
                    lineStart = nextIndent.length();
                }
            }
        }
        if (line.length() > lineStart || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@link #wrap} joined with newlines. */
    public static String wrapped(String text, String firstIndent, String nextIndent) {
        return String.join("\n", wrap(text, firstIndent, nextIndent));
    }

    /**
     * {@code prefix + value} on one line of at most {@link #WIDTH} columns: whole when it fits, else cut and ended
     * with {@code ... (N more characters<where>)}.
     *
     * @param where where the whole value can be read, e.g. {@code "; whole in target/plan/dev.json"}
     */
    public static String summarised(String prefix, String value, String where) {
        if (prefix.length() + value.length() <= WIDTH) {
            return prefix + value;
        }
        for (int keep = WIDTH - prefix.length(); keep > 0; keep--) {
            var tail = " ... (" + (value.length() - keep) + " more characters" + where + ")";
            if (prefix.length() + keep + tail.length() <= WIDTH) {
                return prefix + value.substring(0, keep) + tail;
            }
        }
        return (prefix + value).substring(0, WIDTH);
    }
}
