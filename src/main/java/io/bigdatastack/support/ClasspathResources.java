package io.bigdatastack.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one reader of the files the program ships in its jar (src/main/resources): price tables, replacement rules,
 * the Studio cluster template, upstream IAM policies. Paths are absolute within the classpath, e.g.
 * {@code /prices/us-east-1.json}.
 */
public final class ClasspathResources {

    private ClasspathResources() {
    }

    /** The UTF-8 text of {@code path}, if the classpath holds it. */
    public static Optional<String> find(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a classpath resource path starts with '/': " + path);
        }
        try (InputStream in = ClasspathResources.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The UTF-8 text of {@code path}, which the jar must hold: its absence is a broken build, not bad input. */
    public static String read(String path) {
        return find(path).orElseThrow(() -> new IllegalStateException(path + " is missing from the classpath"));
    }
}
