package io.bigdatastack.emr;

import io.bigdatastack.cluster.PodSecurity;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobTemplateSwitchAndPodSecurityTest {

    @Test
    void jobTemplateFalseLeavesTheCloudFormationTypeOut() {
        var without = TestStacks.plan(Map.of("jobTemplate", "false"));
        assertTrue(without.ofType("aws:cloudformation/stack:Stack").stream().noneMatch(s -> s.name().endsWith("-job-template")));
        assertEquals(EmrOnEks.NO_JOB_TEMPLATE, without.outputs().get("JobTemplateId").getAsString());
        // Everything else of EMR on EKS is still there.
        assertEquals(1, without.ofType("aws:emrcontainers/virtualCluster:VirtualCluster").size());
        // The submitter policy then only allows direct submissions with the team's role: no template statements.
        var submitter = without.named("aws:iam/policy:Policy", "test-emr-submitter-policy").inputString("policy");
        assertTrue(submitter.contains("emr-containers:ExecutionRoleArn") && !submitter.contains("JobTemplate"), submitter);
        var with = TestStacks.plan(Map.of());
        assertEquals(1, with.ofType("aws:cloudformation/stack:Stack").stream().filter(s -> s.name().endsWith("-job-template")).count());
    }

    /**
     * The job and dashboard namespaces enforce the baseline Pod Security Standard and warn about restricted
     * (https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces).
     */
    @Test
    void workloadNamespacesEnforceBaselineAndWarnRestricted() {
        Plan plan = TestStacks.plan(Map.of());
        var namespaces = plan.ofType("kubernetes:core/v1:Namespace");
        assertEquals(2, namespaces.size(), namespaces.toString());
        for (var namespace : namespaces) {
            var labels = namespace.input("metadata.labels").orElseThrow().getAsJsonObject();
            assertEquals("baseline", labels.get(PodSecurity.ENFORCE).getAsString(), namespace.name());
            assertEquals("restricted", labels.get(PodSecurity.WARN).getAsString(), namespace.name());
        }
    }
}
