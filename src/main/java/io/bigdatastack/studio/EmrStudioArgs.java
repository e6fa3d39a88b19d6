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
 * <ul>
 *   <li>{@code vpcId}: the VPC of the Studio; it must carry {@code for-use-with-amazon-emr-managed-policies=true}
 *       (Network tags it), as the service role's tag-based statements require.</li>
 *   <li>{@code subnetIds}: the private subnets Workspaces and catalog clusters run in (tagged like the VPC). EMR Studio
 *       takes at most five; the first five are used.</li>
 *   <li>{@code virtualClusterId}: this stack's EMR on EKS virtual cluster: the session policies' {@code emr-containers}
 *       statements name it and its interactive endpoints, not every virtual cluster of the account.</li>
 *   <li>{@code region}: the Region, for ARNs and the service roles' {@code aws:SourceArn} condition.</li>
 *   <li>{@code authMode}: {@code SSO} (IAM Identity Center: a user role, session policies and session mappings) or
 *       {@code IAM} (no user role, no mappings: attach the session policies to IAM principals yourself).</li>
 *   <li>{@code adminUser}: Identity Center user mapped with the advanced session policy; required with SSO.
 *       {@code secretAdminUser}: it came from a secret config value, so its session mapping carries it as a secret.</li>
 *   <li>{@code users}, {@code groups}: further Identity Center users and groups with their level (basic or
 *       intermediate); SSO only. A name may appear once per list.</li>
 *   <li>{@code protectStatefulResources}: true protects the Workspace bucket ({@code protect}, {@code retainOnDelete});
 *       false lets {@code pulumi destroy} delete it with its contents ({@code forceDestroy}).</li>
 *   <li>{@code project}, {@code stack}: tag values the catalog clusters carry.</li>
 *   <li>{@code namePrefix}: prefix of physical names, e.g. {@code big-data-stack-dev}.</li>
 *   <li>{@code tags}: tags for every taggable resource (the common project/stack/managed-by tags).</li>
 * </ul>
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
        if (!(users.isEmpty() && groups.isEmpty())) {
            StudioRules.sessionMappings(authMode).ifPresent(expected -> {
                throw new IllegalArgumentException("users, groups: expected " + expected);
            });
        }
        for (var member : users) {
            if (member.level() == StudioAccessLevel.advanced) {
                throw new IllegalArgumentException("the advanced level is the admin user's; user " + member.name() + " asks for it");
            }
        }
        for (var member : groups) {
            if (member.level() == StudioAccessLevel.advanced) {
                throw new IllegalArgumentException("the advanced level is the admin user's; group " + member.name() + " asks for it");
            }
        }
        requireUnique("user", users, adminUser);
        var allGroups = new java.util.ArrayList<>(groups);
        for (var team : teamGroups) {
            if (!team.groups().isEmpty()) {
                StudioRules.sessionMappings(authMode).ifPresent(expected -> {
                    throw new IllegalArgumentException("team " + team.team() + "'s groups: expected " + expected);
                });
            }
            for (var member : team.groups()) {
                if (member.level() == StudioAccessLevel.advanced) {
                    throw new IllegalArgumentException("the advanced level is the admin user's; group " + member.name() + " asks for it");
                }
            }
            allGroups.addAll(team.groups());
        }
        requireUnique("group", allGroups, Optional.empty());
    }

    /** Identity Center groups tied to one team each (session policies scoped to that team's virtual cluster). */
    public List<TeamStudioAccess> teamGroups() { return teamGroups; }

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

    public static Builder builder() {
        return new Builder();
    }

    public Output<String> vpcId() { return vpcId; }
    public Output<List<String>> subnetIds() { return subnetIds; }
    public Output<String> virtualClusterId() { return virtualClusterId; }
    public String region() { return region; }
    /** The stack's partition, Region and account ({@link AwsScope#lookup}), for every ARN the Studio writes. */
    public Output<AwsScope> scope() { return scope; }
    public StudioAuthMode authMode() { return authMode; }
    public Optional<String> adminUser() { return adminUser; }
    public boolean secretAdminUser() { return secretAdminUser; }
    public List<StudioMember> users() { return users; }
    public List<StudioMember> groups() { return groups; }
    public boolean protectStatefulResources() { return protectStatefulResources; }
    public String project() { return project; }
    public String stack() { return stack; }
    public String namePrefix() { return namePrefix; }
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

        public Builder vpcId(Output<String> value) { this.vpcId = value; return this; }
        public Builder subnetIds(Output<List<String>> value) { this.subnetIds = value; return this; }
        public Builder virtualClusterId(Output<String> value) { this.virtualClusterId = value; return this; }
        public Builder region(String value) { this.region = value; return this; }
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        public Builder authMode(StudioAuthMode value) { this.authMode = value; return this; }
        public Builder adminUser(Optional<String> value) { this.adminUser = value; return this; }
        public Builder secretAdminUser(boolean value) { this.secretAdminUser = value; return this; }
        public Builder users(List<StudioMember> value) { this.users = value; return this; }
        public Builder groups(List<StudioMember> value) { this.groups = value; return this; }
        public Builder teamGroups(List<TeamStudioAccess> value) { this.teamGroups = value; return this; }
        public Builder protectStatefulResources(boolean value) { this.protectStatefulResources = value; return this; }
        public Builder project(String value) { this.project = value; return this; }
        public Builder stack(String value) { this.stack = value; return this; }
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        public EmrStudioArgs build() { return new EmrStudioArgs(this); }
    }
}
