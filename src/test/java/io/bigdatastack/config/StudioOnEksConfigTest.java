package io.bigdatastack.config;

import io.bigdatastack.emr.ReleaseLabel;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.bigdatastack.testing.TestStacks.assertOneProblem;
import static io.bigdatastack.testing.TestStacks.overrides;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code studioEndpoint} and {@code loadBalancerController}: defaults, what the endpoint refuses, the caveat. */
class StudioOnEksConfigTest {

    @Test
    void bothOffByDefault() {
        var config = TestStacks.config(Map.of());
        assertFalse(config.studioOnEks().studioEndpoint());
        assertFalse(config.studioOnEks().loadBalancerController());
        assertTrue(config.studioOnEks().caveats("1.35").isEmpty());
    }

    @Test
    void theEndpointTurnsTheControllerOn() {
        var config = TestStacks.config(Map.of("studioEndpoint", "true"));
        assertTrue(config.studioOnEks().loadBalancerController());
        var controllerOnly = TestStacks.config(Map.of("loadBalancerController", "true"));
        assertTrue(controllerOnly.studioOnEks().loadBalancerController());
        assertFalse(controllerOnly.studioOnEks().studioEndpoint());
    }

    @Test
    void podIdentityOnlyIsRefusedWithTheEndpoint() {
        assertOneProblem(overrides("studioEndpoint", "true", "jobRoleBinding", "podIdentity"),
                "big-data-stack:jobRoleBinding", "'podIdentity'", "irsa or both", "IRSA");
        TestStacks.config(Map.of("studioEndpoint", "true", "jobRoleBinding", "both"));
        TestStacks.config(Map.of("jobRoleBinding", "podIdentity")); // fine without the endpoint
    }

    @Test
    void gravitonNodesAreRefusedWithTheEndpoint() {
        assertOneProblem(overrides("studioEndpoint", "true", "baseNodeInstanceTypes", "[\"m7g.xlarge\"]"),
                "big-data-stack:baseNodeInstanceTypes", "m7g.xlarge", "x86_64", "ARM");
        assertOneProblem(overrides("studioEndpoint", "true", "spotNodeInstanceTypes", "[\"c7g.2xlarge\", \"c6g.2xlarge\"]"),
                "big-data-stack:spotNodeInstanceTypes", "c7g.2xlarge", "x86_64");
        TestStacks.config(Map.of("baseNodeInstanceTypes", "[\"m7g.xlarge\"]")); // fine without the endpoint
    }

    @Test
    void everyProblemAtOnce() {
        var problems = TestStacks.problems(overrides("studioEndpoint", "true", "jobRoleBinding", "podIdentity",
                "baseNodeInstanceTypes", "[\"m7g.xlarge\"]", "spotNodeInstanceTypes", "[\"c7g.2xlarge\"]"));
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void sparkOnlyReleasesAreRefusedWithTheEndpoint() {
        assertOneProblem(overrides("studioEndpoint", "true", "emrReleaseLabel", "emr-spark-8.0.0-latest"),
                "big-data-stack:emrReleaseLabel", "emr-spark-8.0.0-latest", "6.7.0");
    }

    @Test
    void interactiveEndpointsStartAtEmr670() {
        assertFalse(new ReleaseLabel("emr", 6, 6, 0, "latest").supportsInteractiveEndpoints());
        assertTrue(new ReleaseLabel("emr", 6, 7, 0, "latest").supportsInteractiveEndpoints());
        assertTrue(new ReleaseLabel("emr", 7, 0, 0, "latest").supportsInteractiveEndpoints());
        assertFalse(new ReleaseLabel("emr-spark", 8, 0, 0, "latest").supportsInteractiveEndpoints());
    }

    @Test
    void theKubernetesCaveatAppearsAbove130Only() {
        var config = TestStacks.config(Map.of("studioEndpoint", "true"));
        var caveats = config.studioOnEks().caveats(config.cluster().kubernetesVersion());
        assertEquals(1, caveats.size());
        assertTrue(caveats.get(0).contains("up to 1.30") && caveats.get(0).contains("1.35"), caveats.get(0));
        assertTrue(new StudioOnEks(true, true).caveats("1.30").isEmpty());
        assertTrue(new StudioOnEks(true, true).caveats("1.9").isEmpty(), "numeric, not text, comparison");
        assertEquals(1, new StudioOnEks(true, true).caveats("1.31").size());
        assertTrue(new StudioOnEks(false, true).caveats("1.35").isEmpty());
    }

    @Test
    void aNonBooleanIsRefusedWithTheKeyNamed() {
        assertOneProblem(overrides("studioEndpoint", "yes"), "big-data-stack:studioEndpoint", "'yes'", "true or false");
        assertOneProblem(overrides("loadBalancerController", "on"), "big-data-stack:loadBalancerController", "'on'");
    }
}
