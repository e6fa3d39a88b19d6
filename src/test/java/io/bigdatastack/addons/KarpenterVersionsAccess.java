package io.bigdatastack.addons;

/** Opens {@link KarpenterVersions#compare} to tests of other packages. */
public final class KarpenterVersionsAccess {

    private KarpenterVersionsAccess() {
    }

    public static int compare(String left, String right) {
        return KarpenterVersions.compare(left, right);
    }
}
