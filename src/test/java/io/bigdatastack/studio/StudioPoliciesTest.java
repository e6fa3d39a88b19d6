package io.bigdatastack.studio;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.iam.PolicyDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.bigdatastack.studio.StudioPlans.actions;
import static io.bigdatastack.studio.StudioPlans.resources;
import static io.bigdatastack.studio.StudioPlans.statement;
import static io.bigdatastack.studio.StudioPlans.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session policies, level by level, without Pulumi. */
class StudioPoliciesTest {

    private static final AwsScope SCOPE = new AwsScope("aws", "eu-west-1", "111122223333");
    private static final StudioPolicies.SessionGrants GRANTS = new StudioPolicies.SessionGrants(
            "arn:aws:iam::111122223333:role/studio-service", "studio-bucket", "arn:aws:catalog:eu-west-1:111122223333:product/prod-abc",
            "arn:aws:iam::111122223333:role/cluster-service", "arn:aws:iam::111122223333:role/cluster-instance", Optional.empty(),
            "vc0stack0000000000000000a");
    /** IAM's limit for customer managed policies, whitespace excluded (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html). */
    private static final int MANAGED_POLICY_MAX_CHARS = 6144;

    private static JsonObject session(StudioAccessLevel level) {
        return json(StudioPolicies.session(level, SCOPE, GRANTS));
    }

    private static JsonObject json(PolicyDocument document) {
        return JsonParser.parseString(document.toJson()).getAsJsonObject();
    }

    private static Set<String> allActions(JsonObject document) {
        return statements(document).stream().flatMap(s -> actions(s).stream()).collect(Collectors.toSet());
    }

    @Test
    void basicCanUseWorkspacesButNotLaunchOrCreateClusters() {
        var actions = allActions(session(StudioAccessLevel.basic));
        assertTrue(actions.containsAll(List.of("elasticmapreduce:CreateEditor", "elasticmapreduce:AttachEditor",
                "elasticmapreduce:LinkRepository", "emr-containers:DescribeManagedEndpoint", "iam:PassRole")));
        assertTrue(actions.stream().noneMatch(a -> a.startsWith("servicecatalog:")), actions.toString());
        assertFalse(actions.contains("elasticmapreduce:RunJobFlow"));
    }

    @Test
    void intermediateAddsTheClusterTemplateOfThisStackOnly() {
        var policy = session(StudioAccessLevel.intermediate);
        var launch = statement(policy, "LaunchTheStudioClusterTemplate");
        assertTrue(actions(launch).contains("servicecatalog:ProvisionProduct"));
        assertEquals(List.of(GRANTS.productArn()), resources(launch));
        var own = statement(policy, "ManageOwnProvisionedClusters");
        assertEquals("self", own.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("servicecatalog:userLevel").getAsString());
        assertFalse(allActions(policy).contains("elasticmapreduce:RunJobFlow"));
        assertTrue(allActions(policy).containsAll(allActions(session(StudioAccessLevel.basic))), "intermediate includes basic");
    }

    @Test
    void advancedAddsTaggedClusterCreationWithThisStacksRoles() {
        var policy = session(StudioAccessLevel.advanced);
        var create = statement(policy, "CreateClustersWithEMRTags");
        assertEquals(List.of("elasticmapreduce:RunJobFlow"), actions(create));
        assertEquals("true", create.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("aws:RequestTag/for-use-with-amazon-emr-managed-policies").getAsString());
        assertEquals(List.of(GRANTS.clusterServiceRoleArn()), resources(statement(policy, "PassClusterServiceRole")));
        assertEquals(List.of(GRANTS.clusterInstanceRoleArn()), resources(statement(policy, "PassClusterInstanceRole")));
        assertTrue(allActions(policy).containsAll(allActions(session(StudioAccessLevel.intermediate))), "advanced includes intermediate");
    }

    @ParameterizedTest
    @EnumSource(StudioAccessLevel.class)
    void everySessionPolicyIsScopedToThisStack(StudioAccessLevel level) {
        var policy = session(level);
        assertEquals(List.of(GRANTS.studioServiceRoleArn()), resources(statement(policy, "PassStudioServiceRoleForWorkspaces")));
        assertEquals(List.of("arn:aws:s3:::studio-bucket/emr-logs/*"), resources(statement(policy, "ReadClusterLogs")));
        for (var s : statements(policy)) {
            for (var resource : resources(s)) {
                assertTrue(resource.equals("*") || resource.contains(":111122223333:") || resource.startsWith("arn:aws:s3:::studio-bucket"),
                        s.get("Sid") + " names " + resource + ", outside this account and stack");
            }
            if (actions(s).contains("iam:PassRole")) {
                assertTrue(resources(s).stream().noneMatch(r -> r.contains("*")), "PassRole names exact roles: " + s);
            }
        }
        String compact = StudioPolicies.session(level, SCOPE, GRANTS).toJson().replaceAll("\\s", "");
        assertTrue(compact.length() < MANAGED_POLICY_MAX_CHARS, level + " is " + compact.length() + " characters");
    }

    @ParameterizedTest
    @EnumSource(StudioAccessLevel.class)
    void wildcardResourcesOnlyForActionsWithoutResourceTypes(StudioAccessLevel level) {
        // Actions the Service Authorization Reference lists without a (required) resource type.
        var noResourceType = Set.of("elasticmapreduce:CreateEditor", "elasticmapreduce:ListEditors", "elasticmapreduce:ListClusters",
                "elasticmapreduce:CreateRepository", "elasticmapreduce:DescribeRepository", "elasticmapreduce:DeleteRepository",
                "elasticmapreduce:ListRepositories", "elasticmapreduce:LinkRepository", "elasticmapreduce:UnlinkRepository",
                "elasticmapreduce:RunJobFlow", "emr-containers:ListVirtualClusters", "secretsmanager:ListSecrets",
                "s3:ListAllMyBuckets", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "iam:ListRoles",
                "servicecatalog:SearchProducts", "servicecatalog:DescribeProductView", "servicecatalog:DescribeProvisionedProduct",
                "servicecatalog:UpdateProvisionedProduct", "servicecatalog:TerminateProvisionedProduct", "servicecatalog:DescribeRecord");
        for (var s : statements(session(level))) {
            if (resources(s).contains("*")) {
                assertTrue(noResourceType.containsAll(actions(s)), s.get("Sid") + " uses * for " + actions(s));
            }
        }
    }

    @Test
    void iamModeLetsHoldersOpenOnlyThisStudio() {
        var grants = new StudioPolicies.SessionGrants(GRANTS.studioServiceRoleArn(), GRANTS.bucketName(), GRANTS.productArn(),
                GRANTS.clusterServiceRoleArn(), GRANTS.clusterInstanceRoleArn(),
                Optional.of("arn:aws:elasticmapreduce:eu-west-1:111122223333:studio/es-ABC"), GRANTS.virtualClusterId());
        var open = statement(json(StudioPolicies.session(StudioAccessLevel.basic, SCOPE, grants)), "OpenThisStudio");
        assertEquals(List.of("elasticmapreduce:CreateStudioPresignedUrl"), actions(open));
        assertEquals(List.of("arn:aws:elasticmapreduce:eu-west-1:111122223333:studio/es-ABC"), resources(open));
    }

    @Test
    void emrOnEksAccessIsThisStacksVirtualClusterAndItsEndpointsOnly() {
        var virtualCluster = "arn:aws:emr-containers:eu-west-1:111122223333:/virtualclusters/vc0stack0000000000000000a";
        for (var level : StudioAccessLevel.values()) {
            var session = session(level);
            for (var s : statements(session)) {
                var emrOnEks = actions(s).stream().filter(a -> a.startsWith("emr-containers:")).toList();
                if (emrOnEks.isEmpty() || emrOnEks.equals(List.of("emr-containers:ListVirtualClusters"))) {
                    continue; // ListVirtualClusters has no resource type: "*" or nothing
                }
                for (var resource : resources(s)) {
                    assertTrue(resource.equals(virtualCluster) || resource.startsWith(virtualCluster + "/"),
                            level + " " + s.get("Sid") + " reaches " + resource);
                }
            }
            assertEquals(List.of(virtualCluster), resources(statement(session, "UseThisStacksVirtualCluster")));
            var attach = statement(session, "AttachToThisStacksEndpoints");
            assertEquals(List.of(virtualCluster + "/endpoints/*"), resources(attach));
            assertTrue(actions(attach).contains("emr-containers:GetManagedEndpointSessionCredentials"));
            assertEquals(List.of(virtualCluster + "/jobruns/*"), resources(statement(session, "ReadThisStacksJobRuns")));
        }
    }

    @Test
    void collaborationIsLimitedToOwnWorkspaces() {
        var collaborate = statement(session(StudioAccessLevel.basic), "CollaborateOnOwnWorkspaces");
        assertEquals("${aws:userid}", collaborate.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("elasticmapreduce:ResourceTag/creatorUserId").getAsString());
    }

    @Test
    void retiredOrForeignActionsStayOut() {
        for (var level : StudioAccessLevel.values()) {
            var actions = allActions(session(level));
            assertFalse(actions.contains("emr-containers:CreateAccessTokenForManagedEndpoint"), "not an IAM action any more");
            assertTrue(actions.stream().noneMatch(a -> a.startsWith("sagemaker:") || a.startsWith("athena:") || a.startsWith("emr-serverless:")));
        }
    }

    @Test
    void servicePolicyWritesOnlyWorkspaceBackups() {
        var policy = json(StudioPolicies.studioServiceRole(SCOPE, "vpc-1", "studio-bucket"));
        assertEquals(List.of("arn:aws:s3:::studio-bucket/workspaces/*"), resources(statement(policy, "BackUpWorkspaces")));
        assertEquals(List.of("arn:aws:s3:::studio-bucket"), resources(statement(policy, "ListStudioBucket")));
        // The two statements AWS says must stay as written.
        assertEquals(List.of("arn:aws:ec2:*:*:network-interface/*"), resources(statement(policy, "AllowAddingTagsDuringEC2ENICreation")));
        assertEquals(List.of("arn:aws:ec2:*:*:security-group/*"), resources(statement(policy, "AllowAddingEMRTagsDuringDefaultSecurityGroupCreation")));
    }
}
