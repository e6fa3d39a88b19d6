package io.bigdatastack.config;

import java.util.List;

/** Every problem found in a stack's configuration, reported together before any resource is registered. */
public final class InvalidConfigException extends RuntimeException {

    private final List<String> problems;

    public InvalidConfigException(String stack, List<String> problems) {
        super("Stack '" + stack + "' has " + problems.size() + " configuration problem" + (problems.size() == 1 ? "" : "s")
                + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
