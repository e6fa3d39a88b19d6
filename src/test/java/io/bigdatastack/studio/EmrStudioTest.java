package io.bigdatastack.studio;

import com.google.gson.JsonObject;
import com.pulumi.core.Output;
import io.bigdatastack.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.bigdatastack.studio.StudioPlans.ACCOUNT;
import static io.bigdatastack.studio.StudioPlans.COMMON_TAGS;
import static io.bigdatastack.studio.StudioPlans.PRIVATE_SUBNETS;
import static io.bigdatastack.studio.StudioPlans.REGION;
import static io.bigdatastack.studio.StudioPlans.actions;
import static io.bigdatastack.studio.StudioPlans.document;
import static io.bigdatastack.studio.StudioPlans.plan;
import static io.bigdatastack.studio.StudioPlans.resources;
import static io.bigdatastack.studio.StudioPlans.statement;
import static io.bigdatastack.studio.StudioPlans.statements;
import static io.bigdatastack.studio.StudioPlans.studio;
import static io.bigdatastack.studio.StudioPlans.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmrStudioTest {

    private static final String SG = "aws:ec2/securityGroup:SecurityGroup";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String ROLE = "aws:iam/role:Role";
    private static final String POLICY = "aws:iam/policy:Policy";
    private static final String MAPPING = "aws:emr/studioSessionMapping:StudioSessionMapping";
    private static final String EMR_TAG = "for-use-with-amazon-emr-managed-policies";

    // --- Security groups ---

    @Test
    void securityGroupsHaveExactlyAwsRules() {
        var plan = plan();
        var studio = studio(plan);
        String engineId = studio.inputString("engineSecurityGroupId");
        String workspaceId = studio.inputString("workspaceSecurityGroupId");
        for (var group : plan.ofType(SG)) {
            assertTrue(group.input("ingress").isEmpty() && group.input("egress").isEmpty(),
                    group.name() + " must have no inline rules: " + group.inputs());
            assertEquals("vpc-0studio", group.inputString("vpcId"));
        }

        var ingress = plan.ofType(INGRESS);
        assertEquals(1, ingress.size(), "only the engine group accepts traffic");
        var engineIn = ingress.get(0);
        assertEquals(engineId, engineIn.inputString("securityGroupId"));
        assertEquals(workspaceId, engineIn.inputString("referencedSecurityGroupId"));
        assertTcpPort(engineIn, 18888);
        assertTrue(engineIn.input("cidrIpv4").isEmpty() && engineIn.input("cidrIpv6").isEmpty());

        var egress = plan.ofType(EGRESS);
        assertEquals(2, egress.size());
        assertTrue(egress.stream().allMatch(r -> r.inputString("securityGroupId").equals(workspaceId)), "engine group has no outbound rules");
        var toEngine = plan.named("test-studio-workspace-to-engine");
        assertEquals(engineId, toEngine.inputString("referencedSecurityGroupId"));
        assertTcpPort(toEngine, 18888);
        var https = plan.named("test-studio-workspace-https");
        assertEquals("0.0.0.0/0", https.inputString("cidrIpv4"));
        assertTcpPort(https, 443);
    }

    @Test
    void rulesDependOnTheGroupsTheyConnect() {
        var plan = plan();
        var engine = plan.named("test-studio-engine-sg").urn();
        var workspace = plan.named("test-studio-workspace-sg").urn();
        assertTrue(plan.named("test-studio-engine-from-workspace").dependencies().containsAll(List.of(engine, workspace)));
        assertTrue(plan.named("test-studio-workspace-to-engine").dependencies().containsAll(List.of(engine, workspace)));
        assertEquals(List.of(workspace), plan.named("test-studio-workspace-https").dependencies());
    }

    @Test
    void securityGroupsCarryTheEmrAndStudioRoleTags() {
        var plan = plan();
        var engine = tags(plan.named("test-studio-engine-sg"));
        var workspace = tags(plan.named("test-studio-workspace-sg"));
        assertEquals("true", engine.get(EMR_TAG));
        assertEquals("true", workspace.get(EMR_TAG));
        assertEquals("engine", engine.get(EmrStudio.STUDIO_SECURITY_GROUP_TAG));
        assertEquals("workspace", workspace.get(EmrStudio.STUDIO_SECURITY_GROUP_TAG));
    }

    @Test
    void everyTaggableResourceCarriesTheCommonTags() {
        var taggable = Set.of(SG, INGRESS, EGRESS, ROLE, POLICY, "aws:iam/instanceProfile:InstanceProfile",
                "aws:s3/bucketV2:BucketV2", "aws:s3/bucketObjectv2:BucketObjectv2", "aws:emr/studio:Studio",
                "aws:servicecatalog/portfolio:Portfolio", "aws:servicecatalog/product:Product");
        int checked = 0;
        for (var r : plan().resources()) {
            if (taggable.contains(r.type())) {
                assertTrue(tags(r).entrySet().containsAll(COMMON_TAGS.entrySet()), r.urn() + " tags " + tags(r));
                checked++;
            }
        }
        // 2 groups, 3 rules, 5 roles, 3 session policies, 1 instance profile, bucket, template, Studio, portfolio, product.
        assertEquals(2 + 3 + 5 + 3 + 1 + 1 + 1 + 1 + 1 + 1, checked);
    }

    // --- Bucket ---

    @Test
    void bucketIsPrivateEncryptedVersionedAndTlsOnly() {
        var plan = plan();
        var bucket = plan.one("aws:s3/bucketV2:BucketV2");
        String name = bucket.inputString("bucket");
        assertEquals("big-data-stack-test-studio-" + ACCOUNT, name);
        assertTrue(name.length() <= 63 && name.equals(name.toLowerCase()), name);

        var block = plan.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        for (var flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertTrue(block.input(flag).orElseThrow().getAsBoolean(), flag);
        }
        var encryption = plan.one("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        var rule = encryption.input("rules").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertTrue(Set.of("AES256", "aws:kms").contains(
                rule.getAsJsonObject("applyServerSideEncryptionByDefault").get("sseAlgorithm").getAsString()));
        assertEquals("Enabled", plan.one("aws:s3/bucketVersioningV2:BucketVersioningV2").inputString("versioningConfiguration.status"));

        var policy = plan.one("aws:s3/bucketPolicy:BucketPolicy");
        var deny = statement(document(policy, "policy"), "DenyInsecureTransport");
        assertEquals("Deny", deny.get("Effect").getAsString());
        assertEquals(List.of("s3:*"), actions(deny));
        assertEquals(List.of("arn:aws:s3:::" + name, "arn:aws:s3:::" + name + "/*"), resources(deny));
        assertEquals("false", deny.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport").getAsString());
        for (var config : List.of(block, encryption, policy, plan.one("aws:s3/bucketVersioningV2:BucketVersioningV2"))) {
            assertEquals(name, config.inputString("bucket"));
            assertTrue(config.dependencies().contains(bucket.urn()), config.name());
        }
        assertTrue(policy.dependencies().contains(block.urn()), "policy after the public access block");
    }

    @Test
    void bucketIsDestroyableWhenStatefulResourcesAreNotProtected() {
        var bucket = plan(b -> b.protectStatefulResources(false)).one("aws:s3/bucketV2:BucketV2");
        assertTrue(bucket.input("forceDestroy").orElseThrow().getAsBoolean());
        assertFalse(bucket.options().protect());
        assertFalse(bucket.options().retainOnDelete());
    }

    @Test
    void bucketIsProtectedAndRetainedWhenStatefulResourcesAreProtected() {
        var bucket = plan(b -> b.protectStatefulResources(true)).one("aws:s3/bucketV2:BucketV2");
        assertFalse(bucket.input("forceDestroy").orElseThrow().getAsBoolean());
        assertTrue(bucket.options().protect());
        assertTrue(bucket.options().retainOnDelete());
    }

    // --- Roles ---

    @Test
    void serviceRoleTrustsEmrOnBehalfOfThisAccountOnly() {
        var trust = statements(document(plan().named("test-studio-service-role"), "assumeRolePolicy"));
        assertEquals(1, trust.size());
        assertEmrTrust(trust.get(0), List.of("sts:AssumeRole"));
    }

    @Test
    void userRoleTrustsEmrWithTheSameConditionsAndMaySetContext() {
        var trust = statements(document(plan().named("test-studio-user-role"), "assumeRolePolicy"));
        assertEquals(1, trust.size());
        assertEmrTrust(trust.get(0), List.of("sts:AssumeRole", "sts:SetContext"));
    }

    @Test
    void servicePolicyFollowsAwsSampleAndScopesS3ToTheStudioBucket() {
        var plan = plan();
        var policy = document(plan.named("test-studio-service-policy"), "policy");
        String bucket = "big-data-stack-test-studio-" + ACCOUNT;
        var sids = statements(policy).stream().map(s -> s.get("Sid").getAsString()).collect(Collectors.toSet());
        assertTrue(sids.containsAll(Set.of("AllowEMRReadOnlyActions", "AllowEC2ENIActionsWithEMRTags", "AllowEC2ENIAttributeAction",
                "AllowEC2SecurityGroupActionsWithEMRTags", "AllowAddingEMRTagsDuringDefaultSecurityGroupCreation",
                "AllowEC2ENICreationWithEMRTags", "AllowEC2ENICreationInSubnetAndSecurityGroupWithEMRTags",
                "AllowAddingTagsDuringEC2ENICreation", "AllowEC2ReadOnlyActions", "AllowSecretsManagerReadOnlyActionsWithEMRTags")), sids.toString());
        for (var s : statements(policy)) {
            if (actions(s).stream().anyMatch(a -> a.startsWith("s3:"))) {
                assertTrue(resources(s).stream().allMatch(r -> r.startsWith("arn:aws:s3:::" + bucket)), s.toString());
            }
        }
        assertEquals(List.of("arn:aws:s3:::" + bucket + "/workspaces/*"), resources(statement(policy, "BackUpWorkspaces")));
        assertEquals(List.of("arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":vpc/vpc-0studio"),
                resources(statement(policy, "AllowDefaultEC2SecurityGroupsCreationInVPCWithEMRTags")));
        var eniCreation = statement(policy, "AllowEC2ENICreationWithEMRTags");
        assertEquals("true", eniCreation.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("aws:RequestTag/" + EMR_TAG).getAsString());
    }

    @Test
    void noIdentityPolicyAllowsWildcardActionsOrFullAccess() {
        for (var plan : List.of(plan(), plan(b -> b.authMode(StudioAuthMode.IAM)))) {
            for (var r : plan.resources()) {
                for (var input : List.of("policy", "assumeRolePolicy")) {
                    if (r.type().equals("aws:s3/bucketPolicy:BucketPolicy") || r.input(input).isEmpty()) {
                        continue;
                    }
                    for (var s : statements(document(r, input))) {
                        if (!s.get("Effect").getAsString().equals("Allow")) {
                            continue;
                        }
                        for (var action : actions(s)) {
                            assertFalse(action.equals("*") || action.endsWith(":*"), r.name() + " allows " + action);
                            assertTrue(action.matches("[a-z0-9-]+:[A-Za-z0-9]+"), r.name() + ": " + action + " is not <service>:<Action>");
                        }
                        assertFalse(s.has("NotAction"), r.name());
                    }
                }
                r.input("policyArn").ifPresent(arn -> assertFalse(arn.getAsString().contains("FullAccess"), r.name() + " " + arn));
            }
        }
    }

    // --- Studio, session policies and mappings ---

    @Test
    void studioUsesThePrivateSubnetsGroupsRolesAndBucket() {
        var plan = plan();
        var studio = studio(plan);
        assertEquals("SSO", studio.inputString("authMode"));
        assertEquals("vpc-0studio", studio.inputString("vpcId"));
        assertEquals(PRIVATE_SUBNETS, studio.input("subnetIds").orElseThrow().getAsJsonArray().asList().stream().map(e -> e.getAsString()).toList());
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/big-data-stack-test-studio-service", studio.inputString("serviceRole"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/big-data-stack-test-studio-user", studio.inputString("userRole"));
        assertEquals("s3://big-data-stack-test-studio-" + ACCOUNT + "/workspaces", studio.inputString("defaultS3Location"));
        assertTrue(studio.dependencies().contains(plan.named("test-studio-service-policy").urn()), "Studio after its service role's permissions");
    }

    @Test
    void studioTakesAtMostFiveSubnets() {
        var six = List.of("s1", "s2", "s3", "s4", "s5", "s6");
        var studio = studio(plan(b -> b.subnetIds(Output.of(six))));
        assertEquals(six.subList(0, 5), studio.input("subnetIds").orElseThrow().getAsJsonArray().asList().stream().map(e -> e.getAsString()).toList());
    }

    @Test
    void ssoMapsTheAdminUserToTheAdvancedPolicyOnly() {
        var plan = plan();
        var mappings = plan.ofType(MAPPING);
        assertEquals(1, mappings.size());
        assertMapping(plan, mappings.get(0), "USER", "jane", StudioAccessLevel.advanced);
        // Every session policy is attached to the user role: a session policy only narrows what the role grants.
        var attached = plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(a -> a.inputString("role").equals("big-data-stack-test-studio-user"))
                .map(a -> a.inputString("policyArn")).collect(Collectors.toSet());
        assertEquals(Set.of(policyArn("basic"), policyArn("intermediate"), policyArn("advanced")), attached);
    }

    @Test
    void ssoMapsConfiguredUsersAndGroupsToTheirLevels() {
        var plan = plan(b -> b
                .users(List.of(new StudioMember("ana@example.com", StudioAccessLevel.basic), new StudioMember("bo", StudioAccessLevel.intermediate)))
                .groups(List.of(new StudioMember("Data Engineers", StudioAccessLevel.intermediate), new StudioMember("analysts", StudioAccessLevel.basic))));
        var mappings = plan.ofType(MAPPING);
        assertEquals(5, mappings.size());
        assertMapping(plan, find(mappings, "USER", "jane"), "USER", "jane", StudioAccessLevel.advanced);
        assertMapping(plan, find(mappings, "USER", "ana@example.com"), "USER", "ana@example.com", StudioAccessLevel.basic);
        assertMapping(plan, find(mappings, "USER", "bo"), "USER", "bo", StudioAccessLevel.intermediate);
        assertMapping(plan, find(mappings, "GROUP", "Data Engineers"), "GROUP", "Data Engineers", StudioAccessLevel.intermediate);
        assertMapping(plan, find(mappings, "GROUP", "analysts"), "GROUP", "analysts", StudioAccessLevel.basic);
        assertEquals(5, mappings.stream().map(Plan.Resource::name).distinct().count(), "logical names are unique");
    }

    @Test
    void iamModeHasNoUserRoleMappingsOrPortfolioPrincipal() {
        var plan = plan(b -> b.authMode(StudioAuthMode.IAM).adminUser(Optional.empty()));
        var studio = studio(plan);
        assertEquals("IAM", studio.inputString("authMode"));
        assertTrue(studio.input("userRole").isEmpty());
        assertTrue(plan.find(r -> r.name().equals("test-studio-user-role")).isEmpty());
        assertTrue(plan.ofType(MAPPING).isEmpty());
        assertTrue(plan.ofType("aws:servicecatalog/principalPortfolioAssociation:PrincipalPortfolioAssociation").isEmpty());
        // The session policies remain, for IAM principals, and let their holders open this Studio.
        for (var level : StudioAccessLevel.values()) {
            var open = statement(document(plan.named("test-studio-session-" + level), "policy"), "OpenThisStudio");
            assertEquals(List.of("elasticmapreduce:CreateStudioPresignedUrl"), actions(open));
            assertEquals(1, resources(open).size());
            assertTrue(resources(open).get(0).startsWith("arn:aws:elasticmapreduce:" + REGION + ":" + ACCOUNT + ":studio/es-"));
        }
    }

    @Test
    void ssoSessionPoliciesDoNotNeedThePresignedUrl() {
        var plan = plan();
        for (var level : StudioAccessLevel.values()) {
            var policy = document(plan.named("test-studio-session-" + level), "policy");
            assertTrue(statements(policy).stream().noneMatch(s -> actions(s).contains("elasticmapreduce:CreateStudioPresignedUrl")));
        }
    }

    @Test
    void argsRejectWhatTheConfigLayerAlsoRejects() {
        assertThrows(IllegalArgumentException.class, () -> plan(b -> b.adminUser(Optional.empty())));
        assertThrows(IllegalArgumentException.class, () -> plan(b -> b.authMode(StudioAuthMode.IAM)
                .users(List.of(new StudioMember("ana", StudioAccessLevel.basic)))));
        assertThrows(IllegalArgumentException.class, () -> plan(b -> b.users(List.of(new StudioMember("ana", StudioAccessLevel.advanced)))));
        assertThrows(IllegalArgumentException.class, () -> plan(b -> b.users(List.of(new StudioMember("JANE", StudioAccessLevel.basic)))));
        assertThrows(IllegalArgumentException.class, () -> plan(b -> b.groups(List.of(
                new StudioMember("ops", StudioAccessLevel.basic), new StudioMember("Ops", StudioAccessLevel.intermediate)))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@example.com", "a.b_c-d+e=f,g"})
    void logicalNamesKeepSafeIdentityNames(String name) {
        assertEquals(name, EmrStudio.logicalName(name));
    }

    @Test
    void logicalNamesReplaceOtherCharactersAndStayDistinct() {
        var spaced = EmrStudio.logicalName("Data Engineers");
        var dashed = EmrStudio.logicalName("Data-Engineers");
        assertTrue(spaced.startsWith("Data-Engineers-") && !spaced.contains(" "), spaced);
        assertFalse(spaced.equals(dashed));
    }

    // --- helpers ---

    private static void assertTcpPort(Plan.Resource rule, int port) {
        assertEquals("tcp", rule.inputString("ipProtocol"));
        assertEquals(port, rule.input("fromPort").orElseThrow().getAsInt());
        assertEquals(port, rule.input("toPort").orElseThrow().getAsInt());
    }

    static void assertEmrTrust(JsonObject statement, List<String> expectedActions) {
        assertEquals("Allow", statement.get("Effect").getAsString());
        assertEquals("elasticmapreduce.amazonaws.com", statement.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals(expectedActions, actions(statement));
        var condition = statement.getAsJsonObject("Condition");
        assertEquals(Set.of("StringEquals", "ArnLike"), condition.keySet());
        assertEquals(Map.of("aws:SourceAccount", ACCOUNT), flat(condition.getAsJsonObject("StringEquals")));
        assertEquals(Map.of("aws:SourceArn", "arn:aws:elasticmapreduce:" + REGION + ":" + ACCOUNT + ":*"), flat(condition.getAsJsonObject("ArnLike")));
    }

    private static Map<String, String> flat(JsonObject object) {
        return object.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAsString()));
    }

    private static String policyArn(String level) {
        return "arn:aws:iam::" + ACCOUNT + ":policy/big-data-stack-test-studio-session-" + level;
    }

    private static Plan.Resource find(List<Plan.Resource> mappings, String type, String name) {
        return mappings.stream().filter(m -> m.inputString("identityType").equals(type) && m.inputString("identityName").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " mapping for " + name));
    }

    private static void assertMapping(Plan plan, Plan.Resource mapping, String type, String name, StudioAccessLevel level) {
        assertEquals(type, mapping.inputString("identityType"));
        assertEquals(name, mapping.inputString("identityName"));
        assertEquals(policyArn(level.name()), mapping.inputString("sessionPolicyArn"));
        assertTrue(mapping.dependencies().contains(plan.named("test-studio-session-" + level).urn()));
        assertTrue(mapping.dependencies().contains(plan.named("test-studio-user-role-" + level).urn()), "mapped after its policy is attached");
        assertTrue(mapping.dependencies().contains(studio(plan).urn()));
        assertTrue(mapping.inputString("studioId").startsWith("es-"), mapping.inputString("studioId"));
    }
}
