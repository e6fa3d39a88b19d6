package io.bigdatastack.insight;

import io.bigdatastack.plan.Plan;

/**
 * The idle shape of the reference AWS CDK app this project replaces, as a hand-built plan, so the README prices it
 * with the same code and table as our stacks instead of a figure typed by hand: two NAT gateways with their
 * Elastic IPs, the EKS control plane, one m5.xlarge on-demand node and one c5-class (c5.2xlarge) spot node always on.
 * The control plane is priced at standard support, as for our stacks.
 */
public final class ReferenceShape {

    public static final String TITLE = "Reference CDK app";
    public static final String REGION = "us-east-1";
    public static final String DESCRIPTION = "EKS control plane (standard support), 2 NAT gateways with their Elastic IPs, "
            + "1 × m5.xlarge on-demand node and 1 × c5.2xlarge spot node always on";

    private ReferenceShape() {
    }

    public static Plan plan() {
        var p = new SyntheticPlan("reference-cdk", "reference");
        var vpcStack = p.component(null, "cdk:stack:VpcStack", "vpc");
        var vpc = p.resource(vpcStack, "aws:ec2/vpc:Vpc", "vpc").inputs("{\"cidrBlock\": \"10.0.0.0/16\"}");
        for (int i = 1; i <= 2; i++) {
            var subnet = p.resource(vpcStack, "aws:ec2/subnet:Subnet", "public-" + i).dependsOn(vpc);
            var eip = p.resource(vpcStack, "aws:ec2/eip:Eip", "nat-" + i).inputs("{\"domain\": \"vpc\"}");
            p.resource(vpcStack, "aws:ec2/natGateway:NatGateway", "nat-" + i).dependsOn(eip, subnet);
        }
        var eksStack = p.component(null, "cdk:stack:EksStack", "eks");
        var cluster = p.resource(eksStack, "aws:eks/cluster:Cluster", "cluster")
                .inputs("{\"upgradePolicy\": {\"supportType\": \"STANDARD\"}}").dependsOn(vpc);
        p.resource(eksStack, "aws:eks/nodeGroup:NodeGroup", "on-demand").dependsOn(cluster).inputs("""
                {"capacityType": "ON_DEMAND", "instanceTypes": ["m5.xlarge"],
                 "scalingConfig": {"minSize": 1, "desiredSize": 1, "maxSize": 3}}""");
        p.resource(eksStack, "aws:eks/nodeGroup:NodeGroup", "spot").dependsOn(cluster).inputs("""
                {"capacityType": "SPOT", "instanceTypes": ["c5.2xlarge"],
                 "scalingConfig": {"minSize": 1, "desiredSize": 1, "maxSize": 10}}""");
        return p.build();
    }

    public static CostEstimate cost() {
        return CostEstimate.of(plan(), REGION);
    }
}
