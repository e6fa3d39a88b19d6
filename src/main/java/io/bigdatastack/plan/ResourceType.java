package io.bigdatastack.plan;

import java.util.HashMap;
import java.util.Map;

/**
 * The one catalog of the resource types the program registers: their Pulumi type token, the words a person reads for
 * them, how the architecture diagram draws them and the price-table key the idle-cost estimate reads. The mock
 * engine, the diagram and the cost estimate switch over these constants instead of repeating type strings; a type
 * missing here is {@link #OTHER}: the engine gives it a generic ID, the diagram names it from its token (or leaves
 * it out as glue), the estimate looks its token up in the price table.
 */
public enum ResourceType {

    EC2_VPC("aws:ec2/vpc:Vpc", "VPC", null, Diagram.KEEP, null),
    EC2_INTERNET_GATEWAY("aws:ec2/internetGateway:InternetGateway", "Internet gateway", null, Diagram.KEEP, null),
    EC2_SUBNET("aws:ec2/subnet:Subnet", "subnet", "subnets", Diagram.COLLAPSE, null),
    EC2_EIP("aws:ec2/eip:Eip", "Elastic IP", "Elastic IPs", Diagram.COLLAPSE, "vpc.publicIpv4"),
    EC2_NAT_GATEWAY("aws:ec2/natGateway:NatGateway", "NAT gateway", "NAT gateways", Diagram.COLLAPSE, "vpc.natGateway"),
    EC2_VPC_ENDPOINT("aws:ec2/vpcEndpoint:VpcEndpoint", "VPC endpoint", "VPC endpoints", Diagram.COLLAPSE, null),
    EC2_SECURITY_GROUP("aws:ec2/securityGroup:SecurityGroup", "Security group", "Security groups", Diagram.COLLAPSE, null),
    EC2_ROUTE_TABLE("aws:ec2/routeTable:RouteTable", null, null, Diagram.OMIT, null),
    EC2_ROUTE_TABLE_ASSOCIATION("aws:ec2/routeTableAssociation:RouteTableAssociation", null, null, null, null),
    EC2_ROUTE("aws:ec2/route:Route", null, null, null, null),
    EC2_LAUNCH_TEMPLATE("aws:ec2/launchTemplate:LaunchTemplate", null, null, Diagram.OMIT, null),
    VPC_SECURITY_GROUP_INGRESS_RULE("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", null, null, null, null),
    VPC_SECURITY_GROUP_EGRESS_RULE("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", null, null, null, null),
    EKS_CLUSTER("aws:eks/cluster:Cluster", "EKS cluster", null, Diagram.KEEP, "eks.controlPlane.standard"),
    EKS_NODE_GROUP("aws:eks/nodeGroup:NodeGroup", "Node group", null, Diagram.KEEP, null),
    EKS_ADDON("aws:eks/addon:Addon", "EKS add-on", "EKS add-ons", Diagram.COLLAPSE, null),
    EKS_ACCESS_ENTRY("aws:eks/accessEntry:AccessEntry", "EKS access entry", "EKS access entries", Diagram.COLLAPSE, null),
    EKS_POD_IDENTITY_ASSOCIATION("aws:eks/podIdentityAssociation:PodIdentityAssociation", null, null, null, null),
    IAM_OIDC_PROVIDER("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "IAM OIDC provider", null, Diagram.KEEP, null),
    IAM_ROLE("aws:iam/role:Role", "IAM role", "IAM roles", Diagram.COLLAPSE, null),
    IAM_POLICY("aws:iam/policy:Policy", null, null, null, null),
    IAM_ROLE_POLICY("aws:iam/rolePolicy:RolePolicy", null, null, null, null),
    IAM_INSTANCE_PROFILE("aws:iam/instanceProfile:InstanceProfile", null, null, Diagram.OMIT, null),
    KMS_KEY("aws:kms/key:Key", "KMS key", null, Diagram.KEEP, "kms.key"),
    KMS_ALIAS("aws:kms/alias:Alias", null, null, null, null),
    K8S_HELM_RELEASE("kubernetes:helm.sh/v3:Release", "Helm release", null, Diagram.KEEP, null),
    K8S_NAMESPACE("kubernetes:core/v1:Namespace", "Namespace", null, Diagram.KEEP, null),
    K8S_SERVICE_ACCOUNT("kubernetes:core/v1:ServiceAccount", "Kubernetes service account", "Kubernetes service accounts", Diagram.COLLAPSE, null),
    K8S_PRIORITY_CLASS("kubernetes:scheduling.k8s.io/v1:PriorityClass", "Spark priority class", "Spark priority classes", Diagram.COLLAPSE, null),
    // A namespace's settings: drawn as part of the namespace.
    K8S_LIMIT_RANGE("kubernetes:core/v1:LimitRange", null, null, Diagram.OMIT, null),
    K8S_RESOURCE_QUOTA("kubernetes:core/v1:ResourceQuota", null, null, Diagram.OMIT, null),
    EMR_VIRTUAL_CLUSTER("aws:emrcontainers/virtualCluster:VirtualCluster", "EMR virtual cluster", null, Diagram.KEEP, null),
    EMR_JOB_TEMPLATE("aws:emrcontainers/jobTemplate:JobTemplate", "Job template", null, Diagram.KEEP, null),
    CLOUDFORMATION_STACK("aws:cloudformation/stack:Stack", "CloudFormation stack", null, Diagram.KEEP, null),
    CLOUDCONTROL_RESOURCE("aws:cloudcontrol/resource:Resource", "Cloud Control resource", null, Diagram.KEEP, null),
    S3_BUCKET_V2("aws:s3/bucketV2:BucketV2", "S3 bucket", null, Diagram.KEEP, null),
    S3_BUCKET("aws:s3/bucket:Bucket", "S3 bucket", null, Diagram.KEEP, null),
    S3_BUCKET_OBJECT_V2("aws:s3/bucketObjectv2:BucketObjectv2", null, null, Diagram.OMIT, null),
    S3_BUCKET_OBJECT("aws:s3/bucketObject:BucketObject", null, null, Diagram.OMIT, null),
    AUTOSCALING_TAG("aws:autoscaling/tag:Tag", null, null, Diagram.OMIT, null),
    GLUE_CATALOG_DATABASE("aws:glue/catalogDatabase:CatalogDatabase", "Glue database", "Glue databases", Diagram.COLLAPSE, null),
    CLOUDWATCH_LOG_GROUP("aws:cloudwatch/logGroup:LogGroup", "Log group", null, Diagram.KEEP, null),
    EMR_STUDIO("aws:emr/studio:Studio", "EMR Studio", null, Diagram.KEEP, null),
    EMR_STUDIO_SESSION_MAPPING("aws:emr/studioSessionMapping:StudioSessionMapping", "Studio session mapping", "Studio session mappings", Diagram.COLLAPSE, null),
    SERVICECATALOG_PORTFOLIO("aws:servicecatalog/portfolio:Portfolio", "Service Catalog portfolio", null, Diagram.KEEP, null),
    SERVICECATALOG_PRODUCT("aws:servicecatalog/product:Product", "Service Catalog product", null, Diagram.KEEP, null),
    // Glue: settings of or links between drawn resources.
    EKS_ACCESS_POLICY_ASSOCIATION("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", null, null, Diagram.OMIT, null),
    IAM_ROLE_POLICY_ATTACHMENT("aws:iam/rolePolicyAttachment:RolePolicyAttachment", null, null, Diagram.OMIT, null),
    S3_BUCKET_LIFECYCLE_CONFIGURATION_V2("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", null, null, Diagram.OMIT, null),
    S3_BUCKET_POLICY("aws:s3/bucketPolicy:BucketPolicy", null, null, Diagram.OMIT, null),
    S3_BUCKET_PUBLIC_ACCESS_BLOCK("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", null, null, Diagram.OMIT, null),
    S3_BUCKET_SSE_CONFIGURATION_V2("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", null, null, Diagram.OMIT, null),
    S3_BUCKET_VERSIONING_V2("aws:s3/bucketVersioningV2:BucketVersioningV2", null, null, Diagram.OMIT, null),
    SERVICECATALOG_CONSTRAINT("aws:servicecatalog/constraint:Constraint", null, null, Diagram.OMIT, null),
    SERVICECATALOG_PRINCIPAL_PORTFOLIO_ASSOCIATION("aws:servicecatalog/principalPortfolioAssociation:PrincipalPortfolioAssociation", null, null, Diagram.OMIT, null),
    SERVICECATALOG_PRODUCT_PORTFOLIO_ASSOCIATION("aws:servicecatalog/productPortfolioAssociation:ProductPortfolioAssociation", null, null, Diagram.OMIT, null),
    K8S_CLUSTER_ROLE_BINDING("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", null, null, Diagram.OMIT, null),
    // Karpenter (nodeProvisioner: karpenter): the interruption queue, its rules and the node classes and pools.
    SQS_QUEUE("aws:sqs/queue:Queue", "SQS queue", null, Diagram.KEEP, null),
    SQS_QUEUE_POLICY("aws:sqs/queuePolicy:QueuePolicy", null, null, Diagram.OMIT, null),
    EVENTS_RULE("aws:cloudwatch/eventRule:EventRule", "EventBridge rule", "EventBridge rules", Diagram.COLLAPSE, null),
    EVENTS_TARGET("aws:cloudwatch/eventTarget:EventTarget", null, null, Diagram.OMIT, null),
    EC2_TAG("aws:ec2/tag:Tag", null, null, Diagram.OMIT, null),
    K8S_KARPENTER_NODE_POOL("kubernetes:karpenter.sh/v1:NodePool", "Karpenter NodePool", "Karpenter NodePools", Diagram.COLLAPSE, null),
    K8S_KARPENTER_EC2_NODE_CLASS("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", "Karpenter EC2NodeClass", "Karpenter EC2NodeClasses", Diagram.COLLAPSE, null),
    // Cost attribution and budgets (io.bigdatastack.cost); the CostReports parts are drawn as one box (ArchitectureDiagram).
    BCMDATA_EXPORT("aws:bcmdata/export:Export", "CUR 2.0 data export", null, Diagram.KEEP, null),
    ATHENA_WORKGROUP("aws:athena/workgroup:Workgroup", "Athena workgroup", null, Diagram.KEEP, null),
    GLUE_CATALOG_TABLE("aws:glue/catalogTable:CatalogTable", "Glue table", "Glue tables", Diagram.COLLAPSE, null),
    COST_ALLOCATION_TAG("aws:costexplorer/costAllocationTag:CostAllocationTag", "Cost allocation tag", "Cost allocation tags", Diagram.COLLAPSE, null),
    BUDGET("aws:budgets/budget:Budget", "Budget", "Budgets", Diagram.COLLAPSE, null),
    SNS_TOPIC("aws:sns/topic:Topic", "SNS topic", null, Diagram.KEEP, null),
    SNS_TOPIC_POLICY("aws:sns/topicPolicy:TopicPolicy", null, null, Diagram.OMIT, null),
    /** Any type not listed. */
    OTHER("", null, null, null, null);

    /** How the diagram draws a type: its own node, one node per component for all of them, or not at all. */
    public enum Diagram { KEEP, COLLAPSE, OMIT }

    private static final Map<String, ResourceType> BY_TOKEN = new HashMap<>();

    static {
        for (var type : values()) {
            BY_TOKEN.put(type.token, type);
        }
    }

    private final String token;
    private final String label;
    private final String pluralLabel;
    private final Diagram diagram;
    private final String priceKey;

    ResourceType(String token, String label, String pluralLabel, Diagram diagram, String priceKey) {
        this.token = token;
        this.label = label;
        this.pluralLabel = pluralLabel;
        this.diagram = diagram;
        this.priceKey = priceKey;
    }

    /** The type of {@code token}; {@link #OTHER} when the catalog does not list it. */
    public static ResourceType of(String token) {
        return BY_TOKEN.getOrDefault(token, OTHER);
    }

    /** The Pulumi type token, e.g. {@code aws:ec2/vpc:Vpc}. */
    public String token() { return token; }

    /** What a person calls one of them ("NAT gateway"); null where the diagram derives it from the token. */
    public String label() { return label; }

    /** What a person calls several ("NAT gateways"); null where one node stands for one resource. */
    public String pluralLabel() { return pluralLabel; }

    /** How the diagram draws it; null where the diagram decides from the token (glue is left out). */
    public Diagram diagram() { return diagram; }

    /** The price-table key of its idle hourly price; null where it is priced otherwise or not at all. */
    public String priceKey() { return priceKey; }
}
