package io.bigdatastack.studio;

import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.iam.PolicyDocument;
import io.bigdatastack.iam.PolicyDocument.Statement;
import io.bigdatastack.network.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The permission documents of EMR Studio and its cluster catalog, as data and without Pulumi, so tests can read them
 * statement by statement.
 *
 * <p>Where AWS's samples use {@code "Resource": "*"} for actions that support resource-level permissions, these
 * documents name this Region and account (or the exact role, bucket, product or VPC). {@code "*"} remains only for
 * actions the Service Authorization Reference lists without a resource type (List/Describe calls and a few creates),
 * where any narrower resource would deny the call
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonemr.html).
 */
public final class StudioPolicies {

    public static final String EMR_MANAGED_TAG = Network.EMR_MANAGED_POLICIES_TAG;
    /** Where Workspaces and notebooks are backed up (the Studio's default S3 location). */
    public static final String WORKSPACES_PREFIX = "workspaces/";
    /** Where catalog clusters write their logs (the template's LogUri). */
    public static final String CLUSTER_LOGS_PREFIX = "emr-logs/";
    /** Where catalog clusters' jobs read and write their own data. */
    public static final String CLUSTER_DATA_PREFIX = "cluster-data/";
    /** Where the cluster template is uploaded for Service Catalog. */
    public static final String TEMPLATES_PREFIX = "servicecatalog/";

    private static final String EMR = "elasticmapreduce";
    private static final String EMR_SERVICE = "elasticmapreduce.amazonaws.com";
    private static final String EMR_MANAGED_RESOURCE_TAG = "aws:ResourceTag/" + EMR_MANAGED_TAG;
    private static final String EMR_MANAGED_REQUEST_TAG = "aws:RequestTag/" + EMR_MANAGED_TAG;

    private StudioPolicies() {
    }

    /**
     * The Studio service role: AWS's sample policy (tag-based: it acts only on ENIs, security groups, subnets and
     * secrets tagged {@code for-use-with-amazon-emr-managed-policies=true}) plus read/write of the Workspace backups
     * in the Studio bucket. https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-service-role.html
     *
     * <p>The two statements AWS says must stay unchanged ({@code AllowAddingEMRTagsDuringDefaultSecurityGroupCreation},
     * {@code AllowAddingTagsDuringEC2ENICreation}) keep AWS's Region/account wildcards; so does
     * {@code ModifyNetworkInterfaceAttribute}, whose access "must remain as-is" for EC2 tag-based access to work.
     */
    public static PolicyDocument studioServiceRole(AwsScope scope, String vpcId, String bucketName) {
        String anyRegionEc2 = "arn:" + scope.partition() + ":ec2:*:*:";
        String bucketArn = scope.bucketArn(bucketName);
        return PolicyDocument.of(
                Statement.allow("AllowEMRReadOnlyActions")
                        .actions(EMR + ":ListInstances", EMR + ":DescribeCluster", EMR + ":ListSteps")
                        .resources(scope.arn(EMR, "cluster/*")),
                Statement.allow("AllowEC2ENIActionsWithEMRTags")
                        .actions("ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface")
                        .resources(scope.arn("ec2", "network-interface/*"))
                        .condition("StringEquals", EMR_MANAGED_RESOURCE_TAG, "true"),
                Statement.allow("AllowEC2ENIAttributeAction")
                        .actions("ec2:ModifyNetworkInterfaceAttribute")
                        .resources(anyRegionEc2 + "instance/*", anyRegionEc2 + "network-interface/*", anyRegionEc2 + "security-group/*"),
                Statement.allow("AllowEC2SecurityGroupActionsWithEMRTags")
                        .actions("ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress",
                                "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress")
                        .resources(scope.arn("ec2", "security-group/*"))
                        .condition("StringEquals", EMR_MANAGED_RESOURCE_TAG, "true"),
                // Its network-interface resource is optional, so a narrower Resource could miss the request: as AWS wrote it.
                Statement.allow("AllowDeleteENIPermissionWithEMRTags")
                        .actions("ec2:DeleteNetworkInterfacePermission")
                        .resources("*")
                        .condition("StringEquals", EMR_MANAGED_RESOURCE_TAG, "true"),
                Statement.allow("AllowDefaultEC2SecurityGroupsCreationWithEMRTags")
                        .actions("ec2:CreateSecurityGroup")
                        .resources(scope.arn("ec2", "security-group/*"))
                        .condition("StringEquals", EMR_MANAGED_REQUEST_TAG, "true"),
                Statement.allow("AllowDefaultEC2SecurityGroupsCreationInVPCWithEMRTags")
                        .actions("ec2:CreateSecurityGroup")
                        .resources(scope.arn("ec2", "vpc/" + vpcId))
                        .condition("StringEquals", EMR_MANAGED_RESOURCE_TAG, "true"),
                Statement.allow("AllowAddingEMRTagsDuringDefaultSecurityGroupCreation")
                        .actions("ec2:CreateTags")
                        .resources(anyRegionEc2 + "security-group/*")
                        .condition("StringEquals", EMR_MANAGED_REQUEST_TAG, "true")
                        .condition("StringEquals", "ec2:CreateAction", "CreateSecurityGroup"),
                Statement.allow("AllowEC2ENICreationWithEMRTags")
                        .actions("ec2:CreateNetworkInterface")
                        .resources(scope.arn("ec2", "network-interface/*"))
                        .condition("StringEquals", EMR_MANAGED_REQUEST_TAG, "true"),
                Statement.allow("AllowEC2ENICreationInSubnetAndSecurityGroupWithEMRTags")
                        .actions("ec2:CreateNetworkInterface")
                        .resources(scope.arn("ec2", "subnet/*"), scope.arn("ec2", "security-group/*"))
                        .condition("StringEquals", EMR_MANAGED_RESOURCE_TAG, "true"),
                Statement.allow("AllowAddingTagsDuringEC2ENICreation")
                        .actions("ec2:CreateTags")
                        .resources(anyRegionEc2 + "network-interface/*")
                        .condition("StringEquals", "ec2:CreateAction", "CreateNetworkInterface"),
                Statement.allow("AllowEC2ReadOnlyActions")
                        .actions("ec2:DescribeSecurityGroups", "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags",
                                "ec2:DescribeInstances", "ec2:DescribeSubnets", "ec2:DescribeVpcs")
                        .resources("*"),
                Statement.allow("AllowSecretsManagerReadOnlyActionsWithEMRTags")
                        .actions("secretsmanager:GetSecretValue")
                        .resources(scope.arn("secretsmanager", "secret:*"))
                        .condition("StringEquals", EMR_MANAGED_RESOURCE_TAG, "true"),
                // The minimum S3 set the page lists for Workspace backups; no KMS statements: the bucket uses SSE-S3.
                Statement.allow("ListStudioBucket")
                        .actions("s3:ListBucket", "s3:GetEncryptionConfiguration")
                        .resources(bucketArn),
                Statement.allow("BackUpWorkspaces")
                        .actions("s3:GetObject", "s3:PutObject", "s3:DeleteObject")
                        .resources(bucketArn + "/" + WORKSPACES_PREFIX + "*"));
    }

    /**
     * What a session policy may name: the roles users pass, the bucket they read logs from, the catalog product, and
     * (IAM auth mode only) the Studio they open with a presigned URL.
     */
    public record SessionGrants(String studioServiceRoleArn, String bucketName, String productArn,
                                String clusterServiceRoleArn, String clusterInstanceRoleArn,
                                Optional<String> iamModeStudioArn, String virtualClusterId) {
    }

    /**
     * A session policy, after AWS's basic / intermediate / advanced examples
     * (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-user-permissions.html), scoped to this
     * account and stack. Left out on purpose: the samples' SageMaker, CodeWhisperer, Athena/Glue and EMR Serverless
     * statements (no such services in this platform), default security group creation (this Studio has its own
     * groups), and the retired {@code emr-containers:CreateAccessTokenForManagedEndpoint}.
     */
    public static PolicyDocument session(StudioAccessLevel level, AwsScope scope, SessionGrants grants) {
        var statements = new ArrayList<>(basicSession(scope, grants));
        if (level.compareTo(StudioAccessLevel.intermediate) >= 0) {
            statements.addAll(clusterTemplateSession(scope, grants));
        }
        if (level.compareTo(StudioAccessLevel.advanced) >= 0) {
            statements.addAll(clusterConfigurationSession(scope, grants));
        }
        return PolicyDocument.of(statements);
    }

    private static List<Statement> basicSession(AwsScope scope, SessionGrants grants) {
        String bucketArn = scope.bucketArn(grants.bucketName());
        var statements = new ArrayList<>(List.of(
                // No resource type in the Service Authorization Reference (CreateEditor's cluster is optional): "*" or nothing.
                Statement.allow("WorkspacesAndRepositories")
                        .actions(EMR + ":CreateEditor", EMR + ":ListEditors", EMR + ":ListClusters",
                                EMR + ":CreateRepository", EMR + ":DescribeRepository", EMR + ":DeleteRepository",
                                EMR + ":ListRepositories", EMR + ":LinkRepository", EMR + ":UnlinkRepository")
                        .resources("*"),
                Statement.allow("UseWorkspacesInThisAccount")
                        .actions(EMR + ":DescribeEditor", EMR + ":StartEditor", EMR + ":StopEditor", EMR + ":DeleteEditor",
                                EMR + ":OpenEditorInConsole", EMR + ":AttachEditor", EMR + ":DetachEditor")
                        .resources(scope.arn(EMR, "editor/*"), scope.arn(EMR, "cluster/*")),
                Statement.allow("InspectAndDebugClustersInThisAccount")
                        .actions(EMR + ":DescribeCluster", EMR + ":ListInstanceGroups", EMR + ":ListBootstrapActions",
                                EMR + ":ListSteps", EMR + ":CreatePersistentAppUI", EMR + ":DescribePersistentAppUI",
                                EMR + ":GetPersistentAppUIPresignedURL", EMR + ":GetOnClusterAppUIPresignedURL")
                        .resources(scope.arn(EMR, "cluster/*")),
                // Collaboration only on Workspaces the user created (EMR Studio tags them creatorUserId).
                Statement.allow("CollaborateOnOwnWorkspaces")
                        .actions(EMR + ":UpdateEditor", EMR + ":PutWorkspaceAccess", EMR + ":DeleteWorkspaceAccess",
                                EMR + ":ListWorkspaceAccessIdentities")
                        .resources(scope.arn(EMR, "editor/*"))
                        .condition("StringEquals", EMR + ":ResourceTag/creatorUserId", "${aws:userid}"),
                Statement.allow("ListEmrOnEksVirtualClusters")
                        .actions("emr-containers:ListVirtualClusters")
                        .resources("*"),
                // This stack's virtual cluster only, not every one of the account: Workspaces list and describe it
                // and its endpoints, and attach to its endpoints (GetManagedEndpointSessionCredentials), by the ARN
                // forms of the Service Authorization Reference (virtualCluster, managedEndpoint, jobRun), as AWS's
                // example for endpoint users writes them
                // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonemroneksemrcontainers.html).
                Statement.allow("UseThisStacksVirtualCluster")
                        .actions("emr-containers:DescribeVirtualCluster", "emr-containers:ListManagedEndpoints",
                                "emr-containers:ListJobRuns")
                        .resources(virtualClusterArn(scope, grants.virtualClusterId())),
                Statement.allow("AttachToThisStacksEndpoints")
                        .actions("emr-containers:DescribeManagedEndpoint", "emr-containers:GetManagedEndpointSessionCredentials")
                        .resources(virtualClusterArn(scope, grants.virtualClusterId()) + "/endpoints/*"),
                Statement.allow("ReadThisStacksJobRuns")
                        .actions("emr-containers:DescribeJobRun")
                        .resources(virtualClusterArn(scope, grants.virtualClusterId()) + "/jobruns/*"),
                Statement.allow("ListGitSecrets")
                        .actions("secretsmanager:ListSecrets")
                        .resources("*"),
                Statement.allow("CreateGitSecretsWithEMRTagsAndStudioPrefix")
                        .actions("secretsmanager:CreateSecret")
                        .resources(scope.arn("secretsmanager", "secret:emr-studio-*"))
                        .condition("StringEquals", EMR_MANAGED_REQUEST_TAG, "true"),
                Statement.allow("TagGitSecretsWithStudioPrefix")
                        .actions("secretsmanager:TagResource")
                        .resources(scope.arn("secretsmanager", "secret:emr-studio-*")),
                Statement.allow("PassStudioServiceRoleForWorkspaces")
                        .actions("iam:PassRole")
                        .resources(grants.studioServiceRoleArn())
                        .condition("StringLike", "iam:PassedToService", EMR_SERVICE + "*"),
                Statement.allow("ListBucketsForClusterForms")
                        .actions("s3:ListAllMyBuckets")
                        .resources("*"),
                // The samples read the account's default EMR log bucket; catalog clusters log into the Studio bucket.
                Statement.allow("LocateStudioBucket")
                        .actions("s3:ListBucket", "s3:GetBucketLocation")
                        .resources(bucketArn),
                Statement.allow("ReadClusterLogs")
                        .actions("s3:GetObject")
                        .resources(bucketArn + "/" + CLUSTER_LOGS_PREFIX + "*"),
                Statement.allow("DescribeNetworkAndRoles")
                        .actions("ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "iam:ListRoles")
                        .resources("*")));
        // IAM auth mode: users open the Studio through a presigned URL (emr-studio-manage-users.html).
        grants.iamModeStudioArn().ifPresent(studioArn -> statements.add(Statement.allow("OpenThisStudio")
                .actions(EMR + ":CreateStudioPresignedUrl")
                .resources(studioArn)));
        return statements;
    }

    private static List<Statement> clusterTemplateSession(AwsScope scope, SessionGrants grants) {
        return List.of(
                Statement.allow("BrowseClusterTemplates")
                        .actions("servicecatalog:SearchProducts", "servicecatalog:DescribeProductView")
                        .resources("*"),
                Statement.allow("LaunchTheStudioClusterTemplate")
                        .actions("servicecatalog:DescribeProduct", "servicecatalog:DescribeProvisioningParameters",
                                "servicecatalog:ProvisionProduct", "servicecatalog:ListProvisioningArtifacts",
                                "servicecatalog:ListLaunchPaths")
                        .resources(grants.productArn()),
                // These take no resource; userLevel=self limits them to the caller's own provisioned products
                // (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/permissions-examples.html).
                // TerminateProvisionedProduct is not in AWS's sample: it lets users remove the clusters they launched.
                Statement.allow("ManageOwnProvisionedClusters")
                        .actions("servicecatalog:DescribeProvisionedProduct", "servicecatalog:UpdateProvisionedProduct",
                                "servicecatalog:TerminateProvisionedProduct", "servicecatalog:DescribeRecord")
                        .resources("*")
                        .condition("StringEquals", "servicecatalog:userLevel", "self"),
                Statement.allow("ReadCatalogClusterStacks")
                        .actions("cloudformation:DescribeStackResources")
                        .resources(serviceCatalogStacks(scope)));
    }

    private static List<Statement> clusterConfigurationSession(AwsScope scope, SessionGrants grants) {
        return List.of(
                // As in AmazonEMRFullAccessPolicy_v2: clusters must carry the tag the managed policies key on.
                Statement.allow("CreateClustersWithEMRTags")
                        .actions(EMR + ":RunJobFlow")
                        .resources("*")
                        .condition("StringEquals", EMR_MANAGED_REQUEST_TAG, "true"),
                Statement.allow("TerminateClustersWithEMRTags")
                        .actions(EMR + ":TerminateJobFlows")
                        .resources(scope.arn(EMR, "cluster/*"))
                        .condition("StringEquals", EMR_MANAGED_RESOURCE_TAG, "true"),
                Statement.allow("PassClusterServiceRole")
                        .actions("iam:PassRole")
                        .resources(grants.clusterServiceRoleArn())
                        .condition("StringLike", "iam:PassedToService", EMR_SERVICE + "*"),
                Statement.allow("PassClusterInstanceRole")
                        .actions("iam:PassRole")
                        .resources(grants.clusterInstanceRoleArn())
                        .condition("StringLike", "iam:PassedToService", "ec2.amazonaws.com*"));
    }

    /**
     * Extra permission of the catalog clusters' EMR service role: AmazonEMRServicePolicy_v2 may pass only a role
     * literally named EMR_EC2_DefaultRole, so the instance role of this stack needs its own PassRole
     * (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-iam-role.html).
     */
    public static PolicyDocument clusterServiceRolePassInstanceRole(String clusterInstanceRoleArn) {
        return PolicyDocument.of(Statement.allow("PassInstanceRoleToEc2")
                .actions("iam:PassRole")
                .resources(clusterInstanceRoleArn)
                .condition("StringLike", "iam:PassedToService", "ec2.amazonaws.com*"));
    }

    /**
     * Catalog cluster instances (EC2 instance profile): their logs and their data prefix of the Studio bucket, nothing
     * else. Every notebook on such a cluster runs with these credentials, so other users' Workspace backups and the
     * catalog templates stay out of reach.
     */
    public static PolicyDocument clusterInstanceRole(AwsScope scope, String bucketName) {
        String bucketArn = scope.bucketArn(bucketName);
        var prefixes = List.of(CLUSTER_LOGS_PREFIX, CLUSTER_DATA_PREFIX);
        return PolicyDocument.of(
                Statement.allow("LocateStudioBucket")
                        .actions("s3:GetBucketLocation")
                        .resources(bucketArn),
                Statement.allow("ListClusterPrefixes")
                        .actions("s3:ListBucket")
                        .resources(bucketArn)
                        .condition("StringLike", "s3:prefix", prefixes.stream().map(p -> p + "*").toList()),
                Statement.allow("ReadWriteClusterPrefixes")
                        .actions("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload")
                        .resources(prefixes.stream().map(p -> bucketArn + "/" + p + "*").toList()));
    }

    /**
     * The Service Catalog launch role: what CloudFormation needs to create, update and delete the stack of one EMR
     * cluster from the template, on this account's Service Catalog stacks only
     * (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/constraints-launch.html).
     */
    public static PolicyDocument catalogLaunchRole(AwsScope scope, String clusterServiceRoleArn, String clusterInstanceRoleArn) {
        return PolicyDocument.of(
                // Service Catalog provisions from its own copy of the template; the condition is the form AWS requires.
                Statement.allow("ReadServiceCatalogTemplateCopies")
                        .actions("s3:GetObject")
                        .resources("*")
                        .condition("StringEquals", "s3:ExistingObjectTag/servicecatalog:provisioning", "true"),
                Statement.allow("ManageCatalogClusterStacks")
                        .actions("cloudformation:CreateStack", "cloudformation:UpdateStack", "cloudformation:DeleteStack",
                                "cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents",
                                "cloudformation:SetStackPolicy")
                        .resources(serviceCatalogStacks(scope)),
                // No resource type (ValidateTemplate) or an optional one (GetTemplateSummary).
                Statement.allow("ReadTemplates")
                        .actions("cloudformation:GetTemplateSummary", "cloudformation:ValidateTemplate")
                        .resources("*"),
                Statement.allow("CreateClustersWithEMRTags")
                        .actions(EMR + ":RunJobFlow")
                        .resources("*")
                        .condition("StringEquals", EMR_MANAGED_REQUEST_TAG, "true"),
                Statement.allow("ManageClustersWithEMRTags")
                        .actions(EMR + ":DescribeCluster", EMR + ":ListInstanceGroups", EMR + ":ListInstanceFleets",
                                // Resizing a launched cluster (UpdateProvisionedProduct of CoreInstanceCount).
                                EMR + ":ModifyInstanceGroups",
                                EMR + ":TerminateJobFlows", EMR + ":AddTags", EMR + ":RemoveTags",
                                EMR + ":GetAutoTerminationPolicy", EMR + ":PutAutoTerminationPolicy",
                                EMR + ":RemoveAutoTerminationPolicy")
                        .resources(scope.arn(EMR, "cluster/*"))
                        .condition("StringEquals", EMR_MANAGED_RESOURCE_TAG, "true"),
                Statement.allow("PassClusterServiceRole")
                        .actions("iam:PassRole")
                        .resources(clusterServiceRoleArn)
                        .condition("StringLike", "iam:PassedToService", EMR_SERVICE + "*"),
                Statement.allow("PassClusterInstanceRole")
                        .actions("iam:PassRole")
                        .resources(clusterInstanceRoleArn)
                        .condition("StringLike", "iam:PassedToService", "ec2.amazonaws.com*"),
                // EMR creates its clean-up service-linked role on the first cluster of an account (v2 managed policies).
                Statement.allow("CreateEmrCleanupServiceLinkedRole")
                        .actions("iam:CreateServiceLinkedRole")
                        .resources(scope.iamArn("role/aws-service-role/" + EMR_SERVICE + "*/AWSServiceRoleForEMRCleanup*"))
                        .condition("StringLike", "iam:AWSServiceName", EMR_SERVICE + "*"));
    }

    /** {@code arn:<partition>:emr-containers:<region>:<account>:/virtualclusters/<id>}. */
    public static String virtualClusterArn(AwsScope scope, String virtualClusterId) {
        return scope.arn("emr-containers", "/virtualclusters/" + virtualClusterId);
    }

    /** CloudFormation stacks Service Catalog creates for provisioned products: {@code SC-<account>-pp-<id>}. */
    static String serviceCatalogStacks(AwsScope scope) {
        return scope.arn("cloudformation", "stack/SC-" + scope.accountId() + "-pp-*/*");
    }
}
