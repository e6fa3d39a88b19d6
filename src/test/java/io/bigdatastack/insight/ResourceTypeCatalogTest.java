package io.bigdatastack.insight;

import io.bigdatastack.plan.ResourceType;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog of resource types covers what the real program registers, and each entry is complete for its rule. */
class ResourceTypeCatalogTest {

    @Test
    void everyTypeTheDevAndProdPlansRegisterIsInTheCatalog() {
        var missing = new TreeSet<String>();
        var plans = new java.util.ArrayList<io.bigdatastack.plan.Plan>();
        for (var stack : new String[]{"dev", "prod"}) {
            plans.add(TestStacks.planStackFile(stack));
        }
        plans.add(TestStacks.plan(java.util.Map.of("nodeProvisioner", "karpenter"))); // Karpenter's types too
        for (var plan : plans) {
            for (var r : plan.resources()) {
                if (r.custom() && !r.type().startsWith("pulumi:") && ResourceType.of(r.type()) == ResourceType.OTHER) {
                    missing.add(r.type());
                }
            }
        }
        assertEquals(new TreeSet<String>(), missing, "add these to io.bigdatastack.plan.ResourceType");
    }

    @Test
    void drawnTypesHaveTheWordsTheDiagramNeeds() {
        for (var type : ResourceType.values()) {
            if (type.diagram() == ResourceType.Diagram.KEEP || type.diagram() == ResourceType.Diagram.COLLAPSE) {
                assertNotNull(type.label(), type.name());
            }
            if (type.diagram() == ResourceType.Diagram.COLLAPSE) {
                assertNotNull(type.pluralLabel(), type.name());
            }
            if (type != ResourceType.OTHER) {
                assertEquals(type, ResourceType.of(type.token()), "one entry per token: " + type.token());
            }
        }
        assertTrue(ResourceType.of("aws:unknown/thing:Thing") == ResourceType.OTHER);
    }
}
