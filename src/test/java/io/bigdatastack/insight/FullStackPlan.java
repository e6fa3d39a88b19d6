package io.bigdatastack.insight;

import io.bigdatastack.plan.Plan;

/**
 * A hand-built plan with every component the platform will have (network, cluster, both add-ons, EMR on EKS,
 * Studio), shaped like the components being written on other branches: the types, inputs and dependencies the
 * diagram and the estimate read. Names of the interesting resources are constants for the assertions.
 */
final class FullStackPlan {

    static final String CLUSTER = "test-cluster";
    static final String OIDC = "test-oidc";
    static final String BASE_NODES = "test-base";
    static final String SPOT_NODES = "test-spot";
    static final String JOB_ROLE = "test-emr-job-role";
    static final String NAMESPACE = "test-emr-namespace";
    static final String VIRTUAL_CLUSTER = "test-emr-virtual-cluster";
    static final String STUDIO = "test-emr-studio";
    static final String ENGINE_SG = "test-studio-engine";
    static final String WORKSPACE_SG = "test-studio-workspace";

    private FullStackPlan() {
    }

    static Plan plan() {
        var p = new SyntheticPlan("big-data-stack", "test");

        var network = p.component(null, "bigdata:network:Network", "test");
        var vpc = p.resource(network, "aws:ec2/vpc:Vpc", "test-vpc").inputs("{\"cidrBlock\": \"10.0.0.0/16\"}");
        var igw = p.resource(network, "aws:ec2/internetGateway:InternetGateway", "test-igw").dependsOn(vpc);
        var publicRt = p.resource(network, "aws:ec2/routeTable:RouteTable", "test-public-rt").dependsOn(vpc);
        p.resource(network, "aws:ec2/route:Route", "test-public-default-route").dependsOn(publicRt, igw);
        var publics = new SyntheticPlan.Spec[3];
        var privates = new SyntheticPlan.Spec[3];
        for (int i = 0; i < 3; i++) {
            publics[i] = p.resource(network, "aws:ec2/subnet:Subnet", "test-public-" + (i + 1)).dependsOn(vpc)
                    .inputs("{\"tags\": {\"kubernetes.io/role/elb\": \"1\"}}");
            p.resource(network, "aws:ec2/routeTableAssociation:RouteTableAssociation", "test-public-" + (i + 1)).dependsOn(publicRt, publics[i]);
            privates[i] = p.resource(network, "aws:ec2/subnet:Subnet", "test-private-" + (i + 1)).dependsOn(vpc)
                    .inputs("{\"tags\": {\"kubernetes.io/role/internal-elb\": \"1\"}}");
        }
        var eip = p.resource(network, "aws:ec2/eip:Eip", "test-nat-1").inputs("{\"domain\": \"vpc\"}");
        var nat = p.resource(network, "aws:ec2/natGateway:NatGateway", "test-nat-1").dependsOn(eip, igw, publics[0]);
        var privateRts = new SyntheticPlan.Spec[3];
        for (int i = 0; i < 3; i++) {
            privateRts[i] = p.resource(network, "aws:ec2/routeTable:RouteTable", "test-private-rt-" + (i + 1)).dependsOn(vpc);
            p.resource(network, "aws:ec2/route:Route", "test-private-default-route-" + (i + 1)).dependsOn(privateRts[i], nat);
            p.resource(network, "aws:ec2/routeTableAssociation:RouteTableAssociation", "test-private-" + (i + 1)).dependsOn(privateRts[i], privates[i]);
        }
        p.resource(network, "aws:ec2/vpcEndpoint:VpcEndpoint", "test-s3").dependsOn(vpc).dependsOn(privateRts)
                .inputs("{\"serviceName\": \"com.amazonaws.us-east-1.s3\", \"vpcEndpointType\": \"Gateway\"}");

        var eks = p.component(null, "bigdata:cluster:EksCluster", "test");
        var clusterRole = p.resource(eks, "aws:iam/role:Role", "test-cluster-role");
        p.resource(eks, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "test-cluster-policy").dependsOn(clusterRole);
        var key = p.resource(eks, "aws:kms/key:Key", "test-secrets-key");
        p.resource(eks, "aws:kms/alias:Alias", "test-secrets-key").dependsOn(key);
        var cluster = p.resource(eks, "aws:eks/cluster:Cluster", CLUSTER).dependsOn(clusterRole, key).dependsOn(privates)
                .inputs("{\"name\": \"big-data-stack-test\", \"version\": \"1.35\", \"upgradePolicy\": {\"supportType\": \"STANDARD\"}}");
        var oidc = p.resource(eks, "aws:iam/openIdConnectProvider:OpenIdConnectProvider", OIDC).dependsOn(cluster);
        var nodeRole = p.resource(eks, "aws:iam/role:Role", "test-node-role");
        p.resource(eks, "aws:eks/nodeGroup:NodeGroup", BASE_NODES).dependsOn(cluster, nodeRole).dependsOn(privates).inputs("""
                {"capacityType": "ON_DEMAND", "instanceTypes": ["m5.large"], "diskSize": 50,
                 "scalingConfig": {"minSize": 2, "desiredSize": 2, "maxSize": 5}}""");
        p.resource(eks, "aws:eks/nodeGroup:NodeGroup", SPOT_NODES).dependsOn(cluster, nodeRole).dependsOn(privates).inputs("""
                {"capacityType": "SPOT", "instanceTypes": ["c5.2xlarge", "c5a.2xlarge"], "diskSize": 50,
                 "scalingConfig": {"minSize": 1, "desiredSize": 1, "maxSize": 10}}""");
        for (var addon : new String[]{"vpc-cni", "coredns", "kube-proxy"}) {
            p.resource(eks, "aws:eks/addon:Addon", "test-" + addon).dependsOn(cluster).inputs("{\"addonName\": \"" + addon + "\"}");
        }
        var admin = p.resource(eks, "aws:eks/accessEntry:AccessEntry", "test-admin").dependsOn(cluster);
        p.resource(eks, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "test-admin").dependsOn(admin);
        var k8s = p.provider("kubernetes", "test-k8s").dependsOn(cluster);

        var autoscaler = p.component(null, "bigdata:addons:ClusterAutoscaler", "test-autoscaler");
        var autoscalerRole = p.resource(autoscaler, "aws:iam/role:Role", "test-autoscaler-role").dependsOn(oidc);
        var autoscalerPolicy = p.resource(autoscaler, "aws:iam/policy:Policy", "test-autoscaler-policy");
        p.resource(autoscaler, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "test-autoscaler").dependsOn(autoscalerRole, autoscalerPolicy);
        p.resource(autoscaler, "kubernetes:helm.sh/v3:Release", "test-autoscaler").provider(k8s).dependsOn(autoscalerRole)
                .inputs("{\"chart\": \"cluster-autoscaler\", \"version\": \"9.59.0\"}");
        var dashboard = p.component(null, "bigdata:addons:Dashboard", "test-dashboard");
        p.resource(dashboard, "kubernetes:helm.sh/v3:Release", "test-headlamp").provider(k8s)
                .inputs("{\"chart\": \"headlamp\", \"version\": \"0.30.0\"}");

        var emr = p.component(null, "bigdata:emr:EmrOnEks", "test-emr");
        var namespace = p.resource(emr, "kubernetes:core/v1:Namespace", NAMESPACE).provider(k8s)
                .inputs("{\"metadata\": {\"name\": \"emr-jobs\"}}");
        var jobRole = p.resource(emr, "aws:iam/role:Role", JOB_ROLE).dependsOn(oidc);
        var bucket = p.resource(emr, "aws:s3/bucketV2:BucketV2", "test-emr-logs");
        p.resource(emr, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "test-emr-logs").dependsOn(bucket);
        var logGroup = p.resource(emr, "aws:cloudwatch/logGroup:LogGroup", "test-emr-jobs");
        var virtualCluster = p.resource(emr, "aws:emrcontainers/virtualCluster:VirtualCluster", VIRTUAL_CLUSTER).dependsOn(cluster, namespace);
        p.resource(emr, "aws:emrcontainers/jobTemplate:JobTemplate", "test-emr-sample").dependsOn(jobRole, bucket, logGroup, virtualCluster);

        var studioComponent = p.component(null, "bigdata:studio:EmrStudio", "test-studio");
        var engine = p.resource(studioComponent, "aws:ec2/securityGroup:SecurityGroup", ENGINE_SG).dependsOn(vpc);
        var workspace = p.resource(studioComponent, "aws:ec2/securityGroup:SecurityGroup", WORKSPACE_SG).dependsOn(vpc);
        p.resource(studioComponent, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "test-engine-in").dependsOn(engine, workspace);
        p.resource(studioComponent, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "test-workspace-out").dependsOn(engine, workspace);
        var serviceRole = p.resource(studioComponent, "aws:iam/role:Role", "test-studio-service-role");
        var userRole = p.resource(studioComponent, "aws:iam/role:Role", "test-studio-user-role");
        var studio = p.resource(studioComponent, "aws:emr/studio:Studio", STUDIO)
                .dependsOn(vpc, engine, workspace, serviceRole, userRole, bucket).dependsOn(privates)
                .inputs("{\"authMode\": \"SSO\"}");
        p.resource(studioComponent, "aws:emr/studioSessionMapping:StudioSessionMapping", "test-admin").dependsOn(studio);
        var portfolio = p.resource(studioComponent, "aws:servicecatalog/portfolio:Portfolio", "test-portfolio");
        var product = p.resource(studioComponent, "aws:servicecatalog/product:Product", "test-emr-cluster");
        p.resource(studioComponent, "aws:servicecatalog/productPortfolioAssociation:ProductPortfolioAssociation", "test-product")
                .dependsOn(portfolio, product);
        return p.build();
    }
}
