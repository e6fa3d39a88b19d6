package io.bigdatastack.studio;

import io.bigdatastack.iam.AwsScope;
import com.pulumi.core.Output;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link EmrStudio}.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
 */
public final class EmrStudioArgs {

    /** EMR CreateStudio accepts at most five subnets (https://docs.aws.amazon.com/emr/latest/APIReference/API_CreateStudio.html). */
    public static final int MAX_STUDIO_SUBNETS = 5;

    private final Output<String> vpcId;
    private final Output<List<String>> subnetIds;
    private final Output<String> virtualClusterId;
    private final String region;
    private final Output<AwsScope> scope;
    private final StudioAuthMode authMode;
    private final Optional<String> adminUser;
    private final boolean secretAdminUser;
    private final List<StudioMember> users;
    private final List<StudioMember> groups;
    private final List<TeamStudioAccess> teamGroups;
    private final boolean protectStatefulResources;
    private final String project;
    private final String stack;
    private final String namePrefix;
    private final Map<String, String> tags;

    private EmrStudioArgs(Builder b) {
        this.vpcId = Objects.requireNonNull(b.vpcId, "vpcId");
        this.subnetIds = Objects.requireNonNull(b.subnetIds, "subnetIds");
        this.virtualClusterId = Objects.requireNonNull(b.virtualClusterId, "virtualClusterId");
        this.region = Objects.requireNonNull(b.region, "region");
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.authMode = Objects.requireNonNull(b.authMode, "authMode");
        this.adminUser = Objects.requireNonNull(b.adminUser, "adminUser");
        this.secretAdminUser = b.secretAdminUser;
        this.users = List.copyOf(b.users);
        this.groups = List.copyOf(b.groups);
        this.teamGroups = List.copyOf(b.teamGroups);
        this.protectStatefulResources = b.protectStatefulResources;
        this.project = Objects.requireNonNull(b.project, "project");
        this.stack = Objects.requireNonNull(b.stack, "stack");
        this.namePrefix = Objects.requireNonNull(b.namePrefix, "namePrefix");
        this.tags = Map.copyOf(b.tags);
        // StackConfig has refused these already (same StudioRules); asserted here for other callers.
        StudioRules.adminUser(authMode, adminUser.isPresent()).ifPresent(expected -> {
            throw new IllegalArgumentException("adminUser: expected " + expected);
        });
        requireSsoFor("users, groups", users, groups);
        requireBelowAdvanced("user", users);
        requireBelowAdvanced("group", groups);
        requireUnique("user", users, adminUser);
        var allGroups = new java.util.ArrayList<>(groups);
        for (var team : teamGroups) {
            requireSsoFor("team " + team.team() + "'s groups", team.groups());
            requireBelowAdvanced("group", team.groups());
            allGroups.addAll(team.groups());
        }
        requireUnique("group", allGroups, Optional.empty());
    }

    /** Identity Center groups tied to one team each (session policies scoped to that team's virtual cluster). */
    public List<TeamStudioAccess> teamGroups() { return teamGroups; }

    /** Session mappings exist only with SSO ({@link StudioRules#sessionMappings}): members need that mode. */
    @SafeVarargs
    private void requireSsoFor(String what, List<StudioMember>... members) {
        if (java.util.Arrays.stream(members).anyMatch(list -> !list.isEmpty())) {
            StudioRules.sessionMappings(authMode).ifPresent(expected -> {
                throw new IllegalArgumentException(what + ": expected " + expected);
            });
        }
    }

    /** The advanced level belongs to the admin user alone. */
    private static void requireBelowAdvanced(String kind, List<StudioMember> members) {
        for (var member : members) {
            if (member.level() == StudioAccessLevel.advanced) {
                throw new IllegalArgumentException("the advanced level is the admin user's; " + kind + " " + member.name() + " asks for it");
            }
        }
    }

    /** Identity Center names are case-insensitive; EMR allows one session mapping per identity and Studio. */
    private static void requireUnique(String kind, List<StudioMember> members, Optional<String> alsoTaken) {
        var seen = new HashSet<String>();
        alsoTaken.ifPresent(name -> seen.add(StudioRules.identity(name)));
        for (var member : members) {
            if (!seen.add(StudioRules.identity(member.name()))) {
                throw new IllegalArgumentException(kind + " " + member.name() + " is mapped more than once");
            }
        }
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** See {@link Builder#vpcId}. */
    public Output<String> vpcId() { return vpcId; }
    /** See {@link Builder#subnetIds}. */
    public Output<List<String>> subnetIds() { return subnetIds; }
    /** See {@link Builder#virtualClusterId}. */
    public Output<String> virtualClusterId() { return virtualClusterId; }
    /** See {@link Builder#region}. */
    public String region() { return region; }
    /** The stack's partition, Region and account ({@link AwsScope#lookup}), for every ARN the Studio writes. */
    public Output<AwsScope> scope() { return scope; }
    /** See {@link Builder#authMode}. */
    public StudioAuthMode authMode() { return authMode; }
    /** See {@link Builder#adminUser}. */
    public Optional<String> adminUser() { return adminUser; }
    /** See {@link Builder#secretAdminUser}. */
    public boolean secretAdminUser() { return secretAdminUser; }
    /** See {@link Builder#users}. */
    public List<StudioMember> users() { return users; }
    /** See {@link Builder#groups}. */
    public List<StudioMember> groups() { return groups; }
    /** See {@link Builder#protectStatefulResources}. */
    public boolean protectStatefulResources() { return protectStatefulResources; }
    /** See {@link Builder#project}. */
    public String project() { return project; }
    /** See {@link Builder#stack}. */
    public String stack() { return stack; }
    /** See {@link Builder#namePrefix}. */
    public String namePrefix() { return namePrefix; }
    /** See {@link Builder#tags}. */
    public Map<String, String> tags() { return tags; }

    public static final class Builder {
        private Output<String> vpcId;
        private Output<List<String>> subnetIds;
        private Output<String> virtualClusterId;
        private String region;
        private Output<AwsScope> scope;
        private StudioAuthMode authMode = StudioAuthMode.SSO;
        private Optional<String> adminUser = Optional.empty();
        private boolean secretAdminUser;
        private List<StudioMember> users = List.of();
        private List<StudioMember> groups = List.of();
        private List<TeamStudioAccess> teamGroups = List.of();
        private boolean protectStatefulResources;
        private String project;
        private String stack;
        private String namePrefix;
        private Map<String, String> tags = Map.of();

        /**
         * The Studio's VPC ID ({@code vpc-...}); the VPC must carry {@code
         * for-use-with-amazon-emr-managed-policies=true} (Network tags it), as the service role's tag-based statements
         * require. A new VPC replaces the Studio and its security groups.
         */
        public Builder vpcId(Output<String> value) { this.vpcId = value; return this; }
        /**
         * Subnet IDs of the private subnets Workspaces and catalog clusters run in (tagged like the VPC). EMR Studio
         * takes at most {@value EmrStudioArgs#MAX_STUDIO_SUBNETS}; the first five are used. Changing them updates the
         * Studio's subnet list in place.
         */
        public Builder subnetIds(Output<List<String>> value) { this.subnetIds = value; return this; }
        /**
         * This stack's EMR on EKS virtual cluster ID: the session policies' {@code emr-containers} statements name it
         * and its interactive endpoints, not every virtual cluster of the account. A new one updates the policies in
         * place.
         */
        public Builder virtualClusterId(Output<String> value) { this.virtualClusterId = value; return this; }
        /** Region code, e.g. {@code eu-west-1}, for ARNs and the service roles' {@code aws:SourceArn} condition. */
        public Builder region(String value) { this.region = value; return this; }
        /** The stack's partition, Region and account ({@link AwsScope#lookup}), for every ARN the policies name. */
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        /**
         * {@code SSO} (the default: IAM Identity Center, a user role, session policies and session mappings) or {@code
         * IAM} (no user role, no mappings: attach the session policies to IAM principals yourself). Changing it
         * replaces the Studio, losing its Workspaces.
         */
        public Builder authMode(StudioAuthMode value) { this.authMode = value; return this; }
        /**
         * Identity Center user name mapped with the advanced session policy; required with SSO, empty with IAM.
         * Changing it replaces that session mapping.
         */
        public Builder adminUser(Optional<String> value) { this.adminUser = value; return this; }
        /**
         * Whether {@code adminUser} came from a secret config value: its session mapping then carries it as a Pulumi
         * secret.
         */
        public Builder secretAdminUser(boolean value) { this.secretAdminUser = value; return this; }
        /**
         * Further Identity Center users with their level (basic or intermediate); SSO only, a name at most once
         * (case-insensitive). Adding one creates its session mapping, removing one deletes it, changing a level updates
         * it.
         */
        public Builder users(List<StudioMember> value) { this.users = value; return this; }
        /**
         * Further Identity Center groups with their level (basic or intermediate); SSO only, a name at most once
         * (case-insensitive). Adding one creates its session mapping, removing one deletes it, changing a level updates
         * it.
         */
        public Builder groups(List<StudioMember> value) { this.groups = value; return this; }
        /**
         * Identity Center groups tied to one team each, whose session policy reaches only that team's virtual cluster;
         * SSO only. Adding or removing one creates or deletes its mapping and policy.
         */
        public Builder teamGroups(List<TeamStudioAccess> value) { this.teamGroups = value; return this; }
        /**
         * True protects the Studio and its Workspace bucket ({@code protect}, {@code retainOnDelete}); false lets
         * {@code pulumi destroy} delete the bucket with its contents ({@code forceDestroy}). Changing it is an update.
         */
        public Builder protectStatefulResources(boolean value) { this.protectStatefulResources = value; return this; }
        /** Project name, a tag value the catalog clusters carry. Changing it updates the catalog's template. */
        public Builder project(String value) { this.project = value; return this; }
        /** Stack name, a tag value the catalog clusters carry. Changing it updates the catalog's template. */
        public Builder stack(String value) { this.stack = value; return this; }
        /**
         * Prefix of physical names (roles, policies, bucket, Studio), e.g. {@code big-data-stack-dev}. Changing it
         * replaces them, the Studio and its bucket included.
         */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        /**
         * Tags for every taggable resource (the common project/stack/managed-by tags). Changing them updates in place.
         */
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public EmrStudioArgs build() { return new EmrStudioArgs(this); }
    }
}
