package io.bigdatastack.insight;

import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idle cost and diagram of a stack with the interactive endpoint, against the same stack without it. */
class StudioEndpointInsightTest {

    private static final PlanInsight WITH = PlanInsight.of(TestStacks.plan(Map.of("studioEndpoint", "true")), "us-east-1");
    private static final PlanInsight WITHOUT = PlanInsight.of(TestStacks.plan(Map.of()), "us-east-1");

    @Test
    void theEndpointAddsItsInternalAlbHourlyAndListsLcusAndTheGatewayPod() {
        var alb = WITH.cost().lineItems().stream().filter(l -> l.category().equals(CostEstimate.LOAD_BALANCERS)).toList();
        assertEquals(1, alb.size(), WITH.cost().lineItems().toString());
        assertEquals(new BigDecimal("0.0225"), alb.get(0).unitPrice());
        assertEquals(new BigDecimal("16.43"), alb.get(0).monthly(), "0.0225 × 730 hours");
        assertEquals("https://aws.amazon.com/elasticloadbalancing/pricing/", alb.get(0).source());
        var endpointStack = WITH.plan().named("aws:cloudcontrol/resource:Resource", "test-emr-studio-endpoint");
        assertEquals(java.util.List.of(endpointStack.urn()), alb.get(0).resources());
        assertTrue(WITH.cost().notPriced().stream().anyMatch(n -> n.item().contains("capacity units") && n.reason().contains("$0.008")));
        assertTrue(WITH.cost().notPriced().stream().anyMatch(n -> n.item().equals("Interactive endpoint gateway pod")));
        assertEquals(WITHOUT.cost().monthlyTotal().add(new BigDecimal("16.43")), WITH.cost().monthlyTotal(),
                "the controller's pods add nothing: they run on nodes already priced");
    }

    @Test
    void withoutTheEndpointNothingChanges() {
        assertTrue(WITHOUT.cost().lineItems().stream().noneMatch(l -> l.category().equals(CostEstimate.LOAD_BALANCERS)));
        assertTrue(WITHOUT.cost().notPriced().stream().noneMatch(n -> n.item().contains("gateway pod")));
    }

    @Test
    void theDiagramShowsTheControllerAndTheEndpoint() {
        var markdown = WITH.markdown();
        assertTrue(markdown.contains("AWS Load Balancer Controller"), markdown);
        assertTrue(markdown.contains("Interactive endpoint (Studio on EKS)"), markdown);
        assertTrue(markdown.contains("interactive endpoint (Jupyter Enterprise Gateway)"), markdown);
        assertTrue(markdown.contains("aws-load-balancer-controller 1.17.1"), markdown);
        assertFalse(WITHOUT.markdown().contains("Load Balancer Controller"));
    }
}
