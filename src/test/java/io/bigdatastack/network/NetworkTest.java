package io.bigdatastack.network;

import com.google.gson.JsonElement;
import com.pulumi.resources.ComponentResourceOptions;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.plan.PlanRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkTest {

    private static final Map<String, String> COMMON = Map.of("project", "p", "stack", "test", "managed-by", "pulumi");

    private static Plan plan(int azCount, NatStrategy nat, String region) {
        var layout = SubnetLayout.carve(Ipv4Cidr.parse("10.0.0.0/16"), azCount);
        var args = NetworkArgs.builder()
                .vpcCidr("10.0.0.0/16")
                .publicSubnetCidrs(layout.publicCidrs())
                .privateSubnetCidrs(layout.privateCidrs())
                .natStrategy(nat)
                .region(region)
                .namePrefix("p-test")
                .tags(COMMON)
                .build();
        return PlanRunner.run("p", "test", region, ctx -> new Network("test", args, ComponentResourceOptions.Empty));
    }

    private static Map<String, String> tags(Plan.Resource r) {
        return r.input("tags").orElseThrow().getAsJsonObject().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAsString()));
    }

    private static List<Plan.Resource> subnets(Plan plan, String kind) {
        return plan.ofType("aws:ec2/subnet:Subnet").stream().filter(s -> s.name().startsWith("test-" + kind + "-")).toList();
    }

    @ParameterizedTest
    @CsvSource({"2, single, 1", "3, single, 1", "3, perAz, 3", "5, perAz, 5", "2, perAz, 2"})
    void subnetsAndNatGatewaysFollowAzCountAndStrategy(int azCount, NatStrategy nat, int expectedNats) {
        var plan = plan(azCount, nat, "us-east-1");
        assertEquals(azCount, subnets(plan, "public").size());
        assertEquals(azCount, subnets(plan, "private").size());
        assertEquals(expectedNats, plan.ofType("aws:ec2/natGateway:NatGateway").size());
        assertEquals(expectedNats, plan.ofType("aws:ec2/eip:Eip").size());
        // One public route table plus one per private subnet.
        assertEquals(1 + azCount, plan.ofType("aws:ec2/routeTable:RouteTable").size());
    }

    @Test
    void vpcHasDnsAndTheEmrTag() {
        var vpc = plan(3, NatStrategy.single, "us-east-1").one("aws:ec2/vpc:Vpc");
        assertEquals("10.0.0.0/16", vpc.inputString("cidrBlock"));
        assertTrue(vpc.input("enableDnsSupport").orElseThrow().getAsBoolean());
        assertTrue(vpc.input("enableDnsHostnames").orElseThrow().getAsBoolean());
        assertEquals("true", tags(vpc).get("for-use-with-amazon-emr-managed-policies"));
    }

    @Test
    void subnetsSpreadOverTheInvokedAzsWithTheirRoleTags() {
        var plan = plan(3, NatStrategy.single, "eu-west-1");
        var publicAzs = subnets(plan, "public").stream().map(s -> s.inputString("availabilityZone")).toList();
        var privateAzs = subnets(plan, "private").stream().map(s -> s.inputString("availabilityZone")).toList();
        assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), publicAzs);
        assertEquals(publicAzs, privateAzs);
        for (var subnet : subnets(plan, "public")) {
            assertEquals("1", tags(subnet).get("kubernetes.io/role/elb"));
            assertFalse(tags(subnet).containsKey("kubernetes.io/role/internal-elb"));
            assertEquals("true", tags(subnet).get("for-use-with-amazon-emr-managed-policies"));
            assertFalse(subnet.input("mapPublicIpOnLaunch").orElseThrow().getAsBoolean());
        }
        for (var subnet : subnets(plan, "private")) {
            assertEquals("1", tags(subnet).get("kubernetes.io/role/internal-elb"));
            assertEquals("true", tags(subnet).get("for-use-with-amazon-emr-managed-policies"));
        }
    }

    @Test
    void everyTaggableResourceCarriesTheCommonTags() {
        var plan = plan(3, NatStrategy.perAz, "us-east-1");
        var taggable = Set.of("aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/internetGateway:InternetGateway",
                "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip", "aws:ec2/routeTable:RouteTable", "aws:ec2/vpcEndpoint:VpcEndpoint");
        var checked = 0;
        for (var r : plan.resources()) {
            if (taggable.contains(r.type())) {
                assertTrue(tags(r).entrySet().containsAll(COMMON.entrySet()), r.urn() + " tags " + tags(r));
                checked++;
            }
        }
        assertEquals(1 + 6 + 1 + 3 + 3 + 4 + 1, checked);
    }

    @Test
    void privateSubnetsRouteThroughTheirNatGateway() {
        var plan = plan(3, NatStrategy.perAz, "us-east-1");
        var natIds = plan.ofType("aws:ec2/natGateway:NatGateway").stream().map(Plan.Resource::urn).toList();
        for (int n = 1; n <= 3; n++) {
            var route = plan.named("test-private-default-route-" + n);
            assertEquals("0.0.0.0/0", route.inputString("destinationCidrBlock"));
            assertTrue(route.dependencies().contains(natIds.get(n - 1)), "route " + n + " should use NAT " + n);
        }
        var publicRoute = plan.named("test-public-default-route");
        assertTrue(publicRoute.inputString("gatewayId").startsWith("igw-"));
    }

    @Test
    void singleNatIsSharedAndSitsInAPublicSubnet() {
        var plan = plan(3, NatStrategy.single, "us-east-1");
        var nat = plan.one("aws:ec2/natGateway:NatGateway");
        assertTrue(nat.dependencies().contains(plan.named("test-public-1").urn()));
        for (int n = 1; n <= 3; n++) {
            assertTrue(plan.named("test-private-default-route-" + n).dependencies().contains(nat.urn()));
        }
    }

    @Test
    void s3GatewayEndpointServesEveryPrivateRouteTable() {
        var plan = plan(3, NatStrategy.single, "us-west-2");
        var endpoint = plan.one("aws:ec2/vpcEndpoint:VpcEndpoint");
        assertEquals("com.amazonaws.us-west-2.s3", endpoint.inputString("serviceName"));
        assertEquals("Gateway", endpoint.inputString("vpcEndpointType"));
        List<String> routeTables = endpoint.input("routeTableIds").orElseThrow().getAsJsonArray().asList().stream()
                .map(JsonElement::getAsString).toList();
        assertEquals(3, routeTables.size());
        for (int n = 1; n <= 3; n++) {
            assertTrue(endpoint.dependencies().contains(plan.named("test-private-rt-" + n).urn()));
        }
        assertFalse(endpoint.dependencies().contains(plan.named("test-public-rt").urn()));
    }

    @Test
    void skipsTheAzThatEksDoesNotSupport() {
        // In the mock, us-east-1c has the ID use1-az3, where EKS places no control-plane interfaces.
        var azs = subnets(plan(5, NatStrategy.single, "us-east-1"), "private").stream().map(s -> s.inputString("availabilityZone")).toList();
        assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1d", "us-east-1e", "us-east-1f"), azs);
    }

    @Test
    void privateEgressIsTheNatDefaultRoutes() {
        var plan = PlanRunner.run("p", "test", "us-east-1", ctx -> {
            var layout = SubnetLayout.carve(Ipv4Cidr.parse("10.0.0.0/16"), 2);
            var network = new Network("test", NetworkArgs.builder().vpcCidr("10.0.0.0/16").publicSubnetCidrs(layout.publicCidrs())
                    .privateSubnetCidrs(layout.privateCidrs()).region("us-east-1").namePrefix("p-test").tags(COMMON).build(),
                    ComponentResourceOptions.Empty);
            assertEquals(2, network.privateEgress().size());
        });
        assertEquals(2, plan.ofType("aws:ec2/route:Route").stream().filter(r -> r.input("natGatewayId").isPresent()).count());
    }

    @Test
    void moreAzsThanTheRegionHasIsAClearError() {
        var e = assertThrows(PlanRunner.PlanFailedException.class, () -> plan(6, NatStrategy.single, "eu-west-1"));
        assertTrue(e.getMessage().contains("azCount is 6") && e.getMessage().contains("only 3"), e.getMessage());
    }
}
