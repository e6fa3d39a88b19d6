package io.bigdatastack.config;

import io.bigdatastack.addons.ClusterAutoscalerVersions;
import io.bigdatastack.addons.DashboardAccess;
import io.bigdatastack.addons.DashboardKind;
import io.bigdatastack.addons.KarpenterPools;
import io.bigdatastack.addons.NodeProvisioner;
import io.bigdatastack.cluster.SupportType;
import io.bigdatastack.emr.JobRoleBinding;
import io.bigdatastack.network.NatStrategy;
import io.bigdatastack.studio.StudioAuthMode;

import java.util.List;
import java.util.Optional;

/**
 * Every key of ours, declared once: type, default, description (Pulumi.yaml repeats them word for word, checked by
 * {@code PulumiYamlTest}; docs/configuration.md's generated reference by {@code ReadmeTest}) and the check of a
 * single value. A new key is one constant here, one entry in {@link #ALL}, its Pulumi.yaml declaration, then the {@code readme} command
 * regenerates docs/configuration.md; rules relating it to other keys go to its domain package and are called from {@link StackConfig}.
 */
public final class ConfigKeys {

    // Network
    public static final ConfigKey VPC_CIDR = ConfigKey.string("vpcCidr", "10.0.0.0/16",
            "IPv4 block of the VPC (/16 to /28; /16 to /20 when subnets are carved automatically).")
            .checkedBy(Validators::cidr);
    public static final ConfigKey AZ_COUNT = ConfigKey.integer("azCount", 3,
            "Availability zones to spread subnets over (2 to 6; EKS needs at least 2).");
    public static final ConfigKey NAT_GATEWAYS = ConfigKey.string("natGateways", "single",
            "NAT gateways for the private subnets: single (one, cheapest) or perAz (one per AZ, resilient).")
            .checkedBy(v -> Validators.oneOf(NatStrategy.class, v));
    public static final ConfigKey PUBLIC_SUBNET_CIDRS = ConfigKey.array("publicSubnetCidrs", List.of(),
            "One public subnet CIDR per AZ; empty to carve /24-equivalents from the last eighth of vpcCidr.")
            .checkedBy(Validators::cidr);
    public static final ConfigKey PRIVATE_SUBNET_CIDRS = ConfigKey.array("privateSubnetCidrs", List.of(),
            "One private subnet CIDR per AZ; empty to carve one eighth of vpcCidr per AZ.")
            .checkedBy(Validators::cidr);

    // EKS cluster
    public static final ConfigKey CLUSTER_NAME = ConfigKey.string("clusterName", "",
            "EKS cluster name; empty derives <project>-<stack>.");
    public static final ConfigKey KUBERNETES_VERSION = ConfigKey.string("kubernetesVersion", "1.35",
            "Kubernetes version of the control plane and nodes (1.33 to 1.36; one past EKS standard support needs kubernetesSupportType EXTENDED).")
            .checkedBy(v -> Validators.kubernetesVersion(v).or(() -> ClusterAutoscalerVersions.check(v)));
    public static final ConfigKey KUBERNETES_SUPPORT_TYPE = ConfigKey.string("kubernetesSupportType", "STANDARD",
            "EKS upgrade policy, STANDARD or EXTENDED. EXTENDED allows a version past standard support, billed at the extended control-plane rate ($0.60/h instead of $0.10/h).")
            .checkedBy(v -> Validators.oneOf(SupportType.class, v));
    public static final ConfigKey ENDPOINT_PUBLIC_ACCESS_CIDRS = ConfigKey.array("endpointPublicAccessCidrs", List.of("0.0.0.0/0"),
            "CIDRs allowed to reach the public Kubernetes API endpoint; narrow it outside dev.")
            .checkedBy(Validators::publicAccessCidr);
    public static final ConfigKey EKS_ADMIN_ROLE_NAME = ConfigKey.string("eksAdminRoleName", "",
            "IAM role name granted cluster admin through an EKS access entry; empty for none.")
            .checkedBy(v -> v.isEmpty() ? Optional.empty() : Validators.iamRoleName(v));

    // Node groups: "base" is on-demand (drivers, system pods), "spot" takes executors.
    public static final ConfigKey BASE_NODE_INSTANCE_TYPES = ConfigKey.array("baseNodeInstanceTypes", List.of("m5.xlarge"),
            "Instance types of the on-demand base node group (system pods and Spark drivers).")
            .checkedBy(Validators::instanceType);
    public static final ConfigKey BASE_NODE_MIN_SIZE = ConfigKey.integer("baseNodeMinSize", 1,
            "Minimum nodes of the base group.");
    public static final ConfigKey BASE_NODE_DESIRED_SIZE = ConfigKey.integer("baseNodeDesiredSize", 1,
            "Nodes of the base group at creation (the autoscaler owns it afterwards).");
    public static final ConfigKey BASE_NODE_MAX_SIZE = ConfigKey.integer("baseNodeMaxSize", 20,
            "Maximum nodes of the base group.");
    public static final ConfigKey BASE_NODE_DISK_GIB = ConfigKey.integer("baseNodeDiskGiB", 50,
            "Root volume size of base nodes in GiB.");
    public static final ConfigKey SPOT_NODE_INSTANCE_TYPES =
            ConfigKey.array("spotNodeInstanceTypes", List.of("c5.2xlarge", "c5a.2xlarge", "c6i.2xlarge"),
            "Instance types of the spot node group (Spark executors); several similar types improve spot availability.")
            .checkedBy(Validators::instanceType);
    public static final ConfigKey SPOT_NODE_MIN_SIZE = ConfigKey.integer("spotNodeMinSize", 1,
            "Minimum nodes of the spot group (0 lets it scale to zero).");
    public static final ConfigKey SPOT_NODE_DESIRED_SIZE = ConfigKey.integer("spotNodeDesiredSize", 1,
            "Nodes of the spot group at creation (the autoscaler owns it afterwards).");
    public static final ConfigKey SPOT_NODE_MAX_SIZE = ConfigKey.integer("spotNodeMaxSize", 20,
            "Maximum nodes of the spot group.");
    public static final ConfigKey SPOT_NODE_DISK_GIB = ConfigKey.integer("spotNodeDiskGiB", 50,
            "Root volume size of spot nodes in GiB.");

    // Cluster add-ons
    public static final ConfigKey DASHBOARD = ConfigKey.string("dashboard", "headlamp",
            "Cluster dashboard: headlamp (reached through kubectl port-forward) or none.")
            .checkedBy(v -> Validators.oneOf(DashboardKind.class, v));
    public static final ConfigKey DASHBOARD_ACCESS = ConfigKey.string("dashboardAccess", "readOnly",
            "What the dashboard's login service account may do: readOnly (the view ClusterRole) or admin (cluster-admin).")
            .checkedBy(v -> Validators.oneOf(DashboardAccess.class, v));
    public static final ConfigKey LOAD_BALANCER_CONTROLLER = ConfigKey.bool("loadBalancerController", false,
            "true installs the AWS Load Balancer Controller (always installed when studioEndpoint is true).");

    // Node provisioning: Cluster Autoscaler (managed node groups) or Karpenter (NodePools for Spark); docs/karpenter.md.
    public static final ConfigKey NODE_PROVISIONER = ConfigKey.string("nodeProvisioner", "cluster-autoscaler",
            "What adds nodes for Spark: cluster-autoscaler (base and spot managed node groups) or karpenter (recommended for new stacks: the base group stays for system pods; drivers and executors get Karpenter nodes; no spot group). Switching a running stack: docs/karpenter.md.")
            .checkedBy(NodeProvisioner::check);
    public static final ConfigKey NODE_PROVISIONER_MIGRATION = ConfigKey.bool("nodeProvisionerMigration", false,
            "true while switching nodeProvisioner on a running stack: the previous provisioner stays (Cluster Autoscaler and spot group, or Karpenter and its pools) so jobs started before the switch keep getting nodes; new jobs use the new one. Set false once those jobs have ended (docs/karpenter.md).");
    public static final ConfigKey KARPENTER_DRIVER_CPU_LIMIT = ConfigKey.integer("karpenterDriverCpuLimit", 64,
            "With karpenter: most vCPUs of all spark-driver nodes together (NodePool limit; an update, running nodes stay).");
    public static final ConfigKey KARPENTER_DRIVER_MEMORY_GIB_LIMIT = ConfigKey.integer("karpenterDriverMemoryGiBLimit", 256,
            "With karpenter: most memory in GiB of all spark-driver nodes together (NodePool limit; an update).");
    public static final ConfigKey KARPENTER_EXECUTOR_CPU_LIMIT = ConfigKey.integer("karpenterExecutorCpuLimit", 512,
            "With karpenter: most vCPUs of all spark-executor nodes together (NodePool limit; an update, running nodes stay).");
    public static final ConfigKey KARPENTER_EXECUTOR_MEMORY_GIB_LIMIT = ConfigKey.integer("karpenterExecutorMemoryGiBLimit", 2048,
            "With karpenter: most memory in GiB of all spark-executor nodes together (NodePool limit; an update).");
    public static final ConfigKey KARPENTER_ARCHITECTURES = ConfigKey.array("karpenterArchitectures", List.of("amd64"),
            "With karpenter: CPU architectures of Spark nodes, amd64 and/or arm64 (Graviton: only when every team's images run on arm64). A change drifts the Spark nodes (Karpenter replaces them).")
            .checkedBy(v -> KarpenterPools.ARCHITECTURES.contains(v) ? Optional.empty() : Optional.of("one of " + String.join(", ", KarpenterPools.ARCHITECTURES)));
    public static final ConfigKey KARPENTER_AMI_ALIAS = ConfigKey.string("karpenterAmiAlias", "al2023@latest",
            "With karpenter: the EC2NodeClass AMI alias, al2023@latest or a pinned al2023@v<yyyymmdd> (pin it in production; a new value drifts the Spark nodes).")
            .checkedBy(v -> v.matches("al2023@(latest|v\\d{8})") ? Optional.empty() : Optional.of("al2023@latest or al2023@v<yyyymmdd>, e.g. al2023@v20260801"));
    public static final ConfigKey KARPENTER_NODE_DISK_GIB = ConfigKey.integer("karpenterNodeDiskGiB", 100,
            "With karpenter: encrypted gp3 root volume of each Spark node in GiB (a change drifts the Spark nodes).");
    public static final ConfigKey KARPENTER_EXECUTOR_CONSOLIDATE_AFTER_SECONDS = ConfigKey.integer("karpenterExecutorConsolidateAfterSeconds", 300,
            "With karpenter: seconds an executor node waits after its last pod change before Karpenter may consolidate it; longer than Spark's executor idle timeout (60s).");

    // Logs
    public static final ConfigKey LOG_RETENTION_DAYS = ConfigKey.integer("logRetentionDays", 30,
            "Retention in days of the CloudWatch log groups (EKS control plane, Spark jobs); a value CloudWatch accepts.")
            .checkedBy(v -> Validators.logRetentionDays(Integer.parseInt(v)));

    // EMR on EKS
    public static final ConfigKey EMR_NAMESPACE = ConfigKey.string("emrNamespace", "emr-jobs",
            "Kubernetes namespace of the EMR virtual cluster (RFC 1123 label).")
            .checkedBy(v -> Validators.dns1123Label(v).or(() -> ConfigNamespaces.emrNamespaceOwner(v)));
    public static final ConfigKey EMR_RELEASE_LABEL = ConfigKey.string("emrReleaseLabel", "emr-7.13.0-latest",
            "EMR on EKS release of the job template and sample job: emr-<x.y.z>-latest or -<yyyymmdd> (7.x or later), or emr-spark-<x.y.z>-latest (Spark 4).")
            .checkedBy(Validators::emrReleaseLabel);
    public static final ConfigKey JOB_ROLE_BINDING = ConfigKey.string("jobRoleBinding", "irsa",
            "How job pods get the job execution role: irsa (OIDC), podIdentity (EKS Pod Identity, emr-7.3.0 or later) or both.")
            .checkedBy(v -> Validators.oneOf(JobRoleBinding.class, v));
    public static final ConfigKey JOB_READ_BUCKETS = ConfigKey.array("jobReadBuckets", List.of(),
            "Names of other S3 buckets Spark jobs may read (read-only); the stack's own job bucket is always read/write.")
            .checkedBy(Validators::s3BucketName);
    public static final ConfigKey GLUE_CATALOG_ACCESS = ConfigKey.bool("glueCatalogAccess", false,
            "true lets jobs use this account's Glue Data Catalog in the Region as their metastore: the stack creates their own database (<project>_<stack>, with teams <project>_<stack>__<team>), the only one they may write; other databases only as glueReadDatabases grants.");
    // Glue isolation: with glueCatalogAccess the job role writes only its own database (docs/glue-catalog.md).
    public static final ConfigKey GLUE_READ_DATABASES = ConfigKey.array("glueReadDatabases", List.of(),
            "Glue databases (exact names) Spark jobs may read besides their own (needs glueCatalogAccess); jobs write only the stack's own database. Changing it updates the job role's policy in place.")
            .checkedBy(Validators::glueDatabaseName);
    // AWS::EMRContainers::JobTemplate is a recent CloudFormation type: a Region without it can turn the template off.
    public static final ConfigKey JOB_TEMPLATE = ConfigKey.bool("jobTemplate", true,
            "Create the EMR job template (a CloudFormation AWS::EMRContainers::JobTemplate). Set false in a Region without that type (check with `aws cloudformation describe-type --type RESOURCE --type-name AWS::EMRContainers::JobTemplate`).");
    // Data teams: a list of maps (name, cpuQuota, memoryQuota, readBuckets, glueCatalogAccess, studioGroups); unset =
    // one team from emrNamespace, jobReadBuckets and glueCatalogAccess.
    public static final ConfigKey TEAMS = ConfigKey.structured("teams",
            "Data teams, a list of maps; each gets its own namespace, virtual cluster, job role, job template and prefix teams/<name>/ of the job bucket. Fields: name (RFC 1123 label, unique; also the namespace), cpuQuota and memoryQuota (Kubernetes quantities for the namespace ResourceQuota), readBuckets (like jobReadBuckets), glueCatalogAccess (true/false), glueReadDatabases (like the key), studioGroups (Identity Center groups whose Studio session reaches only this team's virtual cluster), monthlyBudget (USD) and budgetEmails (a list) for the team's AWS Budgets budget. Unset, the stack has one team from emrNamespace, jobReadBuckets and glueCatalogAccess. Pulumi's project config schema cannot type a list of maps, so this key has no type here; StackConfig checks it.");

    // EMR Studio
    public static final ConfigKey STUDIO_AUTH_MODE = ConfigKey.string("studioAuthMode", "SSO",
            "EMR Studio sign-in: SSO (IAM Identity Center, must be enabled in the Region) or IAM.")
            .checkedBy(v -> Validators.oneOf(StudioAuthMode.class, v));
    public static final ConfigKey STUDIO_ADMIN_USER = ConfigKey.string("studioAdminUser", "",
            "IAM Identity Center user mapped to EMR Studio with the advanced session policy (required with SSO).")
            .checkedBy(v -> v.isEmpty() ? Optional.empty() : Validators.identityCenterUserName(v));
    // Entries "<name>" (basic) or "<name>:<level>" (basic | intermediate); SSO only.
    public static final ConfigKey STUDIO_USERS = ConfigKey.array("studioUsers", List.of(),
            "More Identity Center users for EMR Studio (SSO only): \"<user>\" (basic) or \"<user>:intermediate\".")
            .checkedBy(Validators::studioUserEntry);
    public static final ConfigKey STUDIO_GROUPS = ConfigKey.array("studioGroups", List.of(),
            "Identity Center groups for EMR Studio (SSO only): \"<group>\" (basic) or \"<group>:intermediate\".")
            .checkedBy(Validators::studioGroupEntry);
    // The interactive endpoint Studio Workspaces attach to, on the EMR virtual cluster (needs the LB controller).
    public static final ConfigKey STUDIO_ENDPOINT = ConfigKey.bool("studioEndpoint", false,
            "true creates an EMR on EKS interactive endpoint so Studio Workspaces run Spark on the EKS cluster (AWS documents endpoints for Kubernetes up to 1.30; see the README).");

    // Data lifecycle
    public static final ConfigKey PROTECT_STATEFUL_RESOURCES = ConfigKey.bool("protectStatefulResources", false,
            "true (prod): every stateful resource (the list in src/main/java/io/bigdatastack/protection/Stateful.java: EKS cluster, its secrets KMS key, control-plane log group, EMR namespace, virtual cluster, Glue databases, job log group, EMR Studio, the job, Studio and cost report buckets and their settings) is protected - a change that would replace or delete one, and pulumi destroy, stop at it until unprotected - and all but the cluster are kept in AWS when deleted from the stack; job bucket versioning on. false (dev): nothing protected; buckets are emptied and deleted with the stack.");

    // Cost attribution and budgets (io.bigdatastack.cost, docs/cost-attribution.md)
    public static final ConfigKey COST_REPORTS = ConfigKey.bool("costReports", false,
            "true creates a Cost and Usage Report 2.0 data export (hourly, Parquet, split cost allocation data and resource IDs) into a protected bucket of this stack, with a Glue table, a per-team view and an Athena workgroup to query it. The export is an account-level object in us-east-1 named after project and stack. Turning it off deletes export, workgroup, table and view (the bucket and its reports stay when protectStatefulResources is true).");
    public static final ConfigKey COST_ALLOCATION_TAGS = ConfigKey.bool("costAllocationTags", false,
            "true activates the tag keys team, stack and project as cost allocation tags (Cost Explorer API; payer/management account only; Billing must have seen each key on a resource first, up to 24 hours after the first up). Activation is account-wide and is kept when the stack lets go of it.");
    public static final ConfigKey MONTHLY_BUDGET = ConfigKey.string("monthlyBudget", "",
            "Monthly AWS Budgets cost budget of the platform (this stack's stack tag) in USD, e.g. 2500; empty for none. Alerts at 80% actual and 100% forecast go to the stack's budget SNS topic and budgetEmails. Teams set their own in teams.")
            .checkedBy(v -> v.isEmpty() ? Optional.empty() : Validators.usdAmount(v));
    public static final ConfigKey BUDGET_EMAILS = ConfigKey.array("budgetEmails", List.of(),
            "E-mail addresses alerted by the platform budget (at most 10; needs monthlyBudget).")
            .checkedBy(Validators::emailAddress);

    public static final List<ConfigKey> ALL = List.of(
            VPC_CIDR, AZ_COUNT, NAT_GATEWAYS, PUBLIC_SUBNET_CIDRS, PRIVATE_SUBNET_CIDRS,
            CLUSTER_NAME, KUBERNETES_VERSION, KUBERNETES_SUPPORT_TYPE, ENDPOINT_PUBLIC_ACCESS_CIDRS, EKS_ADMIN_ROLE_NAME,
            BASE_NODE_INSTANCE_TYPES, BASE_NODE_MIN_SIZE, BASE_NODE_DESIRED_SIZE, BASE_NODE_MAX_SIZE, BASE_NODE_DISK_GIB,
            SPOT_NODE_INSTANCE_TYPES, SPOT_NODE_MIN_SIZE, SPOT_NODE_DESIRED_SIZE, SPOT_NODE_MAX_SIZE, SPOT_NODE_DISK_GIB,
            DASHBOARD, DASHBOARD_ACCESS, LOAD_BALANCER_CONTROLLER,
            NODE_PROVISIONER, NODE_PROVISIONER_MIGRATION, KARPENTER_DRIVER_CPU_LIMIT, KARPENTER_DRIVER_MEMORY_GIB_LIMIT, KARPENTER_EXECUTOR_CPU_LIMIT,
            KARPENTER_EXECUTOR_MEMORY_GIB_LIMIT, KARPENTER_ARCHITECTURES, KARPENTER_AMI_ALIAS, KARPENTER_NODE_DISK_GIB,
            KARPENTER_EXECUTOR_CONSOLIDATE_AFTER_SECONDS,
            LOG_RETENTION_DAYS,
            EMR_NAMESPACE, EMR_RELEASE_LABEL, JOB_ROLE_BINDING, JOB_READ_BUCKETS, GLUE_CATALOG_ACCESS, GLUE_READ_DATABASES, JOB_TEMPLATE, TEAMS,
            STUDIO_AUTH_MODE, STUDIO_ADMIN_USER, STUDIO_USERS, STUDIO_GROUPS, STUDIO_ENDPOINT,
            PROTECT_STATEFUL_RESOURCES,
            COST_REPORTS, COST_ALLOCATION_TAGS, MONTHLY_BUDGET, BUDGET_EMAILS);

    /** The provider key that picks the Region; required, it has no default of ours. */
    public static final String AWS_REGION = "aws:region";

    /** The AWS provider's credentials keys, which the Kubernetes provider's credentials must follow (optional). */
    public static final String AWS_PROFILE = "aws:profile";
    public static final String AWS_ASSUME_ROLE = "aws:assumeRole";

    private ConfigKeys() {
    }
}
