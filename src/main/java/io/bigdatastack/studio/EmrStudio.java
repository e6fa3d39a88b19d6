package io.bigdatastack.studio;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.emr.Studio;
import com.pulumi.aws.emr.StudioArgs;
import com.pulumi.aws.emr.StudioSessionMapping;
import com.pulumi.aws.emr.StudioSessionMappingArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.bigdatastack.iam.IamRole;
import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.iam.TrustPolicies;
import io.bigdatastack.protection.Stateful;
import io.bigdatastack.naming.PhysicalNames;
import io.bigdatastack.naming.Tags;
import io.bigdatastack.storage.SecureBucket;
import io.bigdatastack.network.Network;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * An EMR Studio in the private subnets, with everything it needs: engine and Workspace security groups, a hardened
 * bucket for Workspace backups, the service role, and, with IAM Identity Center (SSO) authentication, a user role
 * with three session policies and the session mappings of the admin user and the configured users and groups.
 * A {@link ClusterCatalog} child offers an EMR cluster template users launch from their Workspaces.
 *
 * <p>Set-up follows https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-set-up.html.
 */
public final class EmrStudio extends ComponentResource {

    public static final String TYPE = "bigdata:studio:EmrStudio";
    /** The policy pack finds the Workspace group by this tag (value {@code workspace} or {@code engine}). */
    public static final String STUDIO_SECURITY_GROUP_TAG = "studio-security-group";
    /** Workspaces reach the notebook engine (Jupyter Enterprise Gateway) on the cluster on this port. */
    public static final int NOTEBOOK_ENGINE_PORT = 18888;
    /** Workspaces reach Git repositories over HTTPS. */
    public static final int HTTPS_PORT = 443;
    public static final String EMR_SERVICE_PRINCIPAL = "elasticmapreduce.amazonaws.com";

    private final Output<String> studioId;
    private final Output<String> url;
    private final Output<String> arn;
    private final Output<String> bucketName;
    private final Output<String> engineSecurityGroupId;
    private final Output<String> workspaceSecurityGroupId;
    private final Output<String> serviceRoleArn;
    private final Optional<Output<String>> userRoleArn;
    private final ClusterCatalog catalog;

    public EmrStudio(String name, EmrStudioArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        String base = name + "-studio";
        var groups = securityGroups(base, args);
        // Workspace backups: versioned always (a notebook overwritten by mistake can be recovered).
        var bucket = SecureBucket.create(base + "-bucket", args.scope().applyValue(s -> PhysicalNames.bucket(args.namePrefix(), "studio", s.accountId())),
                true, args.protectStatefulResources(), Stateful.STUDIO_BUCKET, Stateful.STUDIO_BUCKET_SETTINGS,
                Tags.with(args.tags(), "Name", args.namePrefix() + "-studio"), this).bucket();
        var serviceIamRole = serviceRole(base, args, bucket.bucket());
        var serviceRole = serviceIamRole.role();
        Optional<Role> userRole = args.authMode() == StudioAuthMode.SSO ? Optional.of(userRole(base, args)) : Optional.empty();
        this.catalog = catalog(base, args, bucket, userRole);
        var studio = studio(base, args, groups, bucket, serviceRole, userRole, serviceIamRole.grants().get(0));
        Output<Optional<String>> iamModeStudioArn = args.authMode() == StudioAuthMode.IAM
                ? studio.arn().applyValue(Optional::of) : Output.of(Optional.empty());
        var sessionPolicies = new EnumMap<StudioAccessLevel, Policy>(StudioAccessLevel.class);
        for (var level : StudioAccessLevel.values()) {
            sessionPolicies.put(level, sessionPolicy(base + "-session-" + level, args.namePrefix() + "-studio-session-" + level,
                    "EMR Studio " + level + " user session policy", level, args, serviceRole, bucket, iamModeStudioArn, args.virtualClusterId()));
        }
        userRole.ifPresent(role -> mapMembers(base, args, role, studio, sessionPolicies, serviceRole, bucket, iamModeStudioArn));

        this.studioId = studio.id();
        this.url = studio.url();
        this.arn = studio.arn();
        this.bucketName = bucket.bucket();
        this.engineSecurityGroupId = groups.engine().id();
        this.workspaceSecurityGroupId = groups.workspace().id();
        this.serviceRoleArn = serviceRole.arn();
        this.userRoleArn = userRole.map(Role::arn);

        registerOutputs(Map.of(
                "studioId", studioId,
                "url", url,
                "bucketName", bucketName,
                "portfolioId", catalog.portfolioId(),
                "productId", catalog.productId()));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** The engine and Workspace security groups of a Studio. */
    private record StudioSecurityGroups(SecurityGroup engine, SecurityGroup workspace) {
    }

    /**
     * Exactly the rules of https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-security-groups.html. No
     * inline rules: the provider revokes the default allow-all egress of a new group, and standalone rule resources
     * are then the only rules (inline and standalone rules on one group fight each other).
     */
    private StudioSecurityGroups securityGroups(String base, EmrStudioArgs args) {
        var prefix = args.namePrefix();
        var tags = args.tags();
        var emrTags = Tags.with(tags, Network.EMR_MANAGED_POLICIES_TAG, "true");
        var engine = new SecurityGroup(base + "-engine-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .namePrefix(prefix + "-studio-engine-")
                .description("EMR Studio engine - clusters accept Workspace notebook traffic on TCP 18888")
                .tags(Tags.with(emrTags, STUDIO_SECURITY_GROUP_TAG, "engine", "Name", prefix + "-studio-engine"))
                .build(), child());
        var workspace = new SecurityGroup(base + "-workspace-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .namePrefix(prefix + "-studio-workspace-")
                .description("EMR Studio Workspaces - no inbound, TCP 18888 to the engine group and 443 out for Git")
                .tags(Tags.with(emrTags, STUDIO_SECURITY_GROUP_TAG, "workspace", "Name", prefix + "-studio-workspace"))
                .build(), child());
        new SecurityGroupIngressRule(base + "-engine-from-workspace", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(engine.id())
                .referencedSecurityGroupId(workspace.id())
                .ipProtocol("tcp").fromPort(NOTEBOOK_ENGINE_PORT).toPort(NOTEBOOK_ENGINE_PORT)
                .description("Notebook traffic from EMR Studio Workspaces")
                .tags(tags)
                .build(), child());
        new SecurityGroupEgressRule(base + "-workspace-to-engine", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(workspace.id())
                .referencedSecurityGroupId(engine.id())
                .ipProtocol("tcp").fromPort(NOTEBOOK_ENGINE_PORT).toPort(NOTEBOOK_ENGINE_PORT)
                .description("Notebook traffic to the cluster engine")
                .tags(tags)
                .build(), child());
        new SecurityGroupEgressRule(base + "-workspace-https", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(workspace.id())
                .cidrIpv4("0.0.0.0/0")
                .ipProtocol("tcp").fromPort(HTTPS_PORT).toPort(HTTPS_PORT)
                .description("HTTPS to Git repositories linked to Workspaces")
                .tags(tags)
                .build(), child());
        return new StudioSecurityGroups(engine, workspace);
    }

    /** The Studio service role (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-service-role.html). */
    private IamRole serviceRole(String base, EmrStudioArgs args, Output<String> bucket) {
        var scope = args.scope();
        return IamRole.builder(base + "-service-role", PhysicalNames.role(args.namePrefix(), "studio-service"), this)
                .description("EMR Studio service role: Workspace networking, Git secrets, Workspace backups")
                .trust(scope.applyValue(s -> TrustPolicies.serviceOnBehalfOfAccount(
                        EMR_SERVICE_PRINCIPAL, s.accountId(), s.anyResourceOf("elasticmapreduce")).toJson()))
                .tags(args.tags())
                .inlinePolicy(base + "-service-policy", "emr-studio-service", Output.tuple(scope, args.vpcId(), bucket)
                        .applyValue(t -> StudioPolicies.studioServiceRole(t.t1, t.t2, t.t3).toJson()))
                .build();
    }

    /** SSO only: Studio assumes the user role for every user, narrowed by the user's session policy. */
    private Role userRole(String base, EmrStudioArgs args) {
        return IamRole.builder(base + "-user-role", PhysicalNames.role(args.namePrefix(), "studio-user"), this)
                .description("EMR Studio user role; each user's session policy narrows it")
                .trust(args.scope().applyValue(s -> TrustPolicies.serviceOnBehalfOfAccount(
                        EMR_SERVICE_PRINCIPAL, s.accountId(), s.anyResourceOf("elasticmapreduce"),
                        "sts:AssumeRole", "sts:SetContext").toJson()))
                .tags(args.tags())
                .build().role();
    }

    /** The cluster templates users launch from a Workspace. */
    private ClusterCatalog catalog(String base, EmrStudioArgs args, BucketV2 bucket, Optional<Role> userRole) {
        return new ClusterCatalog(base + "-catalog", ClusterCatalogArgs.builder()
                .scope(args.scope())
                .bucketName(bucket.bucket())
                .bucketRegionalDomainName(bucket.bucketRegionalDomainName())
                .subnetIds(args.subnetIds())
                .portfolioPrincipalArn(userRole.map(Role::arn))
                .project(args.project())
                .stack(args.stack())
                .namePrefix(args.namePrefix())
                .tags(args.tags())
                .build(), ComponentResourceOptions.builder().parent(this).build());
    }

    /** The Studio itself, after its service role's policy (Studio checks the role's permissions at creation). */
    private Studio studio(String base, EmrStudioArgs args, StudioSecurityGroups groups, BucketV2 bucket,
                          Role serviceRole, Optional<Role> userRole, com.pulumi.resources.Resource servicePolicy) {
        var prefix = args.namePrefix();
        var studioArgs = StudioArgs.builder()
                .name(PhysicalNames.fit(prefix.replaceAll("[^A-Za-z0-9_-]", "-") + "-studio", 256))
                .description("EMR Studio of " + prefix)
                .authMode(args.authMode().name())
                .vpcId(args.vpcId())
                .subnetIds(args.subnetIds().applyValue(ids -> ids.subList(0, Math.min(EmrStudioArgs.MAX_STUDIO_SUBNETS, ids.size()))))
                .serviceRole(serviceRole.arn())
                .engineSecurityGroupId(groups.engine().id())
                .workspaceSecurityGroupId(groups.workspace().id())
                .defaultS3Location(bucket.bucket().applyValue(b -> "s3://" + b + "/" + StudioPolicies.WORKSPACES_PREFIX.replaceAll("/$", "")))
                .tags(args.tags());
        userRole.ifPresent(role -> studioArgs.userRole(role.arn()));
        return new Studio(base, studioArgs.build(),
                Stateful.STUDIO.options(args.protectStatefulResources(), this).dependsOn(servicePolicy).build());
    }

    /** One customer managed session policy of {@code level}, reaching {@code virtualClusterId}'s interactive endpoints. */
    private Policy sessionPolicy(String logicalName, String physicalName, String description, StudioAccessLevel level,
                                 EmrStudioArgs args, Role serviceRole, BucketV2 bucket,
                                 Output<Optional<String>> iamModeStudioArn, Output<String> virtualClusterId) {
        return new Policy(logicalName, PolicyArgs.builder()
                .name(PhysicalNames.fit(physicalName, PhysicalNames.IAM_POLICY_NAME_MAX))
                .description(description)
                .policy(Output.tuple(args.scope(), serviceRole.arn(), bucket.bucket(), catalog.productArn(),
                                catalog.clusterServiceRoleArn(), catalog.clusterInstanceRoleArn(), iamModeStudioArn, virtualClusterId)
                        .applyValue(t -> StudioPolicies.session(level, t.t1,
                                new StudioPolicies.SessionGrants(t.t2, t.t3, t.t4, t.t5, t.t6, t.t7, t.t8)).toJson()))
                .tags(args.tags())
                .build(), child());
    }

    /**
     * SSO: attaches the session policies to the user role and maps the admin, users and groups to one each; groups
     * tied to a team get the same levels with the team's virtual cluster in place of the stack's first one. The user
     * role must carry those policies too (a session policy only narrows the role's permissions,
     * https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-user-permissions.html).
     */
    private void mapMembers(String base, EmrStudioArgs args, Role role, Studio studio, Map<StudioAccessLevel, Policy> sessionPolicies,
                            Role serviceRole, BucketV2 bucket, Output<Optional<String>> iamModeStudioArn) {
        var attachments = new EnumMap<StudioAccessLevel, RolePolicyAttachment>(StudioAccessLevel.class);
        for (var level : StudioAccessLevel.values()) {
            attachments.put(level, new RolePolicyAttachment(base + "-user-role-" + level, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(sessionPolicies.get(level).arn())
                    .build(), child()));
        }
        // Every name is looked up first: a typo fails `pulumi preview`, not the mapping after the cluster exists.
        var identityCenter = new IdentityCenterLookup(InvokeOptions.builder().parent(this).build(), args.region());
        args.adminUser().ifPresent(admin -> sessionMapping(base + "-admin", "USER",
                args.secretAdminUser() ? identityCenter.user("studioAdminUser", admin, IdentityCenterLookup.SECRET_MASK).asSecret()
                        : identityCenter.user("studioAdminUser", admin),
                new StudioMember(admin, StudioAccessLevel.advanced), studio, sessionPolicies, attachments));
        for (var user : args.users()) {
            sessionMapping(base + "-user-" + logicalName(user.name()), "USER", identityCenter.user("studioUsers", user.name()),
                    user, studio, sessionPolicies, attachments);
        }
        for (var group : args.groups()) {
            sessionMapping(base + "-group-" + logicalName(group.name()), "GROUP", identityCenter.group("studioGroups", group.name()),
                    group, studio, sessionPolicies, attachments);
        }
        for (var team : args.teamGroups()) {
            var teamPolicies = new EnumMap<StudioAccessLevel, Policy>(StudioAccessLevel.class);
            var teamAttachments = new EnumMap<StudioAccessLevel, RolePolicyAttachment>(StudioAccessLevel.class);
            team.groups().stream().map(StudioMember::level).distinct().sorted().forEach(level -> {
                var policy = sessionPolicy(base + "-session-" + team.team() + "-" + level, args.namePrefix() + "-studio-" + team.team() + "-" + level,
                        "EMR Studio " + level + " session policy of team " + team.team(), level, args, serviceRole, bucket,
                        iamModeStudioArn, team.virtualClusterId());
                teamPolicies.put(level, policy);
                teamAttachments.put(level, new RolePolicyAttachment(base + "-user-role-" + team.team() + "-" + level,
                        RolePolicyAttachmentArgs.builder().role(role.name()).policyArn(policy.arn()).build(), child()));
            });
            for (var group : team.groups()) {
                sessionMapping(base + "-team-" + team.team() + "-group-" + logicalName(group.name()), "GROUP",
                        identityCenter.group("teams", group.name()), group, studio, teamPolicies, teamAttachments);
            }
        }
    }

    /** {@code confirmedName}: the member's name, resolved only once the Identity Store has found it. */
    private void sessionMapping(String logicalName, String identityType, Output<String> confirmedName, StudioMember member, Studio studio,
                                Map<StudioAccessLevel, Policy> policies, Map<StudioAccessLevel, RolePolicyAttachment> attachments) {
        new StudioSessionMapping(logicalName, StudioSessionMappingArgs.builder()
                .studioId(studio.id())
                .identityType(identityType)
                .identityName(confirmedName)
                .sessionPolicyArn(policies.get(member.level()).arn())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(attachments.get(member.level())).build());
    }

    /**
     * Identity names (e-mail-like users, group display names with spaces) made safe for a logical name; a hash of the
     * original keeps two names that differ only in replaced characters apart.
     */
    static String logicalName(String identityName) {
        String safe = identityName.replaceAll("[^A-Za-z0-9._@+=,-]", "-");
        if (safe.equals(identityName)) {
            return safe;
        }
        return safe + "-" + ClusterTemplate.shortHash(identityName).substring(0, 6);
    }

    /** The Studio's ID ({@code es-...}). */
    public Output<String> studioId() { return studioId; }

    /** Where users sign in: {@code https://<es-id>.emrstudio-prod.<region>.amazonaws.com}. */
    public Output<String> url() { return url; }

    /** The Studio's ARN. */
    public Output<String> arn() { return arn; }

    /** The Workspace backup bucket (also holds the cluster template and catalog cluster logs). */
    public Output<String> bucketName() { return bucketName; }

    /** The engine security group (clusters Workspaces attach to). */
    public Output<String> engineSecurityGroupId() { return engineSecurityGroupId; }

    /** The Workspace security group. */
    public Output<String> workspaceSecurityGroupId() { return workspaceSecurityGroupId; }

    /** The Studio service role. */
    public Output<String> serviceRoleArn() { return serviceRoleArn; }

    /** The user role, with SSO authentication only. */
    public Optional<Output<String>> userRoleArn() { return userRoleArn; }

    /** The cluster template catalog. */
    public ClusterCatalog catalog() { return catalog; }
}
