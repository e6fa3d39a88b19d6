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

    @Test
    void aHandComputedConfigMatchesToTheCent() {
        // EKS 0.10 × 730 = 73.00; NAT 0.045 × 730 = 32.85; IPv4 0.005 × 730 = 3.65;
        // base 2 × m5.large 0.096 × 730 = 140.16; spot 1 × c5.2xlarge (dearest of c5.2xlarge/c5a.2xlarge) 0.34 × 0.30 × 730 = 74.46;
        // KMS key 1.00/month. Total 325.12.
        var estimate = CostEstimate.of(FullStackPlan.plan(), "us-east-1");
        assertEquals(usd("73.00"), line(estimate, "EKS control plane (standard").monthly());
        assertEquals(usd("32.85"), line(estimate, "NAT gateway").monthly());
        assertEquals(usd("3.65"), line(estimate, "Public IPv4").monthly());
        var base = line(estimate, "Node group " + FullStackPlan.BASE_NODES);
        assertEquals(2, base.quantity());
        assertEquals(usd("0.096"), base.unitPrice());
        assertEquals(usd("140.16"), base.monthly());
        var spot = line(estimate, "Node group " + FullStackPlan.SPOT_NODES);
        assertEquals(CostEstimate.SPOT_NODES, spot.category());
        assertEquals(0, usd("0.102").compareTo(spot.unitPrice()), spot.unitPrice().toString());
        assertEquals(usd("74.46"), spot.monthly());
        var kms = line(estimate, "KMS");
        assertEquals(usd("1.00"), kms.monthly());
        assertEquals(null, kms.hours());
        assertEquals(usd("325.12"), estimate.monthlyTotal());
        assertEquals(List.of(CostEstimate.CONTROL_PLANE, CostEstimate.NAT_GATEWAYS, CostEstimate.PUBLIC_IPV4,
                CostEstimate.ON_DEMAND_NODES, CostEstimate.SPOT_NODES, CostEstimate.KMS_KEYS), estimate.categories());
        assertTrue(estimate.regionNote().isEmpty(), "us-east-1 has its own table");
    }

    @Test
    void usageBasedAndUnknownCostsAreListedNotZeroed() {
        var estimate = CostEstimate.of(FullStackPlan.plan(), "us-east-1");
        assertTrue(unpriced(estimate, "NAT gateway data processing"));
        assertTrue(unpriced(estimate, "Data transfer"));
        assertTrue(unpriced(estimate, "aws:s3/bucketV2:BucketV2"));
        assertTrue(unpriced(estimate, "aws:cloudwatch/logGroup:LogGroup"));
        assertTrue(unpriced(estimate, "aws:emrcontainers/virtualCluster:VirtualCluster"));
        assertTrue(unpriced(estimate, FullStackPlan.BASE_NODES + ": 2 × 50 GiB"), estimate.notPriced().toString());
        // Every type of the full platform is classified: nothing falls through to "not in the price table".
        assertFalse(unpriced(estimate, "not in the price table (prices/"), estimate.notPriced().toString());
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

    @Test
    void aRegionWithoutATableUsesUsEast1AndSaysSo() {
        var estimate = CostEstimate.of(FullStackPlan.plan(), "eu-west-1");
        assertEquals("us-east-1", estimate.priceRegion());
        assertTrue(estimate.regionNote().orElseThrow().contains("no price table for eu-west-1"));
        assertTrue(estimate.toText().contains("us-east-1 prices were used"));
        assertEquals(usd("325.12"), estimate.monthlyTotal());
    }

    @Test
    void theJsonCarriesEveryFigureAndTheBasis() {
        var json = CostEstimate.of(FullStackPlan.plan(), "us-west-2").toJson();
        assertEquals(Set.of("basis", "currency", "period", "hoursPerMonth", "stackRegion", "priceRegion", "priceDate", "priceFile",
                "regionNote", "spotDiscount", "spotBasis", "lineItems", "notPriced", "noIdleChargeResources", "monthlyTotal"), json.keySet());
        assertEquals("325.12", json.get("monthlyTotal").getAsBigDecimal().toPlainString());
        assertEquals(730, json.get("hoursPerMonth").getAsInt());
        var first = json.getAsJsonArray("lineItems").get(0).getAsJsonObject();
        assertEquals(Set.of("category", "item", "resources", "quantity", "unitPrice", "per", "hours", "monthly", "source", "note"), first.keySet());
        assertTrue(first.getAsJsonArray("resources").get(0).getAsString().startsWith("urn:pulumi:test::big-data-stack::"));
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
        var plan = TestStacks.planStackFile("dev");
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
