package io.bigdatastack.config;

import java.util.List;

/**
 * Every key of ours, with its default. The descriptions live in Pulumi.yaml (and the README's configuration
 * reference), next to the defaults a user reads first.
 */
public final class ConfigKeys {

    // Network
    public static final ConfigKey VPC_CIDR = ConfigKey.string("vpcCidr", "10.0.0.0/16");
    public static final ConfigKey AZ_COUNT = ConfigKey.integer("azCount", 3);
    public static final ConfigKey NAT_GATEWAYS = ConfigKey.string("natGateways", "single");
    public static final ConfigKey PUBLIC_SUBNET_CIDRS = ConfigKey.array("publicSubnetCidrs", List.of());
    public static final ConfigKey PRIVATE_SUBNET_CIDRS = ConfigKey.array("privateSubnetCidrs", List.of());

    // EKS cluster
    public static final ConfigKey CLUSTER_NAME = ConfigKey.string("clusterName", "");
    public static final ConfigKey KUBERNETES_VERSION = ConfigKey.string("kubernetesVersion", "1.35");
    public static final ConfigKey KUBERNETES_SUPPORT_TYPE = ConfigKey.string("kubernetesSupportType", "STANDARD");
    public static final ConfigKey ENDPOINT_PUBLIC_ACCESS_CIDRS = ConfigKey.array("endpointPublicAccessCidrs", List.of("0.0.0.0/0"));
    public static final ConfigKey EKS_ADMIN_ROLE_NAME = ConfigKey.string("eksAdminRoleName", "");

    // Node groups: "base" is on-demand (drivers, system pods), "spot" takes executors.
    public static final ConfigKey BASE_NODE_INSTANCE_TYPES = ConfigKey.array("baseNodeInstanceTypes", List.of("m5.xlarge"));
    public static final ConfigKey BASE_NODE_MIN_SIZE = ConfigKey.integer("baseNodeMinSize", 1);
    public static final ConfigKey BASE_NODE_DESIRED_SIZE = ConfigKey.integer("baseNodeDesiredSize", 1);
    public static final ConfigKey BASE_NODE_MAX_SIZE = ConfigKey.integer("baseNodeMaxSize", 20);
    public static final ConfigKey BASE_NODE_DISK_GIB = ConfigKey.integer("baseNodeDiskGiB", 50);
    public static final ConfigKey SPOT_NODE_INSTANCE_TYPES =
            ConfigKey.array("spotNodeInstanceTypes", List.of("c5.2xlarge", "c5a.2xlarge", "c6i.2xlarge"));
    public static final ConfigKey SPOT_NODE_MIN_SIZE = ConfigKey.integer("spotNodeMinSize", 1);
    public static final ConfigKey SPOT_NODE_DESIRED_SIZE = ConfigKey.integer("spotNodeDesiredSize", 1);
    public static final ConfigKey SPOT_NODE_MAX_SIZE = ConfigKey.integer("spotNodeMaxSize", 20);
    public static final ConfigKey SPOT_NODE_DISK_GIB = ConfigKey.integer("spotNodeDiskGiB", 50);

    // Cluster add-ons
    public static final ConfigKey DASHBOARD = ConfigKey.string("dashboard", "headlamp");
    public static final ConfigKey DASHBOARD_ACCESS = ConfigKey.string("dashboardAccess", "readOnly");
    public static final ConfigKey LOAD_BALANCER_CONTROLLER = ConfigKey.bool("loadBalancerController", false);

    // Logs
    public static final ConfigKey LOG_RETENTION_DAYS = ConfigKey.integer("logRetentionDays", 30);

    // EMR on EKS
    public static final ConfigKey EMR_NAMESPACE = ConfigKey.string("emrNamespace", "emr-jobs");
    public static final ConfigKey EMR_RELEASE_LABEL = ConfigKey.string("emrReleaseLabel", "emr-7.13.0-latest");
    public static final ConfigKey JOB_ROLE_BINDING = ConfigKey.string("jobRoleBinding", "irsa");
    public static final ConfigKey JOB_READ_BUCKETS = ConfigKey.array("jobReadBuckets", List.of());
    public static final ConfigKey GLUE_CATALOG_ACCESS = ConfigKey.bool("glueCatalogAccess", false);
    // AWS::EMRContainers::JobTemplate is a recent CloudFormation type: a Region without it can turn the template off.
    public static final ConfigKey JOB_TEMPLATE = ConfigKey.bool("jobTemplate", true);
    // Data teams: a list of maps (name, cpuQuota, memoryQuota, readBuckets, glueCatalogAccess, studioGroups); unset =
    // one team from emrNamespace, jobReadBuckets and glueCatalogAccess.
    public static final ConfigKey TEAMS = ConfigKey.structured("teams");

    // EMR Studio
    public static final ConfigKey STUDIO_AUTH_MODE = ConfigKey.string("studioAuthMode", "SSO");
    public static final ConfigKey STUDIO_ADMIN_USER = ConfigKey.string("studioAdminUser", "");
    // Entries "<name>" (basic) or "<name>:<level>" (basic | intermediate); SSO only.
    public static final ConfigKey STUDIO_USERS = ConfigKey.array("studioUsers", List.of());
    public static final ConfigKey STUDIO_GROUPS = ConfigKey.array("studioGroups", List.of());
    // The interactive endpoint Studio Workspaces attach to, on the EMR virtual cluster (needs the LB controller).
    public static final ConfigKey STUDIO_ENDPOINT = ConfigKey.bool("studioEndpoint", false);

    // Data lifecycle
    public static final ConfigKey PROTECT_STATEFUL_RESOURCES = ConfigKey.bool("protectStatefulResources", false);

    public static final List<ConfigKey> ALL = List.of(
            VPC_CIDR, AZ_COUNT, NAT_GATEWAYS, PUBLIC_SUBNET_CIDRS, PRIVATE_SUBNET_CIDRS,
            CLUSTER_NAME, KUBERNETES_VERSION, KUBERNETES_SUPPORT_TYPE, ENDPOINT_PUBLIC_ACCESS_CIDRS, EKS_ADMIN_ROLE_NAME,
            BASE_NODE_INSTANCE_TYPES, BASE_NODE_MIN_SIZE, BASE_NODE_DESIRED_SIZE, BASE_NODE_MAX_SIZE, BASE_NODE_DISK_GIB,
            SPOT_NODE_INSTANCE_TYPES, SPOT_NODE_MIN_SIZE, SPOT_NODE_DESIRED_SIZE, SPOT_NODE_MAX_SIZE, SPOT_NODE_DISK_GIB,
            DASHBOARD, DASHBOARD_ACCESS, LOAD_BALANCER_CONTROLLER,
            LOG_RETENTION_DAYS,
            EMR_NAMESPACE, EMR_RELEASE_LABEL, JOB_ROLE_BINDING, JOB_READ_BUCKETS, GLUE_CATALOG_ACCESS, JOB_TEMPLATE, TEAMS,
            STUDIO_AUTH_MODE, STUDIO_ADMIN_USER, STUDIO_USERS, STUDIO_GROUPS, STUDIO_ENDPOINT,
            PROTECT_STATEFUL_RESOURCES);

    /** The provider key that picks the Region; required, it has no default of ours. */
    public static final String AWS_REGION = "aws:region";

    /** The AWS provider's credentials keys, which the Kubernetes provider's credentials must follow (optional). */
    public static final String AWS_PROFILE = "aws:profile";
    public static final String AWS_ASSUME_ROLE = "aws:assumeRole";

    private ConfigKeys() {
    }
}
