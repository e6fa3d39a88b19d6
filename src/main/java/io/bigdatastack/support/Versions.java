package io.bigdatastack.support;

/** Dotted version numbers (Kubernetes {@code 1.35}, Karpenter {@code 1.14.1}) compared as numbers, not text. */
public final class Versions {

    private Versions() {
    }

    /** Negative, zero or positive as {@code left} is before, equal to or after {@code right}; {@code 1.9} before {@code 1.13}, a missing part is 0. */
    public static int compare(String left, String right) {
        var l = left.split("\\.");
        var r = right.split("\\.");
        for (int i = 0; i < Math.max(l.length, r.length); i++) {
            int a = i < l.length ? Integer.parseInt(l[i]) : 0;
            int b = i < r.length ? Integer.parseInt(r[i]) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }
}
