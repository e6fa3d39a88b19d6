package io.bigdatastack.config;

import io.bigdatastack.addons.KarpenterVersions;
import io.bigdatastack.addons.NodeProvisioner;
import io.bigdatastack.cluster.KubernetesVersions;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.bigdatastack.testing.TestStacks.overrides;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nodeProvisioner} and the Karpenter pool keys: defaults, and every bad value named with its key. */
class NodeProvisionerConfigTest {

    @Test
    void defaultsToTheClusterAutoscalerWithNoPools() {
        var addons = TestStacks.config(Map.of()).addons();
        assertEquals(NodeProvisioner.CLUSTER_AUTOSCALER, addons.nodeProvisioner());
        assertTrue(addons.karpenter().isEmpty());
    }

    @Test
    void karpenterCarriesThePoolDefaults() {
        var pools = TestStacks.config(Map.of("nodeProvisioner", "karpenter")).addons().karpenter().orElseThrow();
        assertEquals(64, pools.driverCpuLimit());
        assertEquals(256, pools.driverMemoryGiBLimit());
        assertEquals(512, pools.executorCpuLimit());
        assertEquals(2048, pools.executorMemoryGiBLimit());
        assertEquals(List.of("amd64"), pools.architectures());
        assertEquals("al2023@latest", pools.amiAlias());
        assertEquals(Duration.ofSeconds(300), pools.executorConsolidateAfter());
    }

    @Test
    void anUnknownProvisionerIsNamedWithItsKey() {
        TestStacks.assertOneProblem(Map.of("nodeProvisioner", "Karpenter"), "big-data-stack:nodeProvisioner", "Karpenter",
                "cluster-autoscaler, karpenter");
        TestStacks.assertOneProblem(Map.of("nodeProvisioner", "cluster_autoscaler"), "big-data-stack:nodeProvisioner", "cluster_autoscaler");
    }

    @Test
    void everyBadPoolValueIsReportedAtOnceWithItsKey() {
        var problems = TestStacks.problems(overrides("nodeProvisioner", "karpenter",
                "karpenterExecutorCpuLimit", "0",
                "karpenterDriverMemoryGiBLimit", "-4",
                "karpenterArchitectures", "[\"x86_64\"]",
                "karpenterAmiAlias", "al2@latest",
                "karpenterNodeDiskGiB", "10",
                "karpenterExecutorConsolidateAfterSeconds", "60"));
        assertEquals(6, problems.size(), problems.toString());
        var all = String.join("\n", problems);
        for (var fragment : List.of("big-data-stack:karpenterExecutorCpuLimit", "big-data-stack:karpenterDriverMemoryGiBLimit",
                "big-data-stack:karpenterArchitectures", "x86_64", "big-data-stack:karpenterAmiAlias", "al2@latest",
                "big-data-stack:karpenterNodeDiskGiB", "big-data-stack:karpenterExecutorConsolidateAfterSeconds",
                "executor idle timeout")) {
            assertTrue(all.contains(fragment), fragment + " in " + all);
        }
    }

    @Test
    void poolKeysAreCheckedEvenWithTheAutoscalerSoASwitchLaterCannotFailLate() {
        TestStacks.assertOneProblem(Map.of("karpenterExecutorConsolidateAfterSeconds", "30"),
                "big-data-stack:karpenterExecutorConsolidateAfterSeconds", "30");
    }

    @Test
    void theAmiAliasTakesLatestOrAPinnedDateOnly() {
        for (var good : List.of("al2023@latest", "al2023@v20260801")) {
            assertTrue(ConfigKeys.KARPENTER_AMI_ALIAS.check(good).isEmpty(), good);
        }
        for (var bad : List.of("al2023", "al2023@v2026", "bottlerocket@latest", "al2023@latest ", "AL2023@latest")) {
            assertTrue(ConfigKeys.KARPENTER_AMI_ALIAS.check(bad).isPresent(), bad);
        }
    }

    @Test
    void thePinnedKarpenterCoversEveryKubernetesVersionOfTheTable() {
        for (var minor : KubernetesVersions.minors()) {
            assertTrue(KubernetesVersions.karpenterMinimum(minor).isPresent(), minor + " has no Karpenter compatibility entry");
            assertTrue(KarpenterVersions.check(minor).isEmpty(), minor + ": " + KarpenterVersions.check(minor));
        }
        // Numeric, not text, comparison: 1.9 is older than 1.13.
        assertTrue(io.bigdatastack.support.Versions.compare("1.9", "1.13") < 0);
        assertTrue(io.bigdatastack.support.Versions.compare("1.14.1", "1.13") > 0);
    }

    @Test
    void aKubernetesVersionOutsideTheTableIsRefusedForKarpenter() {
        var refusal = KarpenterVersions.check("1.37").orElseThrow();
        assertTrue(refusal.contains("1.14.1") && refusal.contains("1.33, 1.34, 1.35, 1.36"), refusal);
        var problems = TestStacks.problems(Map.of("nodeProvisioner", "karpenter", "kubernetesVersion", "1.37"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("big-data-stack:kubernetesVersion")), problems.toString());
    }
}
