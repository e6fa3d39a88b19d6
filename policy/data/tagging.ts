// What "tagged" means for this project: the keys and the AWS resource types that must carry them.
// Cost allocation, ownership and clean-up all hang off these tags
// (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html). The Java program's StackNaming.commonTags()
// produces exactly these keys; change both together.

export const COMMON_TAG_KEYS = {
    project: "project",
    stack: "stack",
    managedBy: "managed-by",
} as const;

export const MANAGED_BY_VALUE = "pulumi";

/** Resource types of this platform that accept `tags`. Add a type here when the program starts creating it. */
export const TAGGABLE_TYPES: ReadonlySet<string> = new Set([
    // network
    "aws:ec2/vpc:Vpc",
    "aws:ec2/subnet:Subnet",
    "aws:ec2/internetGateway:InternetGateway",
    "aws:ec2/natGateway:NatGateway",
    "aws:ec2/eip:Eip",
    "aws:ec2/routeTable:RouteTable",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    // identity
    "aws:iam/role:Role",
    "aws:iam/policy:Policy",
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
    "aws:iam/instanceProfile:InstanceProfile",
    // cluster
    "aws:eks/cluster:Cluster",
    "aws:eks/nodeGroup:NodeGroup",
    "aws:eks/addon:Addon",
    "aws:eks/accessEntry:AccessEntry",
    "aws:eks/podIdentityAssociation:PodIdentityAssociation",
    "aws:kms/key:Key",
    // storage and logs
    "aws:s3/bucketV2:BucketV2",
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketObjectv2:BucketObjectv2",
    "aws:cloudwatch/logGroup:LogGroup",
    // EMR
    "aws:emrcontainers/virtualCluster:VirtualCluster",
    "aws:emrcontainers/jobTemplate:JobTemplate",
    "aws:cloudformation/stack:Stack",
    "aws:emr/studio:Studio",
    "aws:servicecatalog/portfolio:Portfolio",
    "aws:servicecatalog/product:Product",
    // Karpenter (nodeProvisioner: karpenter): the interruption queue and its EventBridge rules
    "aws:sqs/queue:Queue",
    "aws:cloudwatch/eventRule:EventRule",
]);
