package io.bigdatastack;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pulumi-java#2270: the common pool must never run with one worker (the .ci/run plan on JDK 25 proves the effect). */
class CommonPoolParallelismTest {

    @Test
    void smallMachinesGetTheFloor() {
        assertEquals(OptionalInt.of(CommonPoolParallelism.MINIMUM), CommonPoolParallelism.required(null, 1));
        assertEquals(OptionalInt.of(CommonPoolParallelism.MINIMUM), CommonPoolParallelism.required(null, 2));
    }

    @Test
    void anExplicitOneIsRaisedAndEnoughIsLeftAlone() {
        assertEquals(OptionalInt.of(CommonPoolParallelism.MINIMUM), CommonPoolParallelism.required("1", 64));
        assertEquals(OptionalInt.of(CommonPoolParallelism.MINIMUM), CommonPoolParallelism.required("bogus", 2));
        assertEquals(OptionalInt.empty(), CommonPoolParallelism.required("8", 1));
        assertEquals(OptionalInt.empty(), CommonPoolParallelism.required(null, 16));
    }

    @Test
    void theTestJvmRunsWithTheFloorToo() {
        // Set by surefire's argLine, the in-process equivalent of App.main's guard.
        // Exactly the floor: ">= 4" would also hold without the argLine on a machine with five or more CPUs.
        assertEquals(String.valueOf(CommonPoolParallelism.MINIMUM), System.getProperty(CommonPoolParallelism.PROPERTY));
        assertEquals(CommonPoolParallelism.MINIMUM, ForkJoinPool.getCommonPoolParallelism());
    }
}
