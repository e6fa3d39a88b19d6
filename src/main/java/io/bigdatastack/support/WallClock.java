package io.bigdatastack.support;

import java.time.Clock;

/**
 * The one real clock of the program: {@code pulumi up} and the {@code plan}/{@code readme} commands judge Kubernetes
 * support windows by today's date (a version past standard support must be fixed, and EKS acts on the real date).
 * Every such entry point has an overload taking a {@link Clock}; tests pass a fixed one and never reach this class
 * (ArchitectureTest checks they do not call the clock-less entry points).
 */
public final class WallClock {

    private WallClock() {
    }

    public static Clock get() {
        return Clock.systemUTC();
    }
}
