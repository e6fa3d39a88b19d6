package io.bigdatastack.cluster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EKS AMI's reservations (awslabs/amazon-eks-ami bootstrap.sh), computed by hand for the types the stacks use. */
class InstanceCapacityTest {

    @Test
    void kubeReservedFollowsTheAmiFormulas() {
        // 6% of 1000m + 1% of 1000m + 0.5% of 2000m + 0.25% of 4000m = 60 + 10 + 10 + 10.
        assertEquals(90, InstanceCapacity.reservedCpuMillis(8));
        assertEquals(70, InstanceCapacity.reservedCpuMillis(2));
        assertEquals(60, InstanceCapacity.reservedCpuMillis(1));
        assertEquals(255 + 11 * 58, InstanceCapacity.reservedMemoryMebibytes(58));
    }

    @Test
    void allocatableIsCapacityLessReservationsAndEviction() {
        var xlarge = InstanceCapacity.of("m5.xlarge").orElseThrow();
        assertEquals(4000 - 80, xlarge.cpuMillis());
        assertEquals(16384 - (255 + 11 * 58) - 100, xlarge.memoryMebibytes());
        assertEquals(8192 - (255 + 11 * 29) - 100, InstanceCapacity.of("m5.large").orElseThrow().memoryMebibytes());
        assertEquals(16384 - (255 + 11 * 58) - 100, InstanceCapacity.of("c5.2xlarge").orElseThrow().memoryMebibytes());
        assertEquals(131072 - (255 + 11 * 234) - 100, InstanceCapacity.of("r6i.4xlarge").orElseThrow().memoryMebibytes());
        assertEquals(4096 - (255 + 11 * 17) - 100, InstanceCapacity.of("t3.medium").orElseThrow().memoryMebibytes());
    }

    @Test
    void unknownTypesAreNotGuessed() {
        assertTrue(InstanceCapacity.of("x2iedn.32xlarge").isEmpty());
        assertTrue(InstanceCapacity.of("m5.metal").isEmpty());
        assertTrue(InstanceCapacity.of("m5").isEmpty());
    }
}
