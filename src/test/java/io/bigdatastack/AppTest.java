package io.bigdatastack;

import io.bigdatastack.plan.PlanRunner;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The program as `pulumi up` runs it: configuration read from the engine, validated before anything is created. */
class AppTest {

    @Test
    void aBadConfigurationFailsTheUpdateWithOneErrorListingEveryProblem() {
        var source = TestStacks.source("dev", Map.of("azCount", "9", "kubernetesVersion", "1.19"));
        var failure = assertThrows(PlanRunner.PlanFailedException.class,
                () -> PlanRunner.run(TestStacks.PROJECT, "dev", "us-east-1", ctx -> App.run(ctx, source, TestStacks.CLOCK)));
        assertTrue(failure.getMessage().contains("big-data-stack:azCount: got '9'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("big-data-stack:kubernetesVersion: got '1.19'"), failure.getMessage());
    }

    @Test
    void azCountAboveTheRegionFailsTheUpdateBeforeTheAzLookup() {
        // Before this check, us-west-1 with 3 AZs failed inside the Network's AZ lookup, after the VPC was registered.
        var source = TestStacks.source("dev", Map.of("aws:region", "us-west-1", "azCount", "3"));
        var failure = assertThrows(PlanRunner.PlanFailedException.class,
                () -> PlanRunner.run(TestStacks.PROJECT, "dev", "us-west-1", ctx -> App.run(ctx, source, TestStacks.CLOCK)));
        assertTrue(failure.getMessage().contains("big-data-stack:azCount: got '3', expected at most 2: Region us-west-1"), failure.getMessage());
    }

    @Test
    void aGoodConfigurationDefinesTheStack() {
        var source = TestStacks.source("dev", Map.of());
        var plan = PlanRunner.run(TestStacks.PROJECT, "dev", "us-east-1", ctx -> App.run(ctx, source, TestStacks.CLOCK));
        assertTrue(plan.resources().size() > 100);
        assertEquals("big-data-stack-dev", plan.outputs().get("ClusterName").getAsString());
    }
}
