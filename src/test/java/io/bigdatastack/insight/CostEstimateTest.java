package io.bigdatastack.insight;

import com.google.gson.JsonParser;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.cli.Planner;
import io.bigdatastack.cli.StackFiles;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostEstimateTest {

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    private static CostEstimate.LineItem line(CostEstimate estimate, String itemStart) {
        return estimate.lineItems().stream().filter(l -> l.item().startsWith(itemStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + itemStart + " in " + estimate.lineItems()));
    }

    private static boolean unpriced(CostEstimate estimate, String itemOrReasonPart) {
        return estimate.notPriced().stream().anyMatch(n -> n.item().contains(itemOrReasonPart) || n.reason().contains(itemOrReasonPart));
    }

    /** A small plan with the given cluster inputs and one node group of the given inputs. */
    private static Plan cluster(String clusterInputs, String nodeGroupInputs) {
        var p = new SyntheticPlan("big-data-stack", "t");
        var c = p.component(null, "bigdata:cluster:EksCluster", "t");
        var cluster = p.resource(c, "aws:eks/cluster:Cluster", "t-cluster").inputs(clusterInputs);
        if (nodeGroupInputs != null) {
            p.resource(c, "aws:eks/nodeGroup:NodeGroup", "t-nodes").dependsOn(cluster).inputs(nodeGroupInputs);
        }
        return p.build();
    }

    /** The real program's plans, planned once on the fixed test clock. */
    private static final class Plans {
        private static Plan dev;
        private static Plan prod;

        static synchronized Plan dev() {
            if (dev == null) {
                dev = TestStacks.planStackFile("dev");
            }
            return dev;
        }

        static synchronized Plan prod() {
            if (prod == null) {
                prod = TestStacks.planStackFile("prod");
            }
            return prod;
        }
    }

    private static String input(Plan plan, String name, String path) {
        return plan.named(name).input(path).orElseThrow(() -> new AssertionError(name + " has no " + path)).toString();
    }

    /**
     * The dev plan, priced by hand from prices/us-east-1.json (730 h a month) and what the plan holds: one cluster on
     * standard support, 0.10 × 730 = 73.00; natGateways single: 1 NAT gateway, 0.045 × 730 = 32.85, and its Elastic
     * IP, 0.005 × 730 = 3.65; base group at its minimum of 1 m5.large, 0.096 × 730 = 70.08; spot group at its
     * minimum of 0 (priced at the dearest listed type, c5.2xlarge or c6i.2xlarge at 0.34, less 70%: 0.102), 0.00;
     * the secrets KMS key, 1.00 a month. Total 180.58.
     */
    @Test
    void theDevPlanMatchesAHandComputedEstimateToTheCent() {
        var plan = Plans.dev();
        assertEquals(1, plan.ofType("aws:ec2/natGateway:NatGateway").size(), "dev has natGateways: single");
        assertEquals(1, plan.ofType("aws:ec2/eip:Eip").size());
        assertEquals("\"STANDARD\"", input(plan, "dev-cluster", "upgradePolicy.supportType"));
        assertEquals("[\"m5.large\"]", input(plan, "dev-base", "instanceTypes"));
        assertEquals("1", input(plan, "dev-base", "scalingConfig.minSize"));
        assertEquals("0", input(plan, "dev-spot", "scalingConfig.minSize"));
        assertEquals(1, plan.ofType("aws:kms/key:Key").size());

        var estimate = CostEstimate.of(plan, "us-east-1");
        assertEquals(usd("73.00"), line(estimate, "EKS control plane (standard").monthly());
        assertEquals(usd("32.85"), line(estimate, "NAT gateway").monthly());
        assertEquals(usd("3.65"), line(estimate, "Public IPv4").monthly());
        var base = line(estimate, "Node group dev-base");
        assertEquals(1, base.quantity());
        assertEquals(usd("0.096"), base.unitPrice());
        assertEquals(usd("70.08"), base.monthly());
        var spot = line(estimate, "Node group dev-spot");
        assertEquals(CostEstimate.SPOT_NODES, spot.category());
        assertEquals(0, spot.quantity());
        assertEquals(0, usd("0.102").compareTo(spot.unitPrice()), spot.unitPrice().toString());
        assertEquals(usd("0.00"), spot.monthly());
        var kms = line(estimate, "KMS");
        assertEquals(usd("1.00"), kms.monthly());
        assertEquals(null, kms.hours());
        assertEquals(usd("180.58"), estimate.monthlyTotal());
        assertEquals(List.of(CostEstimate.CONTROL_PLANE, CostEstimate.NAT_GATEWAYS, CostEstimate.PUBLIC_IPV4,
                CostEstimate.ON_DEMAND_NODES, CostEstimate.SPOT_NODES, CostEstimate.KMS_KEYS), estimate.categories());
        assertTrue(estimate.regionNote().isEmpty(), "us-east-1 has its own table");
    }

    /**
     * The prod plan by hand: control plane 73.00; natGateways perAz over 3 zones: 3 × 32.85 = 98.55 and 3 Elastic
     * IPs, 3 × 3.65 = 10.95; base group at its minimum of 2 m5.xlarge, 2 × 0.192 × 730 = 280.32; spot at minimum 0,
     * 0.00; KMS key 1.00. Total 463.82.
     */
    @Test
    void theProdPlanMatchesAHandComputedEstimateToTheCent() {
        var plan = Plans.prod();
        assertEquals(3, plan.ofType("aws:ec2/natGateway:NatGateway").size(), "prod has a NAT gateway per zone");
        assertEquals(3, plan.ofType("aws:ec2/eip:Eip").size());
        assertEquals("\"STANDARD\"", input(plan, "prod-cluster", "upgradePolicy.supportType"));
        assertEquals("[\"m5.xlarge\"]", input(plan, "prod-base", "instanceTypes"));
        assertEquals("2", input(plan, "prod-base", "scalingConfig.minSize"));
        assertEquals("0", input(plan, "prod-spot", "scalingConfig.minSize"));

        var estimate = CostEstimate.of(plan, "us-east-1");
        assertEquals(usd("73.00"), line(estimate, "EKS control plane (standard").monthly());
        var nat = line(estimate, "NAT gateway");
        assertEquals(3, nat.quantity());
        assertEquals(usd("98.55"), nat.monthly());
        assertEquals(usd("10.95"), line(estimate, "Public IPv4").monthly());
        var base = line(estimate, "Node group prod-base");
        assertEquals(2, base.quantity());
        assertEquals(usd("0.192"), base.unitPrice());
        assertEquals(usd("280.32"), base.monthly());
        assertEquals(usd("0.00"), line(estimate, "Node group prod-spot").monthly());
        assertEquals(usd("1.00"), line(estimate, "KMS").monthly());
        assertEquals(usd("463.82"), estimate.monthlyTotal());
    }

    @Test
    void usageBasedAndUnknownCostsAreListedNotZeroed() {
        var estimate = CostEstimate.of(Plans.dev(), "us-east-1");
        assertTrue(unpriced(estimate, "NAT gateway data processing"));
        assertTrue(unpriced(estimate, "Data transfer"));
        assertTrue(unpriced(estimate, "aws:s3/bucketV2:BucketV2"));
        assertTrue(unpriced(estimate, "aws:cloudwatch/logGroup:LogGroup"));
        assertTrue(unpriced(estimate, "aws:emrcontainers/virtualCluster:VirtualCluster"));
        assertTrue(unpriced(estimate, "dev-base: 1 × 50 GiB"), estimate.notPriced().toString());
        // A group at minimum 0 has no root volumes to list.
        assertFalse(unpriced(estimate, "dev-spot:"), estimate.notPriced().toString());
        // Every type of the real platform is classified: nothing falls through to "not in the price table".
        for (var plan : List.of(Plans.dev(), Plans.prod())) {
            var e = CostEstimate.of(plan, "us-east-1");
            assertFalse(unpriced(e, "not in the price table (prices/"), plan.stack() + ": " + e.notPriced());
        }
        assertTrue(estimate.lineItems().stream().noneMatch(l -> l.item().contains("bucket") || l.item().contains("logGroup")));
    }

    @Test
    void anInstanceTypeOrResourceTypeMissingFromTheTableIsReportedAsNotPriced() {
        var p = new SyntheticPlan("big-data-stack", "t");
        var c = p.component(null, "bigdata:cluster:EksCluster", "t");
        var cluster = p.resource(c, "aws:eks/cluster:Cluster", "t-cluster").inputs("{\"upgradePolicy\": {\"supportType\": \"STANDARD\"}}");
        p.resource(c, "aws:eks/nodeGroup:NodeGroup", "t-big").dependsOn(cluster)
                .inputs("{\"instanceTypes\": [\"x2iedn.32xlarge\"], \"scalingConfig\": {\"minSize\": 1, \"maxSize\": 2}}");
        p.resource(c, "aws:eks/nodeGroup:NodeGroup", "t-spot").dependsOn(cluster)
                .inputs("{\"capacityType\": \"SPOT\", \"instanceTypes\": [\"c5.2xlarge\", \"r7iz.large\"], \"scalingConfig\": {\"minSize\": 1}}");
        p.resource(c, "aws:eks/nodeGroup:NodeGroup", "t-lt").dependsOn(cluster).inputs("{\"scalingConfig\": {\"minSize\": 1}}");
        p.resource(c, "aws:ec2/vpcEndpoint:VpcEndpoint", "t-ecr").inputs("{\"serviceName\": \"com.amazonaws.us-east-1.ecr.api\", \"vpcEndpointType\": \"Interface\"}");
        p.resource(c, "aws:rds/instance:Instance", "t-db");
        var estimate = CostEstimate.of(p.build(), "us-east-1");

        assertTrue(unpriced(estimate, "x2iedn.32xlarge not in the price table"), estimate.notPriced().toString());
        assertTrue(unpriced(estimate, "r7iz.large not in the price table"), estimate.notPriced().toString());
        assertTrue(unpriced(estimate, "launch template's instance type"), estimate.notPriced().toString());
        assertTrue(unpriced(estimate, "Interface VPC endpoint"), estimate.notPriced().toString());
        assertTrue(estimate.notPriced().stream().anyMatch(n -> n.item().equals("aws:rds/instance:Instance") && n.reason().contains("not in the price table")));
        assertEquals(List.of("EKS control plane (standard support)"), estimate.lineItems().stream().map(CostEstimate.LineItem::item).toList(),
                "only the cluster is priced; nothing unpriced shows as a $0 line");
        assertEquals(usd("73.00"), estimate.monthlyTotal());
        var text = estimate.toText();
        assertTrue(text.contains("Not estimated:") && text.contains("x2iedn.32xlarge"), text);
    }

    @Test
    void extendedSupportIsPricedWhenSetOrLeftToTheEksDefault() {
        var extended = CostEstimate.of(cluster("{\"upgradePolicy\": {\"supportType\": \"EXTENDED\"}}", null), "us-east-1");
        assertEquals(usd("438.00"), extended.monthlyTotal()); // 0.60 × 730
        assertTrue(line(extended, "EKS control plane (extended").note().contains("is EXTENDED"));
        var unset = CostEstimate.of(cluster("{}", null), "us-east-1");
        assertEquals(usd("438.00"), unset.monthlyTotal());
        assertTrue(line(unset, "EKS control plane (extended").note().contains("defaults to EXTENDED"));
        var standard = CostEstimate.of(cluster("{\"upgradePolicy\": {\"supportType\": \"STANDARD\"}}", null), "us-east-1");
        assertEquals(usd("73.00"), standard.monthlyTotal());
    }

    @Test
    void aGroupThatScalesToZeroShowsAZeroLineSaysWhyAndHasNoVolumes() {
        var estimate = CostEstimate.of(cluster("{\"upgradePolicy\": {\"supportType\": \"STANDARD\"}}",
                "{\"capacityType\": \"SPOT\", \"instanceTypes\": [\"c5.2xlarge\"], \"diskSize\": 50, \"scalingConfig\": {\"minSize\": 0, \"maxSize\": 10}}"), "us-east-1");
        var spot = line(estimate, "Node group t-nodes");
        assertEquals(0, spot.quantity());
        assertEquals(usd("0.00"), spot.monthly());
        assertTrue(spot.note().contains("minimum 0"), spot.note());
        assertFalse(unpriced(estimate, "EBS root volumes"));
    }

    @Test
    void onDemandGroupsArePricedAtTheFirstListedType() {
        var estimate = CostEstimate.of(cluster("{\"upgradePolicy\": {\"supportType\": \"STANDARD\"}}",
                "{\"instanceTypes\": [\"m5.large\", \"m5.xlarge\"], \"scalingConfig\": {\"minSize\": 1}}"), "us-east-1");
        assertEquals(usd("70.08"), line(estimate, "Node group t-nodes").monthly()); // 0.096 × 730
    }

    /** dev runs in us-west-2, which has no table: priced at us-east-1 rates, and the estimate says so. */
    @Test
    void aRegionWithoutATableUsesUsEast1AndSaysSo() throws Exception {
        var region = Planner.load(TestStacks.PROJECT_DIR, "dev", TestStacks.CLOCK).region();
        assertEquals("us-west-2", region);
        var estimate = CostEstimate.of(Plans.dev(), region);
        assertEquals("us-east-1", estimate.priceRegion());
        assertTrue(estimate.regionNote().orElseThrow().contains("no price table for us-west-2"));
        assertTrue(estimate.toText().contains("us-east-1 prices were used"));
        assertEquals(usd("180.58"), estimate.monthlyTotal());
    }

    @Test
    void theJsonCarriesEveryFigureAndTheBasis() {
        var json = CostEstimate.of(Plans.prod(), "us-west-2").toJson();
        assertEquals(Set.of("basis", "currency", "period", "hoursPerMonth", "stackRegion", "priceRegion", "priceDate", "priceFile",
                "regionNote", "spotDiscount", "spotBasis", "lineItems", "notPriced", "noIdleChargeResources", "monthlyTotal",
                "teamShareBasis", "teamShares", "budgets"), json.keySet());
        assertEquals("463.82", json.get("monthlyTotal").getAsBigDecimal().toPlainString());
        assertEquals(730, json.get("hoursPerMonth").getAsInt());
        var first = json.getAsJsonArray("lineItems").get(0).getAsJsonObject();
        assertEquals(Set.of("category", "item", "resources", "quantity", "unitPrice", "per", "hours", "monthly", "source", "note"), first.keySet());
        assertTrue(first.getAsJsonArray("resources").get(0).getAsString().startsWith("urn:pulumi:prod::big-data-stack::"));
        // Round-trips as JSON text (no NaN or other non-JSON values).
        JsonParser.parseString(json.toString());
    }

    @Test
    void theReferenceShapeIsPricedByTheSameTable() {
        // EKS 73.00 + 2 NAT 65.70 + 2 IPv4 7.30 + m5.xlarge 0.192 × 730 = 140.16 + c5.2xlarge spot 0.102 × 730 = 74.46.
        assertEquals(usd("360.62"), ReferenceShape.cost().monthlyTotal());
    }

    /** Checked on the real dev plan, whatever components it holds: the estimate accounts for every resource. */
    @Test
    void theDevPlanIsFullyAccountedForAndAddsUp() throws Exception {
        var plan = Plans.dev();
        var region = Planner.load(TestStacks.PROJECT_DIR, "dev", io.bigdatastack.testing.TestStacks.CLOCK).region();
        var estimate = CostEstimate.of(plan, region);

        var accounted = new HashSet<String>(estimate.noChargeResources());
        estimate.lineItems().forEach(l -> accounted.addAll(l.resources()));
        estimate.notPriced().forEach(n -> accounted.addAll(n.resources()));
        for (var r : plan.resources()) {
            if (r.custom()) {
                assertTrue(accounted.contains(r.urn()), "not accounted for: " + r.urn());
            }
        }
        assertEquals(plan.ofType("aws:ec2/natGateway:NatGateway").size(), estimate.quantity(CostEstimate.NAT_GATEWAYS));
        assertEquals(plan.ofType("aws:ec2/eip:Eip").size(), estimate.quantity(CostEstimate.PUBLIC_IPV4));
        assertEquals(plan.ofType("aws:eks/cluster:Cluster").size(), estimate.quantity(CostEstimate.CONTROL_PLANE));
        var sum = BigDecimal.ZERO.setScale(2);
        for (var l : estimate.lineItems()) {
            var expected = l.unitPrice().multiply(BigDecimal.valueOf(l.quantity()))
                    .multiply(BigDecimal.valueOf(l.hours() == null ? 1 : l.hours())).setScale(2, RoundingMode.HALF_UP);
            assertEquals(expected, l.monthly(), l.item());
            sum = sum.add(l.monthly());
        }
        assertEquals(sum, estimate.monthlyTotal());
        assertTrue(estimate.monthlyTotal().signum() > 0);
        assertEquals(!region.equals("us-east-1"), estimate.regionNote().isPresent());
    }

    /** Whatever instance types the stacks configure must be priced, or the estimate silently shrinks to a note. */
    @Test
    void everyInstanceTypeTheStacksUseIsInThePriceTable() throws Exception {
        var table = PriceTable.forRegion("us-east-1");
        for (var stack : StackFiles.stacks(TestStacks.PROJECT_DIR)) {
            var config = Planner.load(TestStacks.PROJECT_DIR, stack, io.bigdatastack.testing.TestStacks.CLOCK);
            for (var type : config.baseNodes().instanceTypes()) {
                assertTrue(table.ec2OnDemand(type).isPresent(), stack + " base node type " + type + " is not in prices/us-east-1.json");
            }
            for (var type : config.spotNodes().instanceTypes()) {
                assertTrue(table.ec2OnDemand(type).isPresent(), stack + " spot node type " + type + " is not in prices/us-east-1.json");
            }
        }
    }
}
