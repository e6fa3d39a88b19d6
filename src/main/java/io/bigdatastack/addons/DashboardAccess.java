package io.bigdatastack.addons;

/** What the dashboard's login service account may do. */
public enum DashboardAccess {
    /** Bound to the built-in {@code view} ClusterRole: read everything but Secrets, change nothing. */
    readOnly,
    /** Bound to {@code cluster-admin}: opt-in, for clusters where the dashboard is the admin tool. */
    admin
}
