package io.bigdatastack.naming;

import io.bigdatastack.config.ConfigSource;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two stacks of one project in one account and Region must not ask AWS for the same name: every physical name the
 * program sets derives from project and stack. (Names inside a cluster, such as namespaces and Helm releases, and
 * names scoped to a parent, such as an inline role policy, are per stack anyway.)
 */
class StackIsolationTest {

    /** Inputs that carry a physical name AWS keeps unique per account/Region (or globally, for buckets). */
    private static final Set<String> NAME_INPUTS = Set.of("name", "bucket", "clusterName", "namePrefix", "bucketPrefix");
    /** Types whose names live inside another resource, not in the account. */
    private static final Set<String> SCOPED_TYPES = Set.of("aws:iam/rolePolicy:RolePolicy", "aws:emr/studioSessionMapping:StudioSessionMapping");

    private static Plan plan(String stack) {
        var values = new HashMap<String, String>();
        values.put("aws:region", "us-east-1");
        values.put(TestStacks.PROJECT + ":studioAdminUser", "jane");
        var config = StackConfig.load(ConfigSource.of(TestStacks.PROJECT, stack, values), TestStacks.CLOCK);
        return io.bigdatastack.cli.Planner.plan(config, stack);
    }

    /** name value -> the resource that asks for it, for resources that name themselves explicitly. */
    private static Map<String, String> physicalNames(Plan plan) {
        var names = new TreeMap<String, String>();
        for (var r : plan.resources()) {
            if (!r.custom() || !r.type().startsWith("aws:") || SCOPED_TYPES.contains(r.type())) {
                continue;
            }
            // clusterName on node groups, add-ons and access entries refers to the cluster, not to a name of their own.
            var ownName = r.type().equals("aws:eks/cluster:Cluster") ? Set.of("name") : NAME_INPUTS;
            for (var input : ownName) {
                if (input.equals("clusterName")) {
                    continue;
                }
                r.input(input).filter(v -> v.isJsonPrimitive()).ifPresent(v -> names.put(v.getAsString(), r.urn()));
            }
        }
        return names;
    }

    @Test
    void twoStacksNeverAskForTheSameName() {
        var alpha = physicalNames(plan("alpha"));
        var beta = physicalNames(plan("beta"));
        assertTrue(alpha.size() > 15, "expected the explicitly named resources, got " + alpha.keySet());
        var shared = new TreeMap<String, String>(alpha);
        shared.keySet().retainAll(beta.keySet());
        assertEquals(Map.of(), shared, "names both stacks would create");
        for (var name : alpha.keySet()) {
            assertTrue(name.contains("alpha"), name + " (" + alpha.get(name) + ") does not derive from the stack");
        }
    }

    /** AWS's length limits on the names we set (IAM CreateRole/CreatePolicy, S3, EKS, EMR, CloudFormation). */
    private static final Map<String, Integer> NAME_LIMITS = Map.of(
            "aws:iam/role:Role", 64,
            "aws:iam/instanceProfile:InstanceProfile", 128,
            "aws:iam/policy:Policy", 128,
            "aws:s3/bucketV2:BucketV2", 63,
            "aws:eks/cluster:Cluster", 100,
            "aws:emrcontainers/virtualCluster:VirtualCluster", 64,
            "aws:cloudformation/stack:Stack", 128,
            "aws:cloudwatch/logGroup:LogGroup", 512);

    @Test
    void theLongestStackNameConfigAcceptsStillFitsEveryNameLimit() {
        // The longest <project>-<stack> prefix StackConfig accepts.
        var stack = "s".repeat(StackConfig.MAX_PHYSICAL_PREFIX - TestStacks.PROJECT.length() - 1);
        var plan = plan(stack);
        var checked = 0;
        for (var r : plan.resources()) {
            var limit = NAME_LIMITS.get(r.type());
            if (limit == null) {
                continue;
            }
            var name = r.input(r.type().equals("aws:s3/bucketV2:BucketV2") ? "bucket" : "name").orElseThrow().getAsString();
            assertTrue(name.length() <= limit, r.type() + " name '" + name + "' is " + name.length() + " characters, over " + limit);
            checked++;
        }
        assertTrue(checked > 20, "checked " + checked);
    }
}
