package io.bigdatastack.naming;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhysicalNamesTest {

    @Test
    void shortNamesAreKept() {
        assertEquals("big-data-stack-dev-studio-user", PhysicalNames.fit("big-data-stack-dev-studio-user", 64));
    }

    @Test
    void longNamesAreCutWithAStableDistinguishingHash() {
        String a = "big-data-stack-" + "x".repeat(60) + "-studio-cluster-service";
        String b = "big-data-stack-" + "x".repeat(60) + "-studio-cluster-instance";
        String fittedA = PhysicalNames.fit(a, 64);
        assertEquals(64, fittedA.length());
        assertEquals(fittedA, PhysicalNames.fit(a, 64));
        assertNotEquals(fittedA, PhysicalNames.fit(b, 64));
        assertTrue(fittedA.startsWith("big-data-stack-xxx"));
    }

    @Test
    void bucketNamesCarryTheAccountAndFollowS3Rules() {
        assertEquals("big-data-stack-dev-studio-123456789012", PhysicalNames.bucket("big-data-stack-dev", "studio", "123456789012"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Team_A.prod", "UPPER", "a-very-long-stack-name-that-goes-on-and-on-and-on-forever"})
    void bucketNamesFromAnyStackNameAreValid(String stack) {
        String name = PhysicalNames.bucket("big-data-stack-" + stack, "studio", "123456789012");
        assertTrue(name.length() >= 3 && name.length() <= 63, name);
        assertTrue(name.matches("[a-z0-9][a-z0-9-]*[a-z0-9]"), name);
        assertTrue(name.endsWith("-123456789012"), name);
        assertTrue(!name.contains("--"), name);
    }

    @Test
    void roleNamesAreProjectStackPurposeFittedToIam() {
        assertEquals("big-data-stack-dev-eks-node", PhysicalNames.role("big-data-stack-dev", "eks-node"));
        // The longest prefix StackConfig allows keeps the longest purpose whole (64 characters exactly).
        var prefix = "p".repeat(40);
        assertEquals(prefix + "-studio-cluster-instance", PhysicalNames.role(prefix, "studio-cluster-instance"));
        var longer = PhysicalNames.role("q".repeat(60), "studio-cluster-instance");
        assertEquals(PhysicalNames.IAM_ROLE_NAME_MAX, longer.length());
        assertNotEquals(longer, PhysicalNames.role("q".repeat(60), "studio-cluster-service"));
    }
}
