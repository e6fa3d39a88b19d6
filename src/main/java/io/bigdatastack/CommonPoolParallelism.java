package io.bigdatastack;

import java.util.OptionalInt;

/**
 * Keeps the Pulumi Java SDK we pin (1.36.1) from livelocking on Java 25.
 *
 * <p>Why: from JDK 25, {@code CompletableFuture}'s async methods run on the common fork/join pool even when its
 * parallelism is 1 (before, parallelism below 2 meant a new thread per task; JDK-8362881). The SDK's deployment loop
 * re-submits itself immediately, so with a single worker nothing else ever runs: {@code pulumi up} and {@code plan}
 * spin forever on 1- and 2-CPU machines, where the default parallelism (CPUs - 1) is 1 (pulumi-java#2270; fixed
 * upstream by #2314, in no release on the registry this project uses yet). Remove this class once the pinned SDK
 * contains that fix.
 *
 * <p>The common pool reads its parallelism from a system property once, when it is first used, so this must run
 * before anything touches the pool: first thing in {@link App#main}. The test JVM gets the same value from the
 * surefire {@code argLine} in pom.xml.
 */
final class CommonPoolParallelism {

    static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /** The SDK's loop occupies one worker; the others run registrations, invokes and blocking waits. */
    static final int MINIMUM = 4;

    private CommonPoolParallelism() {
    }

    /** Raises the common pool's parallelism to {@link #MINIMUM} unless it would already be at least that. */
    static void ensure() {
        required(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors())
                .ifPresent(value -> System.setProperty(PROPERTY, String.valueOf(value)));
    }

    /**
     * The parallelism to set, if any: none when the configured (or default, CPUs - 1) value is already enough.
     * A configured value below the minimum is raised too: parallelism 1 is exactly the livelock.
     */
    static OptionalInt required(String configured, int availableProcessors) {
        int effective;
        try {
            effective = configured == null ? availableProcessors - 1 : Integer.parseInt(configured.trim());
        } catch (NumberFormatException e) {
            effective = availableProcessors - 1; // The JVM ignores an unparsable value too.
        }
        return effective >= MINIMUM ? OptionalInt.empty() : OptionalInt.of(MINIMUM);
    }
}
