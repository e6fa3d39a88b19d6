package io.bigdatastack.testing.cyclefixture.inner;

import io.bigdatastack.testing.cyclefixture.RootSide;

/** The other half of the planted cycle (see {@link RootSide}): a subpackage importing the root package. */
public final class InnerSide {

    private InnerSide() {
    }

    /** Calls back into the root package. */
    public static String name() {
        return RootSide.class.getSimpleName();
    }
}
