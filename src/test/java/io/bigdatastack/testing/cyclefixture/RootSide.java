package io.bigdatastack.testing.cyclefixture;

import io.bigdatastack.testing.cyclefixture.inner.InnerSide;

/**
 * A planted cycle for ArchitectureTest: this class sits in the root of its package tree and imports a subpackage that
 * imports it back, the shape {@code App → cli.Commands}, {@code cli.Planner → BigDataStack} once had.
 */
public final class RootSide {

    private RootSide() {
    }

    /** Calls into the subpackage. */
    public static String name() {
        return InnerSide.class.getSimpleName();
    }
}
