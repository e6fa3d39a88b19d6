package io.bigdatastack.addons;

/** Which cluster dashboard to install. Kubernetes Dashboard is retired (archived January 2026); Headlamp succeeds it. */
public enum DashboardKind {
    headlamp,
    none
}
