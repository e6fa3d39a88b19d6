package io.bigdatastack.studio;

import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Studio as the whole program plans it from configuration. */
class EmrStudioStackTest {

    @Test
    void exportsTheStudioUrlAndId() {
        var plan = TestStacks.plan(Map.of());
        String id = plan.outputs().get("EMRStudioId").getAsString();
        assertTrue(id.startsWith("es-"), id);
        assertEquals("https://" + id + ".emrstudio-prod.us-east-1.amazonaws.com", plan.outputs().get("EMRStudioURL").getAsString());
    }

    @Test
    void studioRunsInTheNetworksPrivateSubnets() {
        var plan = TestStacks.plan(Map.of());
        var studio = plan.one("aws:emr/studio:Studio");
        for (int n = 1; n <= 3; n++) {
            assertTrue(studio.dependencies().contains(plan.named("test-private-" + n).urn()), "private subnet " + n);
            assertFalse(studio.dependencies().contains(plan.named("test-public-" + n).urn()), "public subnet " + n);
        }
        assertTrue(studio.dependencies().contains(plan.one("aws:ec2/vpc:Vpc").urn()));
        assertEquals(plan.one(EmrStudio.TYPE).urn(), studio.parent());
    }

    @Test
    void configuredUsersAndGroupsBecomeSessionMappings() {
        var plan = TestStacks.plan(Map.of("studioUsers", "[\"ana\", \"bo:intermediate\"]", "studioGroups", "[\"analysts\"]"));
        var mappings = plan.ofType("aws:emr/studioSessionMapping:StudioSessionMapping");
        assertEquals(4, mappings.size());
        assertEquals(1, mappings.stream().filter(m -> m.inputString("identityType").equals("GROUP")).count());
        assertTrue(mappings.stream().anyMatch(m -> m.inputString("identityName").equals("bo")
                && m.inputString("sessionPolicyArn").endsWith("/big-data-stack-test-studio-session-intermediate")));
    }

    @Test
    void iamModePlansNoMappings() {
        var overrides = new java.util.HashMap<String, String>();
        overrides.put("studioAuthMode", "IAM");
        overrides.put("studioAdminUser", null);
        var plan = TestStacks.plan(overrides);
        assertTrue(plan.ofType("aws:emr/studioSessionMapping:StudioSessionMapping").isEmpty());
        assertEquals("IAM", plan.one("aws:emr/studio:Studio").inputString("authMode"));
    }

    @Test
    void devIsDestroyableAndProdProtectsTheBucket() {
        Plan dev = TestStacks.planStackFile("dev");
        Plan prod = TestStacks.planStackFile("prod");
        var devBucket = dev.named("dev-studio-bucket");
        var prodBucket = prod.named("prod-studio-bucket");
        assertTrue(devBucket.input("forceDestroy").orElseThrow().getAsBoolean());
        assertFalse(devBucket.options().protect() || devBucket.options().retainOnDelete());
        assertFalse(prodBucket.input("forceDestroy").orElseThrow().getAsBoolean());
        assertTrue(prodBucket.options().protect() && prodBucket.options().retainOnDelete());
        assertEquals("big-data-stack-dev-studio-123456789012", devBucket.inputString("bucket"));
        assertEquals("big-data-stack-prod-studio-123456789012", prodBucket.inputString("bucket"));
    }
}
