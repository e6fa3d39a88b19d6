package io.bigdatastack.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does for the subset our generated commands use: blanks,
 * backslash-newline continuations, single quotes, and backslash escapes outside quotes. Anything else (double quotes,
 * expansions) is rejected, so a test notices when a generated command would depend on it.
 */
public final class ShellWords {

    private ShellWords() {
    }

    public static List<String> split(String line) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote at " + i);
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("trailing backslash");
                }
                char next = line.charAt(++i);
                if (next != '\n') {
                    word.append(next);
                    inWord = true;
                }
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if ("\"$`;&|<>(){}*?[]!#~".indexOf(c) >= 0) {
                throw new IllegalArgumentException("unquoted shell metacharacter '" + c + "' at " + i + ": " + line);
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
