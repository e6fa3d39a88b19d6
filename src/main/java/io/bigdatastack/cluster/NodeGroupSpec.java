package io.bigdatastack.cluster;

import java.util.List;
import java.util.Map;

/**
 * One managed node group: what runs there is chosen by its labels.
 *
 * @param name          short name, e.g. {@code base} or {@code spot}; part of resource names and the {@code node-group} label
 *                      (renaming replaces the node group)
 * @param capacityType  {@code ON_DEMAND} or {@code SPOT} (changing it replaces the node group)
 * @param instanceTypes EC2 instance types of one architecture; spot groups should list several similar ones (changing
 *                      them replaces the node group: nodes are recycled)
 * @param minSize       the autoscaler never goes below it (0 lets the group scale to zero)
 * @param desiredSize   size at creation only; afterwards the autoscaler owns it
 * @param maxSize       the autoscaler never goes above it (min and max sizes update in place)
 * @param diskGiB       root volume size in GiB (changing it replaces the node group)
 * @param labels        Kubernetes labels on every node, besides {@code node-group}
 */
public record NodeGroupSpec(String name, String capacityType, List<String> instanceTypes, int minSize, int desiredSize,
                            int maxSize, int diskGiB, Map<String, String> labels) {

    public static final String ON_DEMAND = "ON_DEMAND";
    public static final String SPOT = "SPOT";

    public NodeGroupSpec {
        instanceTypes = List.copyOf(instanceTypes);
        labels = Map.copyOf(labels);
    }
}
