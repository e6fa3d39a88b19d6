package io.bigdatastack.support;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The program's one Gson setup. HTML escaping is off: what we write is read by AWS, Kubernetes and people, never
 * embedded in HTML, and {@code =} or {@code '} escaped as {@code \u003d} would only obscure a policy or a Spark
 * setting (parsing gives the same value either way).
 */
public final class Json {

    /** Compact JSON, as resource inputs carry it. */
    public static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    /** Indented JSON with nulls kept, as plan files are written for people and diffs. */
    public static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private Json() {
    }
}
