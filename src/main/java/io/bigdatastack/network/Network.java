package io.bigdatastack.network;

import io.bigdatastack.aws.AwsRegions;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.bigdatastack.naming.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The VPC the platform lives in: one public and one private subnet per AZ, an internet gateway, NAT gateways by
 * strategy, a route table per private subnet, and an S3 gateway endpoint so Spark's S3 traffic skips the NAT.
 *
 * <p>Tagging follows what other parts rely on: {@code for-use-with-amazon-emr-managed-policies=true} on the VPC and
 * every subnet (EMR Studio's managed and sample policies match on it,
 * https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-service-role.html), and the load-balancer role
 * tags Kubernetes uses to pick subnets (https://docs.aws.amazon.com/eks/latest/userguide/network-load-balancing.html).
 */
public final class Network extends ComponentResource {

    public static final String TYPE = "bigdata:network:Network";
    public static final String EMR_MANAGED_POLICIES_TAG = "for-use-with-amazon-emr-managed-policies";
    public static final String PUBLIC_ELB_TAG = "kubernetes.io/role/elb";
    public static final String INTERNAL_ELB_TAG = "kubernetes.io/role/internal-elb";

    private final Output<String> vpcId;
    private final String vpcCidrBlock;
    private final Output<List<String>> availabilityZones;
    private final Output<List<String>> publicSubnetIds;
    private final Output<List<String>> privateSubnetIds;
    private final Output<List<String>> privateRouteTableIds;
    private final List<Route> privateEgress;

    public Network(String name, NetworkArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags();
        var emrTag = Tags.with(tags, EMR_MANAGED_POLICIES_TAG, "true");

        var azNames = pickAvailabilityZones(args.region(), args.azCount());

        var vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(args.vpcCidr())
                .enableDnsSupport(true)
                .enableDnsHostnames(true) // EKS private endpoint and interface endpoints need DNS hostnames.
                .tags(Tags.with(emrTag, "Name", args.namePrefix() + "-vpc"))
                .build(), child);

        var internetGateway = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(Tags.with(tags, "Name", args.namePrefix() + "-igw"))
                .build(), child);

        var publicRouteTable = new RouteTable(name + "-public-rt", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .tags(Tags.with(tags, "Name", args.namePrefix() + "-public"))
                .build(), child);
        new Route(name + "-public-default-route", RouteArgs.builder()
                .routeTableId(publicRouteTable.id())
                .destinationCidrBlock("0.0.0.0/0")
                .gatewayId(internetGateway.id())
                .build(), child);

        var publicSubnets = new ArrayList<Subnet>();
        var privateSubnets = new ArrayList<Subnet>();
        for (int i = 0; i < args.azCount(); i++) {
            final int index = i;
            var az = azNames.applyValue(names -> names.get(index));
            int n = i + 1;
            var publicSubnet = new Subnet(name + "-public-" + n, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .cidrBlock(args.publicSubnetCidrs().get(i))
                    .availabilityZone(az)
                    .mapPublicIpOnLaunch(false) // Nothing of ours needs a public IP but the NAT gateways' EIPs.
                    .tags(az.applyValue(zone -> Tags.with(emrTag, PUBLIC_ELB_TAG, "1", "Name", args.namePrefix() + "-public-" + zone)))
                    .build(), child);
            new RouteTableAssociation(name + "-public-" + n, RouteTableAssociationArgs.builder()
                    .subnetId(publicSubnet.id())
                    .routeTableId(publicRouteTable.id())
                    .build(), child);
            publicSubnets.add(publicSubnet);

            privateSubnets.add(new Subnet(name + "-private-" + n, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .cidrBlock(args.privateSubnetCidrs().get(i))
                    .availabilityZone(az)
                    .mapPublicIpOnLaunch(false)
                    .tags(az.applyValue(zone -> Tags.with(emrTag, INTERNAL_ELB_TAG, "1", "Name", args.namePrefix() + "-private-" + zone)))
                    .build(), child));
        }

        var natGateways = new ArrayList<NatGateway>();
        int natCount = args.natStrategy() == NatStrategy.perAz ? args.azCount() : 1;
        for (int i = 0; i < natCount; i++) {
            int n = i + 1;
            var eip = new Eip(name + "-nat-" + n, EipArgs.builder()
                    .domain("vpc")
                    .tags(Tags.with(tags, "Name", args.namePrefix() + "-nat-" + n))
                    .build(), child);
            natGateways.add(new NatGateway(name + "-nat-" + n, NatGatewayArgs.builder()
                    .allocationId(eip.id())
                    .subnetId(publicSubnets.get(i).id())
                    .tags(Tags.with(tags, "Name", args.namePrefix() + "-nat-" + n))
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(internetGateway).build()));
        }

        var privateRouteTables = new ArrayList<RouteTable>();
        var privateDefaultRoutes = new ArrayList<Route>();
        for (int i = 0; i < args.azCount(); i++) {
            int n = i + 1;
            var routeTable = new RouteTable(name + "-private-rt-" + n, RouteTableArgs.builder()
                    .vpcId(vpc.id())
                    .tags(Tags.with(tags, "Name", args.namePrefix() + "-private-" + n))
                    .build(), child);
            privateDefaultRoutes.add(new Route(name + "-private-default-route-" + n, RouteArgs.builder()
                    .routeTableId(routeTable.id())
                    .destinationCidrBlock("0.0.0.0/0")
                    .natGatewayId(natGateways.get(Math.min(i, natGateways.size() - 1)).id())
                    .build(), child));
            new RouteTableAssociation(name + "-private-" + n, RouteTableAssociationArgs.builder()
                    .subnetId(privateSubnets.get(i).id())
                    .routeTableId(routeTable.id())
                    .build(), child);
            privateRouteTables.add(routeTable);
        }

        this.privateRouteTableIds = Output.all(privateRouteTables.stream().map(RouteTable::id).toList());
        this.privateEgress = List.copyOf(privateDefaultRoutes);

        // Gateway endpoints are free and keep S3 reads of Spark jobs and logs off the NAT gateways' per-GB charge.
        new VpcEndpoint(name + "-s3", VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .serviceName("com.amazonaws." + args.region() + ".s3")
                .vpcEndpointType("Gateway")
                .routeTableIds(privateRouteTableIds)
                .tags(Tags.with(tags, "Name", args.namePrefix() + "-s3"))
                .build(), child);

        this.vpcId = vpc.id();
        this.vpcCidrBlock = args.vpcCidr();
        this.availabilityZones = azNames.applyValue(names -> names.subList(0, args.azCount()));
        this.publicSubnetIds = Output.all(publicSubnets.stream().map(Subnet::id).toList());
        this.privateSubnetIds = Output.all(privateSubnets.stream().map(Subnet::id).toList());

        registerOutputs(Map.of(
                "vpcId", vpcId,
                "publicSubnetIds", publicSubnetIds,
                "privateSubnetIds", privateSubnetIds,
                "availabilityZones", availabilityZones));
    }

    /**
     * Regular AZs of the Region (no Local or Wavelength Zones) that EKS supports, checked against the count asked
     * for.
     */
    private Output<List<String>> pickAvailabilityZones(String region, int azCount) {
        return AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder()
                        .state("available")
                        // By AZ ID: names map to different IDs in each account, and EKS rejects some IDs (AwsRegions).
                        .excludeZoneIds(AwsRegions.EKS_UNSUPPORTED_ZONE_IDS)
                        .filters(GetAvailabilityZonesFilterArgs.builder()
                                .name("opt-in-status")
                                .values("opt-in-not-required")
                                .build())
                        .build(), InvokeOptions.builder().parent(this).build())
                .applyValue(result -> {
                    var names = result.names();
                    if (names.size() < azCount) {
                        throw new IllegalArgumentException("big-data-stack:azCount is " + azCount + " but Region " + region
                                + " has only " + names.size() + " available AZs: " + names);
                    }
                    return names;
                });
    }

    /** The VPC's ID. */
    public Output<String> vpcId() { return vpcId; }

    /** The VPC's IPv4 block. */
    public String vpcCidrBlock() { return vpcCidrBlock; }

    /** The AZs used, in subnet order. */
    public Output<List<String>> availabilityZones() { return availabilityZones; }

    /** Public subnet IDs, one per AZ in {@link #availabilityZones()} order. */
    public Output<List<String>> publicSubnetIds() { return publicSubnetIds; }

    /** Private subnet IDs, one per AZ in {@link #availabilityZones()} order: nodes, control-plane ENIs, Studio. */
    public Output<List<String>> privateSubnetIds() { return privateSubnetIds; }

    /**
     * The private subnets' default routes through NAT. Whatever must reach the internet from a private subnet when
     * it starts (EKS nodes pulling images, joining the cluster) depends on these: a component's {@code dependsOn}
     * does not reach its children, so depending on the Network component is not enough.
     */
    public List<Route> privateEgress() { return privateEgress; }

    /** Private route table IDs, one per AZ. */
    public Output<List<String>> privateRouteTableIds() { return privateRouteTableIds; }
}
