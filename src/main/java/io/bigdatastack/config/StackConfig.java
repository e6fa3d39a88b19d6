package io.bigdatastack.config;

import io.bigdatastack.addons.DashboardAccess;
import io.bigdatastack.addons.DashboardKind;
import io.bigdatastack.addons.KarpenterPools;
import io.bigdatastack.addons.KarpenterVersions;
import io.bigdatastack.addons.NodeProvisioner;
import io.bigdatastack.cluster.AwsCredentials;
import io.bigdatastack.cluster.KubernetesVersions;
import io.bigdatastack.cluster.SupportType;
import io.bigdatastack.emr.EmrNames;
import io.bigdatastack.emr.EmrRules;
import io.bigdatastack.emr.JobRoleBinding;
import io.bigdatastack.emr.JobRolePolicies;
import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.iam.PolicyDocument;
import io.bigdatastack.naming.StackNaming;
import io.bigdatastack.aws.AwsRegions;
import io.bigdatastack.network.Ipv4Cidr;
import io.bigdatastack.network.NatStrategy;
import io.bigdatastack.network.SpecialAddressBlocks;
import io.bigdatastack.network.SubnetLayout;
import io.bigdatastack.studio.StudioAuthMode;
import io.bigdatastack.studio.StudioMember;
import io.bigdatastack.studio.StudioRules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.bigdatastack.config.ConfigKeys.*;

/**
 * The whole configuration of one stack: typed, defaulted and validated once, by the same code in {@code pulumi up}
 * and in {@code plan}. Components never read configuration themselves; the composition root builds their Args from
 * this object.
 */
public record StackConfig(
        StackNaming naming,
        String region,
        Network network,
        Cluster cluster,
        NodeGroup baseNodes,
        NodeGroup spotNodes,
        Addons addons,
        int logRetentionDays,
        String emrNamespace,
        Studio studio,
        boolean protectStatefulResources,
        Emr emr,
        StudioOnEks studioOnEks,
        Set<String> secretKeys,
        List<Team> teams,
        Cost cost) {

    /**
     * Keys that may be set with {@code --secret}: their values only ever reach resource inputs and outputs, which
     * carry them as Pulumi secrets. Every other key shapes resource names, URNs, tag keys or counts, which Pulumi
     * cannot keep secret, so a secret there is refused rather than silently written in plain text.
     */
    public static final List<ConfigKey> SECRET_CAPABLE_KEYS = List.of(ENDPOINT_PUBLIC_ACCESS_CIDRS, EKS_ADMIN_ROLE_NAME,
            STUDIO_ADMIN_USER, JOB_READ_BUCKETS);

    public StackConfig {
        secretKeys = Set.copyOf(secretKeys);
    }

    /** Whether {@code key} was set as a secret (then everything derived from it is a secret too). */
    public boolean isSecret(ConfigKey key) {
        return secretKeys.contains(key.name());
    }

    /** Whether {@code aws:profile} or {@code aws:assumeRole} is a secret (the Kubernetes credentials carry them). */
    /** Whether the teams come from the {@code teams} key (not the one default team of today's keys). */
    public boolean teamsConfigured() {
        return teams.get(0).fromTeamsKey();
    }

    public boolean deployerCredentialsSecret() {
        return secretKeys.contains(AWS_PROFILE) || secretKeys.contains(AWS_ASSUME_ROLE);
    }

    /** VPC and subnets; subnet CIDRs are resolved (configured, or carved by {@link SubnetLayout}). */
    public record Network(String vpcCidr, int azCount, NatStrategy natGateways,
                          List<String> publicSubnetCidrs, List<String> privateSubnetCidrs) {
    }

    /** {@code deployerCredentials}: the AWS provider's {@code aws:profile} and {@code aws:assumeRole}, for the Kubernetes provider. */
    public record Cluster(String name, String kubernetesVersion, SupportType supportType, List<String> endpointPublicAccessCidrs,
                          Optional<String> adminRoleName, AwsCredentials deployerCredentials) {
    }

    public record NodeGroup(List<String> instanceTypes, int minSize, int desiredSize, int maxSize, int diskGiB) {
    }

    /**
     * Cluster add-ons. {@code karpenter} holds the Spark pools whenever Karpenter is installed ({@code nodeProvisioner}
     * is {@code karpenter}, or a migration away from it is under way), and is empty otherwise.
     * {@code migration}: the previous provisioner is kept beside the chosen one ({@code nodeProvisionerMigration}).
     */
    public record Addons(DashboardKind dashboard, DashboardAccess dashboardAccess, NodeProvisioner nodeProvisioner,
                         boolean migration, Optional<KarpenterPools> karpenter) {

        /** Whether the Cluster Autoscaler and the spot node group are built. */
        public boolean clusterAutoscaler() {
            return nodeProvisioner == NodeProvisioner.CLUSTER_AUTOSCALER || migration;
        }

        /** Whether Karpenter and its pools are built. */
        public boolean karpenterInstalled() {
            return nodeProvisioner == NodeProvisioner.KARPENTER || migration;
        }
    }

    /** {@code users} and {@code groups} are Identity Center identities with their session policy level (SSO only). */
    public record Studio(StudioAuthMode authMode, Optional<String> adminUser, List<StudioMember> users, List<StudioMember> groups) {
        public Studio {
            users = List.copyOf(users);
            groups = List.copyOf(groups);
        }
    }

    /** EMR on EKS jobs (the namespace is {@link #emrNamespace()}). */
    public record Emr(String releaseLabel, JobRoleBinding jobRoleBinding, List<String> jobReadBuckets, boolean glueCatalogAccess,
                      boolean jobTemplate, List<String> glueReadDatabases) {
        public Emr {
            glueReadDatabases = List.copyOf(glueReadDatabases);
        }
    }

    /**
     * Cost attribution and budgets (io.bigdatastack.cost): the CUR 2.0 export and its query layer, the cost allocation
     * tags, and the platform's own budget (teams carry theirs).
     */
    public record Cost(boolean reports, boolean allocationTags, Optional<java.math.BigDecimal> platformMonthlyBudget,
                       List<String> platformBudgetEmails) {
        public Cost {
            platformBudgetEmails = List.copyOf(platformBudgetEmails);
        }

        /** Whether any budget (the platform's or a team's) is configured. */
        public boolean anyBudget(List<Team> teams) {
            return platformMonthlyBudget.isPresent() || teams.stream().anyMatch(team -> team.monthlyBudget().isPresent());
        }
    }

    public static final int MAX_PHYSICAL_PREFIX = 40;
    public static final int MIN_AZS = 2; // EKS requires subnets in at least two AZs.
    public static final int MIN_DISK_GIB = 20;
    public static final int MAX_DISK_GIB = 16_384;
    /** EKS accepts at most 40 public access CIDR blocks per cluster (EKS service quotas: "Public endpoint access CIDR ranges per cluster"). */
    public static final int MAX_PUBLIC_ACCESS_CIDRS = 40;

    /**
     * Reads and validates every key, judging Kubernetes support windows by today's date (UTC).
     *
     * @throws InvalidConfigException listing every problem at once
     */
    public static StackConfig load(ConfigSource source) {
        return load(source, io.bigdatastack.support.WallClock.get());
    }

    /**
     * Reads and validates every key. {@code clock} decides whether a Kubernetes version has left standard support:
     * deploys need today's answer (a version that ended yesterday is refused by EKS today), while tests pass a fixed
     * clock so that the build does not start failing on a calendar date.
     *
     * @throws InvalidConfigException listing every problem at once
     */
    public static StackConfig load(ConfigSource source, Clock clock) {
        var reader = new ConfigReader(source);
        var naming = new StackNaming(source.project(), source.stack());

        var known = ConfigKeys.ALL.stream().map(reader::qualified).collect(java.util.stream.Collectors.toSet());
        source.qualifiedKeys().stream()
                .filter(key -> key.startsWith(source.project() + ":") && !known.contains(key))
                .sorted()
                .forEach(key -> reader.problem(key + ": unknown key of this project" + ConfigNamespaces.suggestion(key, known)
                        + " (its keys are listed in Pulumi.yaml)"));
        ConfigNamespaces.check(source, known, reader);

        var region = source.get(AWS_REGION).map(String::trim).orElse("");
        var knownRegion = AwsRegions.find(region);
        if (!region.matches("[a-z]{2}-[a-z]+-\\d") || region.startsWith("cn-")) {
            // ARNs of this program use the commercial partition ("aws"); GovCloud and China Regions are not supported.
            reader.problem(AWS_REGION + ": got '" + region + "', expected an AWS Region of the commercial partition such as us-east-1"
                    + " (set it with `pulumi config set aws:region <region>`)");
        } else if (knownRegion.isEmpty()) {
            reader.problem(AWS_REGION + ": got '" + region + "', expected a commercial AWS Region; the Region table (AwsRegions, as of "
                    + AwsRegions.AS_OF + ") lists " + String.join(", ", AwsRegions.names()));
        }

        // IAM role names are at most 64 characters; the longest we derive is <project>-<stack>-eks-cluster plus room for more.
        if (naming.physical("").length() > MAX_PHYSICAL_PREFIX) {
            reader.problem("stack name '" + source.stack() + "' is too long: names derived from '" + naming.physical("")
                    + "' must leave room within IAM's 64-character role names; use a project and stack name of at most "
                    + MAX_PHYSICAL_PREFIX + " characters together");
        }

        var network = readNetwork(reader, knownRegion);
        var cluster = readCluster(reader, naming, LocalDate.now(clock), readDeployerCredentials(reader, source));
        var baseNodes = readNodeGroup(reader, BASE_NODE_INSTANCE_TYPES, BASE_NODE_MIN_SIZE, BASE_NODE_DESIRED_SIZE, BASE_NODE_MAX_SIZE, BASE_NODE_DISK_GIB);
        if (baseNodes.minSize() == 0) {
            // System pods (coredns), the Cluster Autoscaler and Spark drivers live on the on-demand group: at 0 nodes
            // nothing could run the autoscaler that would scale it up again.
            reader.reject(BASE_NODE_MIN_SIZE, 0, "1 or more: the on-demand base group hosts system pods and the Cluster Autoscaler");
        }
        var spotNodes = readNodeGroup(reader, SPOT_NODE_INSTANCE_TYPES, SPOT_NODE_MIN_SIZE, SPOT_NODE_DESIRED_SIZE, SPOT_NODE_MAX_SIZE, SPOT_NODE_DISK_GIB);

        var addons = readAddons(reader);
        if (addons.karpenterInstalled()) {
            KarpenterVersions.check(cluster.kubernetesVersion())
                    .ifPresent(expected -> reader.reject(KUBERNETES_VERSION, cluster.kubernetesVersion(), expected));
        }
        var logRetentionDays = reader.integer(LOG_RETENTION_DAYS);
        reader.check(LOG_RETENTION_DAYS, String.valueOf(logRetentionDays));

        var emrNamespace = reader.string(EMR_NAMESPACE);
        reader.check(EMR_NAMESPACE, emrNamespace);

        var emr = readEmr(reader, naming, region);

        var defaultTeam = new Team(emrNamespace, emrNamespace, Optional.empty(), Optional.empty(), emr.jobReadBuckets(),
                emr.glueCatalogAccess(), List.of(), false, Optional.empty(), List.of(), emr.glueReadDatabases());
        var teams = TeamsReader.read(reader, naming, region, defaultTeam);

        var studio = readStudio(reader);
        TeamsReader.checkStudioGroups(reader, teams, studio.authMode(), studio.groups());
        var protect = reader.bool(PROTECT_STATEFUL_RESOURCES);
        var studioOnEks = StudioOnEks.read(reader, baseNodes, spotNodes, emr);
        var cost = readCost(reader);
        if (cost.reports() || cost.anyBudget(teams)) {
            // The view and the budgets call the shared rest "platform": a team of that name would be indistinguishable.
            for (int i = 0; i < teams.size(); i++) {
                if (teams.get(i).fromTeamsKey() && teams.get(i).name().equals("platform")) {
                    reader.problem(reader.qualified(TEAMS) + "[" + i + "].name: got 'platform', expected another name: with costReports or"
                            + " budgets, 'platform' names the cost no team owns");
                }
            }
        }

        var secretKeys = new java.util.TreeSet<String>();
        for (var key : ConfigKeys.ALL) {
            if (reader.isSecret(key)) {
                if (SECRET_CAPABLE_KEYS.contains(key)) {
                    secretKeys.add(key.name());
                } else {
                    reader.problem(reader.qualified(key) + ": is set as a secret, but its value becomes part of resource names, URNs,"
                            + " tag keys or counts, which Pulumi cannot keep secret; expected it set in plain text (pulumi config set"
                            + " without --secret). Keys that may be secrets: " + SECRET_CAPABLE_KEYS.stream().map(ConfigKey::name)
                            .collect(java.util.stream.Collectors.joining(", ")));
                }
            }
        }
        if (source.isSecret(AWS_REGION)) {
            reader.problem(AWS_REGION + ": is set as a secret, but the Region is part of every ARN and endpoint; expected it in plain text");
        }
        for (var providerKey : List.of(AWS_PROFILE, AWS_ASSUME_ROLE)) {
            if (source.isSecret(providerKey)) {
                secretKeys.add(providerKey);
            }
        }

        if (!reader.problems().isEmpty()) {
            throw new InvalidConfigException(source.stack(), reader.problems());
        }
        return new StackConfig(naming, region, network, cluster, baseNodes, spotNodes, addons, logRetentionDays, emrNamespace, studio, protect, emr,
                studioOnEks, secretKeys, teams, cost);
    }

    /**
     * The platform budget: an amount checked by its key, addresses each checked, at most {@link #MAX_BUDGET_EMAILS}
     * of them, and none without an amount (they would be alerted by nothing).
     */
    private static Cost readCost(ConfigReader reader) {
        var amount = reader.string(MONTHLY_BUDGET);
        var budget = !amount.isEmpty() && reader.check(MONTHLY_BUDGET, amount) ? Optional.of(new java.math.BigDecimal(amount))
                : Optional.<java.math.BigDecimal>empty();
        var emails = reader.list(BUDGET_EMAILS);
        checkBudgetEmails(reader, reader.qualified(BUDGET_EMAILS), emails, !amount.isEmpty(), reader.qualified(MONTHLY_BUDGET));
        return new Cost(reader.bool(COST_REPORTS), reader.bool(COST_ALLOCATION_TAGS), budget, emails);
    }

    /**
     * AWS Budgets takes at most 11 subscribers per notification
     * (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_CreateNotification.html), one of
     * which is the stack's budget topic.
     */
    public static final int MAX_BUDGET_EMAILS = 10;

    /** Each address's syntax, their number, duplicates, and that an amount goes with them; every problem with its path. */
    static void checkBudgetEmails(ConfigReader reader, String path, List<String> emails, boolean hasAmount, String amountPath) {
        var seen = new HashSet<String>();
        for (int i = 0; i < emails.size(); i++) {
            var email = emails.get(i);
            int index = i;
            Validators.emailAddress(email).ifPresent(expected -> reader.problem(path + "[" + index + "]: got '" + email + "', expected " + expected));
            if (!seen.add(email.toLowerCase(java.util.Locale.ROOT))) {
                reader.problem(path + "[" + i + "]: got '" + email + "' twice, expected each address once");
            }
        }
        if (emails.size() > MAX_BUDGET_EMAILS) {
            reader.problem(path + ": got " + emails.size() + " addresses, expected at most " + MAX_BUDGET_EMAILS
                    + " (AWS Budgets allows 11 subscribers per alert, one of which is the stack's budget topic)");
        }
        if (!emails.isEmpty() && !hasAmount) {
            reader.problem(path + ": got " + emails.size() + " address(es) but " + amountPath
                    + " is not set, expected a monthly budget for them to be alerted about");
        }
    }

    private static Network readNetwork(ConfigReader reader, Optional<AwsRegions.Region> region) {
        var vpcCidr = reader.string(VPC_CIDR);
        var azCount = reader.integer(AZ_COUNT);
        var natText = reader.string(NAT_GATEWAYS);
        var publics = reader.list(PUBLIC_SUBNET_CIDRS);
        var privates = reader.list(PRIVATE_SUBNET_CIDRS);

        boolean azCountValid = azCount >= MIN_AZS && azCount <= SubnetLayout.MAX_AZS;
        if (!azCountValid) {
            reader.reject(AZ_COUNT, azCount, "an integer from " + MIN_AZS + " to " + SubnetLayout.MAX_AZS);
        } else if (region.isPresent() && azCount > region.get().eksZoneIds().size()) {
            // EKS needs every subnet in an AZ where it can place the control plane (AwsRegions cites the sources).
            int usable = region.get().eksZoneIds().size();
            reader.reject(AZ_COUNT, azCount, "at most " + usable + ": Region " + region.get().name() + " has " + usable
                    + " Availability Zones where EKS can place a cluster (AwsRegions, as of " + AwsRegions.AS_OF + ")");
            azCountValid = false;
        }
        var nat = reader.check(NAT_GATEWAYS, natText)
                ? NatStrategy.valueOf(natText) : NatStrategy.single;

        if (!reader.check(VPC_CIDR, vpcCidr)) {
            return new Network(vpcCidr, azCount, nat, publics, privates);
        }
        var vpc = Ipv4Cidr.parse(vpcCidr);
        if (vpc.prefix() < 16 || vpc.prefix() > 28) {
            reader.reject(VPC_CIDR, vpcCidr, "a prefix length from /16 to /28 (the VPC sizes AWS allows)");
            return new Network(vpcCidr, azCount, nat, publics, privates);
        }
        var special = SpecialAddressBlocks.overlapping(vpc);
        if (special.isPresent()) {
            reader.reject(VPC_CIDR, vpcCidr, "private (RFC 1918, e.g. 10.0.0.0/16) or ordinary unicast space; it overlaps "
                    + special.get().cidr() + ", " + special.get().purpose());
            return new Network(vpcCidr, azCount, nat, publics, privates);
        }

        if (publics.isEmpty() && privates.isEmpty()) {
            if (vpc.prefix() > SubnetLayout.MAX_VPC_PREFIX) {
                reader.reject(VPC_CIDR, vpcCidr, "/16 to /" + SubnetLayout.MAX_VPC_PREFIX
                        + " when subnets are carved automatically (or set publicSubnetCidrs and privateSubnetCidrs)");
            } else if (azCountValid) {
                var layout = SubnetLayout.carve(vpc, azCount);
                return new Network(vpcCidr, azCount, nat, layout.publicCidrs(), layout.privateCidrs());
            }
            return new Network(vpcCidr, azCount, nat, publics, privates);
        }

        checkSubnets(reader, PUBLIC_SUBNET_CIDRS, publics, azCount, vpc);
        checkSubnets(reader, PRIVATE_SUBNET_CIDRS, privates, azCount, vpc);
        checkNoOverlaps(reader, publics, privates);
        return new Network(vpcCidr, azCount, nat, publics, privates);
    }

    private static void checkSubnets(ConfigReader reader, ConfigKey key, List<String> cidrs, int azCount, Ipv4Cidr vpc) {
        if (cidrs.size() != azCount) {
            reader.reject(key, cidrs, "exactly one CIDR per AZ (" + azCount + "), or leave both subnet lists empty to carve them from vpcCidr");
        }
        for (var text : cidrs) {
            if (!reader.check(key, text)) {
                continue;
            }
            var subnet = Ipv4Cidr.parse(text);
            if (!vpc.contains(subnet)) {
                reader.reject(key, text, "a block inside vpcCidr " + vpc);
            } else if (subnet.prefix() > 28) {
                reader.reject(key, text, "a prefix length of /28 or shorter (the smallest subnet AWS allows)");
            }
        }
    }

    private static void checkNoOverlaps(ConfigReader reader, List<String> publics, List<String> privates) {
        var all = new ArrayList<String>();
        all.addAll(publics);
        all.addAll(privates);
        var parsed = all.stream().filter(Ipv4Cidr::isValid).map(Ipv4Cidr::parse).toList();
        for (int i = 0; i < parsed.size(); i++) {
            for (int j = i + 1; j < parsed.size(); j++) {
                if (parsed.get(i).overlaps(parsed.get(j))) {
                    reader.problem("subnet CIDRs overlap: " + parsed.get(i) + " and " + parsed.get(j)
                            + " (publicSubnetCidrs and privateSubnetCidrs must be disjoint blocks)");
                }
            }
        }
    }

    /**
     * The identity the AWS provider deploys with, from its own keys (https://www.pulumi.com/registry/packages/aws/installation-configuration/):
     * {@code aws:profile}, and {@code aws:assumeRole} (an object whose {@code roleArn} is assumed from the profile's
     * credentials). {@code aws eks get-token} cannot pass an external ID, so a role that needs one is refused here
     * rather than failing every Kubernetes resource Unauthorized mid-deploy.
     */
    private static AwsCredentials readDeployerCredentials(ConfigReader reader, ConfigSource source) {
        var profile = source.get(AWS_PROFILE).map(String::trim).filter(p -> !p.isEmpty());
        profile.filter(p -> !p.matches("[A-Za-z0-9._@+=,-]{1,128}")).ifPresent(p -> reader.problem(AWS_PROFILE + ": got '"
                + (source.isSecret(AWS_PROFILE) ? "[secret]" : p) + "', expected an AWS CLI profile name (letters, digits and ._@+=,-)"));
        Optional<String> roleArn = Optional.empty();
        var assumeRole = source.get(AWS_ASSUME_ROLE).map(String::trim).filter(t -> !t.isEmpty());
        if (assumeRole.isPresent()) {
            try {
                var object = com.google.gson.JsonParser.parseString(assumeRole.get()).getAsJsonObject();
                var arn = object.has("roleArn") && object.get("roleArn").isJsonPrimitive() ? object.get("roleArn").getAsString().trim() : "";
                if (!arn.matches("arn:aws:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}")) {
                    reader.problem(AWS_ASSUME_ROLE + ".roleArn: got '" + (source.isSecret(AWS_ASSUME_ROLE) ? "[secret]" : arn) + "', expected an IAM role ARN such as arn:aws:iam::123456789012:role/deployer");
                } else {
                    roleArn = Optional.of(arn);
                }
                if (object.has("externalId")) {
                    reader.problem(AWS_ASSUME_ROLE + ".externalId: is set, but `aws eks get-token` (the Kubernetes provider's credentials)"
                            + " cannot pass an external ID; expected a role assumable without one, or set aws:profile to a CLI profile"
                            + " that assumes it (role_arn + external_id in ~/.aws/config) instead");
                }
            } catch (RuntimeException e) {
                reader.problem(AWS_ASSUME_ROLE + ": got '" + (source.isSecret(AWS_ASSUME_ROLE) ? "[secret]" : assumeRole.get()) + "', expected an object such as {\"roleArn\": \"arn:aws:iam::123456789012:role/deployer\"}");
            }
        }
        return new AwsCredentials(profile, roleArn);
    }

    private static Cluster readCluster(ConfigReader reader, StackNaming naming, LocalDate today, AwsCredentials deployer) {
        var configuredName = reader.string(CLUSTER_NAME);
        var name = configuredName.isEmpty() ? naming.physical("") : configuredName;
        var expected = Validators.eksClusterName(name);
        if (expected.isPresent()) {
            reader.reject(CLUSTER_NAME, name, expected.get()
                    + (configuredName.isEmpty() ? " (derived from project and stack; set clusterName explicitly)" : ""));
        }

        var supportText = reader.string(KUBERNETES_SUPPORT_TYPE);
        var supportType = reader.check(KUBERNETES_SUPPORT_TYPE, supportText)
                ? SupportType.valueOf(supportText) : SupportType.STANDARD;

        var version = reader.string(KUBERNETES_VERSION);
        if (reader.check(KUBERNETES_VERSION, version)) {
            var row = KubernetesVersions.find(version).orElseThrow();
            if (!row.supported(today)) {
                reader.reject(KUBERNETES_VERSION, version, "a version EKS still supports: " + version + " left extended support on "
                        + row.endOfExtendedSupport() + " (KubernetesVersions; today is " + today + ")");
            } else if (!row.inStandardSupport(today) && supportType == SupportType.STANDARD) {
                // EKS refuses a version past standard support when upgradePolicy.supportType is STANDARD
                // (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html).
                reader.reject(KUBERNETES_VERSION, version, "a version in EKS standard support: " + version + " left it on "
                        + row.endOfStandardSupport() + " (today is " + today + "); choose a newer version, or set "
                        + reader.qualified(KUBERNETES_SUPPORT_TYPE) + " to EXTENDED to run it in extended support"
                        + " (billed at the extended control-plane rate) until " + row.endOfExtendedSupport());
            }
        }

        var publicCidrs = reader.list(ENDPOINT_PUBLIC_ACCESS_CIDRS);
        if (publicCidrs.isEmpty()) {
            reader.reject(ENDPOINT_PUBLIC_ACCESS_CIDRS, publicCidrs, "at least one CIDR allowed to reach the public Kubernetes API endpoint");
        }
        if (publicCidrs.size() > MAX_PUBLIC_ACCESS_CIDRS) {
            reader.reject(ENDPOINT_PUBLIC_ACCESS_CIDRS, publicCidrs.size() + " entries", "at most " + MAX_PUBLIC_ACCESS_CIDRS
                    + " CIDR blocks (the EKS limit per cluster; summarize ranges into larger blocks)");
        }
        reader.checkEach(ENDPOINT_PUBLIC_ACCESS_CIDRS, publicCidrs);

        var adminRole = reader.string(EKS_ADMIN_ROLE_NAME);
        reader.check(EKS_ADMIN_ROLE_NAME, adminRole);
        return new Cluster(name, version, supportType, publicCidrs, adminRole.isEmpty() ? Optional.empty() : Optional.of(adminRole), deployer);
    }

    private static NodeGroup readNodeGroup(ConfigReader reader, ConfigKey typesKey, ConfigKey minKey, ConfigKey desiredKey,
                                           ConfigKey maxKey, ConfigKey diskKey) {
        var types = reader.list(typesKey);
        if (types.isEmpty()) {
            reader.reject(typesKey, types, "at least one EC2 instance type");
        }
        if (reader.checkEach(typesKey, types) && !types.isEmpty()) {
            var expected = Validators.oneArchitecture(types);
            expected.ifPresent(e -> reader.reject(typesKey, types, e));
        }

        int min = reader.integer(minKey);
        int desired = reader.integer(desiredKey);
        int max = reader.integer(maxKey);
        if (min < 0) {
            reader.reject(minKey, min, "0 or more");
        }
        if (max < 1) {
            reader.reject(maxKey, max, "1 or more (a node group cannot have a maximum of 0)");
        }
        if (min > desired || desired > max) {
            reader.problem(reader.qualified(minKey) + " <= " + reader.qualified(desiredKey) + " <= " + reader.qualified(maxKey)
                    + " must hold: got " + min + ", " + desired + ", " + max);
        }
        int disk = reader.integer(diskKey);
        if (disk < MIN_DISK_GIB || disk > MAX_DISK_GIB) {
            reader.reject(diskKey, disk, "a disk size in GiB from " + MIN_DISK_GIB + " to " + MAX_DISK_GIB);
        }
        return new NodeGroup(types, min, desired, max, disk);
    }

    private static Addons readAddons(ConfigReader reader) {
        var dashboardText = reader.string(DASHBOARD);
        var dashboard = reader.check(DASHBOARD, dashboardText)
                ? DashboardKind.valueOf(dashboardText) : DashboardKind.headlamp;
        var accessText = reader.string(DASHBOARD_ACCESS);
        var access = reader.check(DASHBOARD_ACCESS, accessText)
                ? DashboardAccess.valueOf(accessText) : DashboardAccess.readOnly;
        var provisionerText = reader.string(NODE_PROVISIONER);
        var provisioner = reader.check(NODE_PROVISIONER, provisionerText)
                ? NodeProvisioner.parse(provisionerText).orElseThrow() : NodeProvisioner.CLUSTER_AUTOSCALER;
        var pools = readKarpenterPools(reader);
        boolean migration = reader.bool(NODE_PROVISIONER_MIGRATION);
        return new Addons(dashboard, access, provisioner, migration,
                provisioner == NodeProvisioner.KARPENTER || migration ? pools : Optional.empty());
    }

    /** Most Karpenter consolidation delay accepted: past a day an empty executor node is a forgotten bill. */
    public static final int MAX_CONSOLIDATE_AFTER_SECONDS = 86_400;

    /**
     * The Karpenter pool keys, checked whichever provisioner is chosen (a stack can be switched later); empty when one
     * is wrong (the problem is recorded).
     */
    private static Optional<KarpenterPools> readKarpenterPools(ConfigReader reader) {
        int problemsBefore = reader.problems().size();
        var limits = new java.util.LinkedHashMap<ConfigKey, Integer>();
        for (var key : List.of(KARPENTER_DRIVER_CPU_LIMIT, KARPENTER_DRIVER_MEMORY_GIB_LIMIT, KARPENTER_EXECUTOR_CPU_LIMIT,
                KARPENTER_EXECUTOR_MEMORY_GIB_LIMIT)) {
            int value = reader.integer(key);
            if (value < 1) {
                reader.reject(key, value, "a positive integer");
            }
            limits.put(key, value);
        }
        var architectures = reader.list(KARPENTER_ARCHITECTURES);
        if (architectures.isEmpty()) {
            reader.reject(KARPENTER_ARCHITECTURES, architectures, "at least one of " + String.join(", ", KarpenterPools.ARCHITECTURES));
        }
        reader.checkEach(KARPENTER_ARCHITECTURES, architectures);
        var amiAlias = reader.string(KARPENTER_AMI_ALIAS);
        reader.check(KARPENTER_AMI_ALIAS, amiAlias);
        int disk = reader.integer(KARPENTER_NODE_DISK_GIB);
        if (disk < MIN_DISK_GIB || disk > MAX_DISK_GIB) {
            reader.reject(KARPENTER_NODE_DISK_GIB, disk, "a disk size in GiB from " + MIN_DISK_GIB + " to " + MAX_DISK_GIB);
        }
        int consolidateAfter = reader.integer(KARPENTER_EXECUTOR_CONSOLIDATE_AFTER_SECONDS);
        long idle = io.bigdatastack.emr.SparkPlacement.EXECUTOR_IDLE_TIMEOUT.toSeconds();
        if (consolidateAfter <= idle || consolidateAfter > MAX_CONSOLIDATE_AFTER_SECONDS) {
            reader.reject(KARPENTER_EXECUTOR_CONSOLIDATE_AFTER_SECONDS, consolidateAfter, "seconds from " + (idle + 1) + " to "
                    + MAX_CONSOLIDATE_AFTER_SECONDS + ": longer than Spark's executor idle timeout (" + idle
                    + "s), so Spark releases an idle executor before Karpenter takes its node");
        }
        if (reader.problems().size() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new KarpenterPools(limits.get(KARPENTER_DRIVER_CPU_LIMIT), limits.get(KARPENTER_DRIVER_MEMORY_GIB_LIMIT),
                limits.get(KARPENTER_EXECUTOR_CPU_LIMIT), limits.get(KARPENTER_EXECUTOR_MEMORY_GIB_LIMIT),
                architectures.stream().distinct().toList(), amiAlias, disk, java.time.Duration.ofSeconds(consolidateAfter)));
    }

    private static Emr readEmr(ConfigReader reader, StackNaming naming, String region) {
        var releaseLabel = reader.string(EMR_RELEASE_LABEL);
        var labelValid = reader.check(EMR_RELEASE_LABEL, releaseLabel);

        var bindingText = reader.string(JOB_ROLE_BINDING);
        var binding = reader.check(JOB_ROLE_BINDING, bindingText)
                ? JobRoleBinding.valueOf(bindingText) : JobRoleBinding.irsa;
        if (labelValid) {
            EmrRules.jobRoleBindingForRelease(binding, releaseLabel).ifPresent(e -> reader.reject(JOB_ROLE_BINDING, bindingText, e));
        }

        var readBuckets = reader.list(JOB_READ_BUCKETS);
        reader.checkEach(JOB_READ_BUCKETS, readBuckets);
        var glue = reader.bool(GLUE_CATALOG_ACCESS);
        var glueReadDatabases = reader.list(GLUE_READ_DATABASES);
        reader.checkEach(GLUE_READ_DATABASES, glueReadDatabases);
        if (!glue && !glueReadDatabases.isEmpty()) {
            reader.reject(GLUE_READ_DATABASES, glueReadDatabases, "no databases unless glueCatalogAccess is true (jobs without the catalog read none)");
        }

        // The job role's name is fixed up front (its base36 form is in the trust policy), so check it here.
        // (Bucket names need no check: PhysicalNames.bucket turns any stack name into a valid one.)
        var prefix = naming.physical("");
        var roleName = EmrNames.jobRoleName(prefix);
        Validators.iamRoleName(roleName).ifPresent(expected -> reader.problem("job execution role name '" + roleName
                + "' derived from project and stack: expected " + expected + "; use a shorter stack name"));
        var virtualClusterName = EmrNames.virtualClusterName(prefix, reader.string(EMR_NAMESPACE));
        if (virtualClusterName.length() > EmrNames.MAX_VIRTUAL_CLUSTER_NAME) {
            reader.reject(EMR_NAMESPACE, reader.string(EMR_NAMESPACE), "a namespace short enough that the virtual cluster name '"
                    + virtualClusterName + "' fits EMR's " + EmrNames.MAX_VIRTUAL_CLUSTER_NAME + " characters");
        }
        var glueGrant = glue ? Optional.of(new JobRolePolicies.GlueGrant(EmrNames.glueDatabaseName(prefix, Optional.empty()), glueReadDatabases))
                : Optional.<JobRolePolicies.GlueGrant>empty();
        checkJobPolicySize(reader, prefix, readBuckets, glueGrant, region);
        return new Emr(releaseLabel, binding, readBuckets, glue, reader.bool(JOB_TEMPLATE), glueReadDatabases);
    }

    /**
     * The job role's inline policy grows with {@code jobReadBuckets}; IAM refuses it past its size quota only when the
     * role is written, mid-deploy. So the document is built here exactly as EmrOnEks builds it: every ARN has the
     * same length for any account (12 digits), and names derive from project and stack.
     */
    private static void checkJobPolicySize(ConfigReader reader, String prefix, List<String> readBuckets,
                                           Optional<JobRolePolicies.GlueGrant> glue, String region) {
        if (readBuckets.isEmpty() && glue.map(g -> g.readDatabases().isEmpty()).orElse(true)) {
            return;
        }
        var anyAccount = "000000000000";
        var scope = new AwsScope(AwsScope.COMMERCIAL_PARTITION, region, anyAccount);
        var document = JobRolePolicies.permissions(scope.bucketArn(EmrNames.jobBucketName(prefix, anyAccount)), readBuckets,
                scope.arn("logs", "log-group:" + EmrNames.jobLogGroupName(prefix)), glue, scope);
        int size = document.iamSize();
        if (size > PolicyDocument.MAX_ROLE_INLINE_POLICY_CHARACTERS) {
            int databases = glue.map(g -> g.readDatabases().size()).orElse(0);
            reader.reject(JOB_READ_BUCKETS, readBuckets.size() + " buckets" + (databases == 0 ? "" : " and " + databases + " glueReadDatabases"),
                    "a list whose job-role policy fits IAM's "
                    + PolicyDocument.MAX_ROLE_INLINE_POLICY_CHARACTERS + " characters of inline policy per role: it would be "
                    + size + " characters (read from fewer buckets, or share a bucket with prefixes)");
        }
    }

    private static Studio readStudio(ConfigReader reader) {
        var modeText = reader.string(STUDIO_AUTH_MODE);
        var mode = reader.check(STUDIO_AUTH_MODE, modeText)
                ? StudioAuthMode.valueOf(modeText) : StudioAuthMode.SSO;
        var adminUser = reader.string(STUDIO_ADMIN_USER);
        Optional<String> admin = Optional.empty();
        StudioRules.adminUser(mode, !adminUser.isEmpty()).ifPresent(expected -> reader.reject(STUDIO_ADMIN_USER, adminUser,
                expected + " (set it with `pulumi config set studioAdminUser <user>`)"));
        if (!adminUser.isEmpty() && reader.check(STUDIO_ADMIN_USER, adminUser)) {
            admin = Optional.of(adminUser);
        }
        var users = readStudioMembers(reader, STUDIO_USERS, mode, admin);
        var groups = readStudioMembers(reader, STUDIO_GROUPS, mode, Optional.empty());
        return new Studio(mode, admin, users, groups);
    }

    /** Valid entries of a member list; problems for bad entries, duplicates, and any entry outside SSO mode. */
    private static List<StudioMember> readStudioMembers(ConfigReader reader, ConfigKey key, StudioAuthMode mode,
                                                        Optional<String> admin) {
        var entries = reader.list(key);
        if (entries.isEmpty()) {
            return List.of();
        }
        var ssoOnly = StudioRules.sessionMappings(mode);
        if (ssoOnly.isPresent()) {
            reader.reject(key, entries, ssoOnly.get() + "; grant IAM principals the session policies instead");
            return List.of();
        }
        var members = new ArrayList<StudioMember>();
        var seen = new HashSet<String>();
        admin.ifPresent(name -> seen.add(StudioRules.identity(name)));
        for (var entry : entries) {
            if (!reader.check(key, entry)) {
                continue;
            }
            var member = StudioMember.parse(entry);
            if (!seen.add(StudioRules.identity(member.name()))) {
                boolean isAdmin = admin.filter(name -> name.equalsIgnoreCase(member.name())).isPresent();
                reader.reject(key, entry, isAdmin
                        ? "a name other than studioAdminUser (the admin already has the advanced session policy)"
                        : "each name once (Identity Center names are case-insensitive; EMR maps an identity to one session policy)");
                continue;
            }
            members.add(member);
        }
        return members;
    }
}
