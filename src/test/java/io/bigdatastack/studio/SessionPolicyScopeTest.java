package io.bigdatastack.studio;

import com.google.gson.JsonParser;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In the whole program, the Studio session policies name the virtual cluster this stack created, by its real ID. */
class SessionPolicyScopeTest {

    @Test
    void sessionPoliciesNameThisStacksVirtualCluster() {
        var plan = TestStacks.plan(Map.of());
        var virtualCluster = plan.one("aws:emrcontainers/virtualCluster:VirtualCluster");
        var id = plan.outputs().get("EMRVirtualClusterID").getAsString();
        var arn = "arn:aws:emr-containers:us-east-1:123456789012:/virtualclusters/" + id;
        for (var level : StudioAccessLevel.values()) {
            var policy = plan.named("aws:iam/policy:Policy", "test-studio-session-" + level);
            assertTrue(policy.propertyDependencies().get("policy").contains(virtualCluster.urn()), level.name());
            var text = policy.inputString("policy");
            var document = JsonParser.parseString(text).getAsJsonObject();
            assertEquals(arn, StudioPlans.statement(document, "UseThisStacksVirtualCluster").get("Resource").getAsString());
            assertEquals(arn + "/endpoints/*", StudioPlans.statement(document, "AttachToThisStacksEndpoints").get("Resource").getAsString());
            assertFalse(text.contains("/virtualclusters/*"), "no statement reaches every virtual cluster of the account");
        }
    }
}
