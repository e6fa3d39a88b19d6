package io.bigdatastack.plan;

import java.util.Optional;

/**
 * Which planned resources hold what cannot be recreated, as the change review ({@link PlanDiff}) needs to know it.
 * The plan library does not know the program: the caller hands over the program's list
 * ({@code io.bigdatastack.protection.Stateful}, adapted in {@code io.bigdatastack.cli.Planner}).
 */
@FunctionalInterface
public interface StatefulResources {

    /** E.g. "the EKS cluster", and what deleting or replacing it loses (reads after "loses"). */
    record Entry(String description, String whatIsLost) {
    }

    /** The entry a resource of {@code resourceType} under a component of {@code parentComponentType} belongs to. */
    Optional<Entry> of(String resourceType, String parentComponentType);
}
