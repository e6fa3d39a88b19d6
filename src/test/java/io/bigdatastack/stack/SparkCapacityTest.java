package io.bigdatastack.stack;

import io.bigdatastack.cluster.NodeGroupSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The team LimitRange's memory maximum: the largest node any group can launch, or none when a type is unknown. */
class SparkCapacityTest {

    private static NodeGroupSpec group(String capacity, String... types) {
        return new NodeGroupSpec("g", capacity, List.of(types), 0, 0, 1, 50, Map.of());
    }

    @Test
    void theLargestAllocatableMemoryOfEveryGroupsTypes() {
        assertEquals(OptionalLong.of(131072 - (255 + 11 * 234) - 100),
                BigDataStack.largestAllocatableMemory(List.of(group("ON_DEMAND", "m5.large"), group("SPOT", "c5.2xlarge", "r6i.4xlarge"))));
        assertEquals(OptionalLong.of(8192 - (255 + 11 * 29) - 100), BigDataStack.largestAllocatableMemory(List.of(group("ON_DEMAND", "m5.large"))));
    }

    @Test
    void anUnknownTypeMeansNoMaximumRatherThanAGuess() {
        assertEquals(OptionalLong.empty(), BigDataStack.largestAllocatableMemory(List.of(group("ON_DEMAND", "m5.large"), group("SPOT", "x2iedn.32xlarge"))));
    }
}
