package io.bigdatastack.emr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bigdatastack.plan.AwsMockEngine;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.Json;
import io.bigdatastack.testing.ShellWords;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmrOnEksTest {

    private static final String ACCOUNT = AwsMockEngine.ACCOUNT_ID;
    private static final String ROLE_NAME = "big-data-stack-test-emr-job";
    /** base36("big-data-stack-test-emr-job"), computed with Python (see Base36Test). */
    private static final String ROLE_BASE36 = "6ak7l378ysxdc08tj3sdxfbsy54948udc44gdvaov6";
    private static final String BUCKET = "big-data-stack-test-emr-" + ACCOUNT;
    private static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;
    private static final String LOG_GROUP = "/aws/emr-containers/big-data-stack-test/jobs";
    private static final String LOG_GROUP_ARN = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + LOG_GROUP;
    private static final Pattern REAL_ACTION = Pattern.compile("(s3|logs|glue|sts):[A-Z][A-Za-z]+");

    private static Plan plan;

    @BeforeAll
    static void planDefaults() {
        plan = TestStacks.plan(Map.of());
    }

    /** The one resource of {@code type} inside the EmrOnEks component (the whole stack has other buckets and role policies). */
    private static Plan.Resource emrOne(Plan p, String type) {
        var found = p.ofType(type).stream().filter(r -> r.urn().contains("bigdata:emr:EmrOnEks$")).toList();
        assertEquals(1, found.size(), "EmrOnEks resources of type " + type);
        return found.get(0);
    }

    private static Plan.Resource component(Plan p) {
        return p.one("bigdata:emr:EmrOnEks");
    }

    /** Every resource under the EMR component, at any depth. */
    private static List<Plan.Resource> children(Plan p) {
        var parents = new java.util.HashSet<>(Set.of(component(p).urn()));
        var result = new ArrayList<Plan.Resource>();
        for (var r : p.resources()) {
            if (r.parent() != null && parents.contains(r.parent())) {
                result.add(r);
                parents.add(r.urn());
            }
        }
        return result;
    }

    private static Plan.Resource jobRole(Plan p) {
        return p.named("test-emr-job-role");
    }

    private static JsonObject trust(Plan p) {
        return Json.document(jobRole(p), "assumeRolePolicy");
    }

    private static JsonObject permissions(Plan p) {
        return Json.document(emrOne(p, "aws:iam/rolePolicy:RolePolicy"), "policy");
    }

    private static List<JsonObject> statements(JsonObject document) {
        return document.getAsJsonArray("Statement").asList().stream().map(JsonElement::getAsJsonObject).toList();
    }

    private static List<String> strings(JsonElement element) {
        if (element.isJsonArray()) {
            return element.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList();
        }
        return List.of(element.getAsString());
    }

    private static Map<String, List<String>> actionsBySid(JsonObject document) {
        var result = new LinkedHashMap<String, List<String>>();
        statements(document).forEach(s -> result.put(s.get("Sid").getAsString(), strings(s.get("Action"))));
        return result;
    }

    private static Map<String, List<String>> resourcesBySid(JsonObject document) {
        var result = new LinkedHashMap<String, List<String>>();
        statements(document).forEach(s -> result.put(s.get("Sid").getAsString(), strings(s.get("Resource"))));
        return result;
    }

    // --- Component shape ---

    /** The job namespace (the dashboard has a namespace of its own). */
    private static Plan.Resource emrNamespace(Plan p) {
        var namespaces = p.ofType("kubernetes:core/v1:Namespace").stream().filter(n -> n.urn().contains("bigdata:emr:EmrOnEks")).toList();
        assertEquals(1, namespaces.size(), namespaces.toString());
        return namespaces.get(0);
    }

    @Test
    void componentOwnsItsResourcesUnderItsName() {
        var children = children(plan);
        assertEquals(Set.of("kubernetes:core/v1:Namespace", "kubernetes:core/v1:LimitRange", "kubernetes:scheduling.k8s.io/v1:PriorityClass",
                "aws:s3/bucketObjectv2:BucketObjectv2", "aws:s3/bucketV2:BucketV2",
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "aws:s3/bucketVersioningV2:BucketVersioningV2", "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "aws:s3/bucketPolicy:BucketPolicy", "aws:cloudwatch/logGroup:LogGroup", "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy",
                "aws:emrcontainers/virtualCluster:VirtualCluster", "aws:cloudformation/stack:Stack", "aws:iam/policy:Policy", EmrTeam.TYPE),
                children.stream().map(Plan.Resource::type).collect(Collectors.toSet()));
        for (var child : children) {
            assertTrue(child.name().startsWith("test-emr-"), child.name());
        }
    }

    @Test
    void everyTaggableResourceCarriesTheCommonTags() {
        var common = Map.of("project", "big-data-stack", "stack", "test", "managed-by", "pulumi");
        var taggable = Set.of("aws:s3/bucketV2:BucketV2", "aws:cloudwatch/logGroup:LogGroup", "aws:iam/role:Role",
                "aws:emrcontainers/virtualCluster:VirtualCluster", "aws:cloudformation/stack:Stack",
                "aws:eks/podIdentityAssociation:PodIdentityAssociation");
        var p = TestStacks.plan(Map.of("jobRoleBinding", "both"));
        var checked = 0;
        for (var r : children(p)) {
            if (taggable.contains(r.type())) {
                assertEquals(common, Json.stringMap(r, "tags"), r.name());
                checked++;
            }
        }
        assertEquals(8, checked);
    }

    // --- Namespace, provider, virtual cluster, cluster access ---

    @Test
    void namespaceComesFromConfigThroughTheClustersProvider() {
        var namespace = emrNamespace(plan);
        assertEquals("emr-jobs", namespace.inputString("metadata.name"));
        var other = TestStacks.plan(Map.of("emrNamespace", "analytics"));
        assertEquals("analytics", emrNamespace(other).inputString("metadata.name"));
        assertEquals("analytics", other.one("aws:emrcontainers/virtualCluster:VirtualCluster").inputString("containerProvider.info.eksInfo.namespace"));
    }

    @Test
    void everyKubernetesResourceUsesTheClustersProvider() {
        var provider = plan.one("pulumi:providers:kubernetes");
        var kubernetes = plan.resources().stream().filter(r -> r.type().startsWith("kubernetes:")).toList();
        assertFalse(kubernetes.isEmpty());
        for (var r : kubernetes) {
            assertNotNull(r.provider(), r.name() + " must not use the ambient kubeconfig");
            assertTrue(r.provider().startsWith(provider.urn() + "::"), r.name() + ": " + r.provider());
        }
    }

    @Test
    void virtualClusterRunsOnTheClusterNamespaceAfterTheNamespaceExists() {
        var virtualCluster = plan.one("aws:emrcontainers/virtualCluster:VirtualCluster");
        var namespace = emrNamespace(plan);
        var cluster = plan.one("aws:eks/cluster:Cluster");
        assertEquals("EKS", virtualCluster.inputString("containerProvider.type"));
        assertEquals("big-data-stack-test", virtualCluster.inputString("containerProvider.id"));
        assertEquals("emr-jobs", virtualCluster.inputString("containerProvider.info.eksInfo.namespace"));
        assertEquals("big-data-stack-test-emr-jobs", virtualCluster.inputString("name"));
        assertTrue(virtualCluster.dependencies().contains(namespace.urn()), "the namespace must exist before the virtual cluster");
        assertTrue(virtualCluster.dependencies().contains(cluster.urn()));
        assertTrue(plan.resources().indexOf(namespace) < plan.resources().indexOf(virtualCluster));
    }

    @Test
    void emrGetsClusterAccessFromItsOwnAccessEntryNotOurs() {
        // https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/setting-up-cluster-access.html
        assertEquals("API_AND_CONFIG_MAP", plan.one("aws:eks/cluster:Cluster").inputString("accessConfig.authenticationMode"),
                "EMR's access-entry integration requires API_AND_CONFIG_MAP");
        for (var entry : plan.ofType("aws:eks/accessEntry:AccessEntry")) {
            assertFalse(entry.inputString("principalArn").contains("AWSServiceRoleForAmazonEMRContainers"),
                    "access entries cannot name service-linked roles");
        }
        assertTrue(plan.resources().stream().filter(r -> r.urn().contains("bigdata:emr:EmrOnEks"))
                .noneMatch(r -> r.type().startsWith("kubernetes:rbac")), "EMR's access policy replaces RBAC objects");
    }

    // --- Job execution role: trust ---

    @Test
    void irsaTrustIsExactlyTheCliStatementPlusAudience() {
        var issuerUrl = plan.one("aws:iam/openIdConnectProvider:OpenIdConnectProvider").inputString("url");
        var issuer = issuerUrl.replaceFirst("^https://", "");
        var document = trust(plan);
        assertEquals("2012-10-17", document.get("Version").getAsString());
        var statements = statements(document);
        assertEquals(1, statements.size(), document.toString());
        var statement = statements.get(0);
        assertEquals(Set.of("Effect", "Principal", "Action", "Condition"), statement.keySet());
        assertEquals("Allow", statement.get("Effect").getAsString());
        assertEquals(Set.of("Federated"), statement.getAsJsonObject("Principal").keySet());
        assertEquals("arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + issuer, statement.getAsJsonObject("Principal").get("Federated").getAsString());
        assertEquals("sts:AssumeRoleWithWebIdentity", statement.get("Action").getAsString());
        var condition = statement.getAsJsonObject("Condition");
        assertEquals(Set.of("StringLike", "StringEquals"), condition.keySet());
        assertEquals(Map.of(issuer + ":sub", "system:serviceaccount:emr-jobs:emr-containers-sa-*-*-" + ACCOUNT + "-" + ROLE_BASE36),
                flat(condition.getAsJsonObject("StringLike")));
        assertEquals(Map.of(issuer + ":aud", "sts.amazonaws.com"), flat(condition.getAsJsonObject("StringEquals")));
        assertTrue(jobRole(plan).dependencies().contains(plan.one("aws:iam/openIdConnectProvider:OpenIdConnectProvider").urn()));
    }

    private static Map<String, String> flat(JsonObject object) {
        var result = new HashMap<String, String>();
        object.entrySet().forEach(e -> result.put(e.getKey(), e.getValue().getAsString()));
        return result;
    }

    @Test
    void roleHasAnExplicitStackDerivedName() {
        assertEquals(ROLE_NAME, jobRole(plan).inputString("name"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/" + ROLE_NAME, plan.outputs().get("JobRoleArn").getAsString());
        // The template's ID comes back through the CloudFormation stack's outputs.
        var templateId = plan.outputs().get("JobTemplateId").getAsString();
        assertTrue(templateId.matches("[0-9a-z]{25}"), templateId);
    }

    @Test
    void trustFollowsTheNamespace() {
        var sub = statements(trust(TestStacks.plan(Map.of("emrNamespace", "analytics")))).get(0)
                .getAsJsonObject("Condition").getAsJsonObject("StringLike").entrySet().iterator().next().getValue().getAsString();
        assertEquals("system:serviceaccount:analytics:emr-containers-sa-*-*-" + ACCOUNT + "-" + ROLE_BASE36, sub);
    }

    @Test
    void podIdentityTrustIsThePodsStatementOnly() {
        var p = TestStacks.plan(Map.of("jobRoleBinding", "podIdentity"));
        var statements = statements(trust(p));
        assertEquals(1, statements.size());
        assertPodIdentityStatement(statements.get(0), p);
        assertPodIdentityAssociations(p);
    }

    @Test
    void bothBindingsTrustBothPrincipals() {
        var p = TestStacks.plan(Map.of("jobRoleBinding", "both"));
        var statements = statements(trust(p));
        assertEquals(2, statements.size());
        assertEquals("sts:AssumeRoleWithWebIdentity", statements.get(0).get("Action").getAsString());
        assertEquals(statements(trust(plan)).get(0).getAsJsonObject("Condition"), statements.get(0).getAsJsonObject("Condition"));
        assertPodIdentityStatement(statements.get(1), p);
        assertPodIdentityAssociations(p);
    }

    @Test
    void irsaCreatesNoPodIdentityAssociations() {
        assertTrue(plan.ofType("aws:eks/podIdentityAssociation:PodIdentityAssociation").isEmpty());
    }

    /**
     * The documented trust with the documented session-tag conditions: this cluster, the EMR namespace and EMR's three
     * Spark service accounts (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html, "Setting Conditions").
     */
    private static void assertPodIdentityStatement(JsonObject statement, Plan p) {
        assertEquals("Allow", statement.get("Effect").getAsString());
        assertEquals(JsonParser.parseString("{\"Service\":\"pods.eks.amazonaws.com\"}"), statement.get("Principal"));
        assertEquals(List.of("sts:AssumeRole", "sts:TagSession"), strings(statement.get("Action")));
        var condition = statement.getAsJsonObject("Condition");
        assertEquals(Set.of("StringEquals"), condition.keySet());
        var equals = condition.getAsJsonObject("StringEquals");
        assertEquals("arn:aws:eks:us-east-1:" + ACCOUNT + ":cluster/big-data-stack-test",
                equals.get("aws:RequestTag/eks-cluster-arn").getAsString());
        assertEquals(emrNamespace(p).inputString("metadata.name"), equals.get("aws:RequestTag/kubernetes-namespace").getAsString());
        assertEquals(Set.of("client", "driver", "executor").stream()
                        .map(c -> "emr-containers-sa-spark-" + c + "-" + ACCOUNT + "-" + ROLE_BASE36).collect(Collectors.toSet()),
                Set.copyOf(strings(equals.get("aws:RequestTag/kubernetes-service-account"))));
    }

    private static void assertPodIdentityAssociations(Plan p) {
        var associations = p.ofType("aws:eks/podIdentityAssociation:PodIdentityAssociation");
        var namespace = emrNamespace(p);
        assertEquals(Set.of("client", "driver", "executor").stream()
                        .map(c -> "emr-containers-sa-spark-" + c + "-" + ACCOUNT + "-" + ROLE_BASE36).collect(Collectors.toSet()),
                associations.stream().map(a -> a.inputString("serviceAccount")).collect(Collectors.toSet()));
        for (var association : associations) {
            assertEquals("big-data-stack-test", association.inputString("clusterName"));
            assertEquals("emr-jobs", association.inputString("namespace"));
            assertEquals("arn:aws:iam::" + ACCOUNT + ":role/" + ROLE_NAME, association.inputString("roleArn"));
            assertTrue(association.dependencies().contains(namespace.urn()));
        }
        assertTrue(p.ofType("aws:eks/addon:Addon").stream().anyMatch(a -> a.inputString("addonName").equals("eks-pod-identity-agent")),
                "Pod Identity needs the agent add-on");
    }

    // --- Job execution role: permissions ---

    @Test
    void permissionsAreScopedToTheStacksBucketAndLogGroup() {
        var document = permissions(plan);
        assertEquals(Map.of(
                "ListJobBucket", List.of("s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"),
                "ReadWriteJobBucketObjects", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload",
                        "s3:ListMultipartUploadParts"),
                "WriteJobLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                "FindJobLogGroup", List.of("logs:DescribeLogGroups")), actionsBySid(document));
        assertEquals(Map.of(
                "ListJobBucket", List.of(BUCKET_ARN),
                "ReadWriteJobBucketObjects", List.of(BUCKET_ARN + "/*"),
                "WriteJobLogs", List.of(LOG_GROUP_ARN, LOG_GROUP_ARN + ":log-stream:*"),
                "FindJobLogGroup", List.of("*")), resourcesBySid(document));
        statements(document).forEach(s -> assertEquals("Allow", s.get("Effect").getAsString()));
        var rolePolicy = emrOne(plan, "aws:iam/rolePolicy:RolePolicy");
        assertEquals(ROLE_NAME, rolePolicy.inputString("role"));
    }

    @Test
    void readBucketsAreReadOnlyAndGlueIsOptIn() {
        var p = TestStacks.plan(Map.of("jobReadBuckets", "[\"raw-data\", \"curated.example\"]", "glueCatalogAccess", "true"));
        var document = permissions(p);
        var actions = actionsBySid(document);
        var resources = resourcesBySid(document);
        assertEquals(List.of("s3:ListBucket", "s3:GetBucketLocation"), actions.get("ListReadBuckets"));
        assertEquals(List.of("arn:aws:s3:::raw-data", "arn:aws:s3:::curated.example"), resources.get("ListReadBuckets"));
        assertEquals(List.of("s3:GetObject"), actions.get("ReadReadBucketObjects"));
        assertEquals(List.of("arn:aws:s3:::raw-data/*", "arn:aws:s3:::curated.example/*"), resources.get("ReadReadBucketObjects"));
        var glue = "arn:aws:glue:us-east-1:" + ACCOUNT + ":";
        // The default team writes only the stack's own database (GlueCatalogIsolationTest covers teams).
        assertEquals(List.of(glue + "catalog", glue + "database/big_data_stack_test", glue + "table/big_data_stack_test/*",
                glue + "userDefinedFunction/big_data_stack_test/*"), resources.get("WriteOwnGlueDatabase"));
        assertTrue(actions.get("WriteOwnGlueDatabase").containsAll(List.of("glue:GetTable", "glue:CreateTable",
                "glue:GetPartitions", "glue:BatchCreatePartition")));
        assertFalse(actions.values().stream().flatMap(List::stream).anyMatch(a -> a.equals("glue:DeleteDatabase") || a.equals("glue:CreateDatabase")));
        assertEquals("big_data_stack_test", emrOne(p, "aws:glue/catalogDatabase:CatalogDatabase").inputString("name"));

        var defaults = actionsBySid(permissions(plan));
        assertFalse(defaults.keySet().stream().anyMatch(sid -> sid.contains("Glue")));
        assertTrue(plan.ofType("aws:glue/catalogDatabase:CatalogDatabase").isEmpty(), "no database without glueCatalogAccess");
        assertFalse(defaults.containsKey("ListReadBuckets"));
    }

    @Test
    void noPolicyOfTheComponentAllowsWildcardActions() {
        var p = TestStacks.plan(Map.of("jobRoleBinding", "both", "glueCatalogAccess", "true", "jobReadBuckets", "[\"raw-data\"]"));
        var documents = new ArrayList<JsonObject>();
        for (var r : children(p)) {
            for (var property : List.of("policy", "assumeRolePolicy")) {
                r.input(property).ifPresent(value -> documents.add(JsonParser.parseString(value.getAsString()).getAsJsonObject()));
            }
        }
        assertEquals(4, documents.size(), "trust, permissions, bucket policy and submitter policy");
        for (var document : documents) {
            for (var statement : statements(document)) {
                var actions = strings(statement.get("Action"));
                if (statement.get("Effect").getAsString().equals("Deny")) {
                    continue; // The TLS-only bucket policy denies s3:* on purpose.
                }
                for (var action : actions) {
                    assertTrue(REAL_ACTION_OR_EMR.matcher(action).matches(), "not a specific action: " + action + " in " + statement);
                }
                // "*" only for actions IAM cannot scope (no resource type in the Service Authorization Reference).
                if (statement.has("Resource") && !ACTIONS_WITHOUT_RESOURCE_TYPES.containsAll(actions)) {
                    assertFalse(strings(statement.get("Resource")).contains("*"), "unscoped resource in " + statement);
                }
            }
        }
    }

    private static final Set<String> ACTIONS_WITHOUT_RESOURCE_TYPES = Set.of("logs:DescribeLogGroups");
    private static final Pattern REAL_ACTION_OR_EMR = Pattern.compile("(s3|logs|glue|sts|emr-containers):[A-Z][A-Za-z]+");

    @Test
    void noManagedPoliciesOnTheJobRoleAndNoFullAccessAnywhere() {
        for (var attachment : plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
            assertFalse(attachment.inputString("role").equals(ROLE_NAME), "the job role gets only its inline policy");
            assertFalse(attachment.inputString("policyArn").contains("FullAccess"), attachment.inputString("policyArn"));
        }
        assertFalse(jobRole(plan).input("managedPolicyArns").isPresent());
    }

    // --- Bucket ---

    @Test
    void bucketIsPrivateEncryptedAndTlsOnly() {
        var bucket = emrOne(plan, "aws:s3/bucketV2:BucketV2");
        assertEquals(BUCKET, bucket.inputString("bucket"));
        assertTrue(BUCKET.length() <= 63 && BUCKET.equals(BUCKET.toLowerCase()));

        var block = emrOne(plan, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        for (var flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertTrue(block.input(flag).orElseThrow().getAsBoolean(), flag);
        }
        var encryption = emrOne(plan, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        assertEquals("AES256", encryption.input("rules").orElseThrow().getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonObject("applyServerSideEncryptionByDefault").get("sseAlgorithm").getAsString());

        var policyResource = emrOne(plan, "aws:s3/bucketPolicy:BucketPolicy");
        var statements = statements(Json.document(policyResource, "policy"));
        assertEquals(1, statements.size());
        var deny = statements.get(0);
        assertEquals("Deny", deny.get("Effect").getAsString());
        var principal = deny.get("Principal");
        assertTrue(principal.equals(JsonParser.parseString("\"*\"")) || principal.equals(JsonParser.parseString("{\"AWS\":\"*\"}")), principal.toString());
        assertEquals(List.of("s3:*"), strings(deny.get("Action")));
        assertEquals(Set.of(BUCKET_ARN, BUCKET_ARN + "/*"), Set.copyOf(strings(deny.get("Resource"))));
        assertEquals(JsonParser.parseString("{\"Bool\":{\"aws:SecureTransport\":\"false\"}}"), deny.get("Condition"));
        assertTrue(policyResource.dependencies().contains(block.urn()));

        for (var r : List.of(block, encryption, policyResource)) {
            assertTrue(r.dependencies().contains(bucket.urn()), r.name());
            assertEquals(BUCKET, r.inputString("bucket"));
        }
    }

    @Test
    void logsPrefixExpiresWithTheLogRetention() {
        var rules = emrOne(plan, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2").input("rules").orElseThrow().getAsJsonArray();
        var logs = rule(rules, "expire-job-logs");
        assertEquals("Enabled", logs.get("status").getAsString());
        assertEquals("logs/", logs.getAsJsonObject("filter").get("prefix").getAsString());
        assertEquals(30, logs.getAsJsonObject("expiration").get("days").getAsInt());
        assertEquals(7, rule(rules, "abort-incomplete-multipart-uploads").getAsJsonObject("abortIncompleteMultipartUpload")
                .get("daysAfterInitiation").getAsInt());

        var longer = TestStacks.plan(Map.of("logRetentionDays", "90"));
        var longerRules = emrOne(longer, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2").input("rules").orElseThrow().getAsJsonArray();
        assertEquals(90, rule(longerRules, "expire-job-logs").getAsJsonObject("expiration").get("days").getAsInt());
        assertEquals(90, longer.named("test-emr-job-logs").input("retentionInDays").orElseThrow().getAsInt());
    }

    private static JsonObject rule(JsonArray rules, String id) {
        return rules.asList().stream().map(JsonElement::getAsJsonObject).filter(r -> r.get("id").getAsString().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no lifecycle rule " + id));
    }

    @Test
    void devIsDestroyableWithItsContents() {
        var bucket = emrOne(plan, "aws:s3/bucketV2:BucketV2");
        assertTrue(bucket.input("forceDestroy").orElseThrow().getAsBoolean());
        assertEquals("Suspended", emrOne(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2").inputString("versioningConfiguration.status"));
        for (var r : children(plan)) {
            assertFalse(r.options().protect(), r.name());
            assertFalse(r.options().retainOnDelete(), r.name());
        }
    }

    @Test
    void prodProtectsAndVersionsTheBucketAndKeepsTheLogs() {
        var p = TestStacks.plan(Map.of("protectStatefulResources", "true"));
        var bucket = emrOne(p, "aws:s3/bucketV2:BucketV2");
        assertFalse(bucket.input("forceDestroy").orElseThrow().getAsBoolean());
        assertEquals("Enabled", emrOne(p, "aws:s3/bucketVersioningV2:BucketVersioningV2").inputString("versioningConfiguration.status"));
        // The pod templates (aws:s3/bucketObjectv2) are configuration the program rewrites, not data.
        var stateful = children(p).stream().filter(r -> (r.type().startsWith("aws:s3/") && !r.type().equals("aws:s3/bucketObjectv2:BucketObjectv2"))
                || r.type().equals("aws:cloudwatch/logGroup:LogGroup")).toList();
        assertEquals(7, stateful.size());
        for (var r : stateful) {
            assertTrue(r.options().protect(), r.name());
            assertTrue(r.options().retainOnDelete(), r.name());
        }
        // Stateful too: the virtual cluster (job-run history) and the namespace are stateful too.
        assertTrue(p.one("aws:emrcontainers/virtualCluster:VirtualCluster").options().protect());
        assertTrue(emrOne(p, "kubernetes:core/v1:Namespace").options().protect());
        assertTrue(emrOne(TestStacks.planStackFile("prod"), "aws:s3/bucketV2:BucketV2").options().protect(), "the prod stack file protects data");
    }

    // --- Logs ---

    @Test
    void logGroupIsNamedFromTheStackWithRetention() {
        var logGroup = plan.named("test-emr-job-logs");
        assertEquals(LOG_GROUP, logGroup.inputString("name"));
        assertEquals(30, logGroup.input("retentionInDays").orElseThrow().getAsInt());
    }

    // --- Job template ---

    @Test
    void jobTemplateEnforcesThePlatformAndTakesEntryPointAndDynamicAllocationBoundsAsParameters() {
        var stack = emrOne(plan, "aws:cloudformation/stack:Stack");
        assertEquals("big-data-stack-test-spark-pi", stack.inputString("name"));
        assertEquals("DELETE", stack.inputString("onFailure"));
        var template = com.google.gson.JsonParser.parseString(stack.inputString("templateBody")).getAsJsonObject();
        var resource = template.getAsJsonObject("Resources").getAsJsonObject("JobTemplate");
        assertEquals("AWS::EMRContainers::JobTemplate", resource.get("Type").getAsString());
        var properties = resource.getAsJsonObject("Properties");
        assertTrue(properties.get("Name").getAsString().matches("big-data-stack-test-spark-pi-[0-9a-f]{8}"), properties.get("Name").toString());
        var data = properties.getAsJsonObject("JobTemplateData");
        assertEquals("emr-7.13.0-latest", data.get("ReleaseLabel").getAsString());
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/" + ROLE_NAME, data.get("ExecutionRoleArn").getAsString());

        var driver = data.getAsJsonObject("JobDriver").getAsJsonObject("SparkSubmitJobDriver");
        assertEquals("${EntryPoint}", driver.get("EntryPoint").getAsString());
        var submit = driver.get("SparkSubmitParameters").getAsString();
        assertFalse(submit.contains("spark.executor.instances"), "executors scale with the work, not a fixed count: " + submit);
        assertTrue(submit.contains("--conf spark.kubernetes.driver.node.selector.eks.amazonaws.com/capacityType=ON_DEMAND"), submit);
        assertTrue(submit.contains("--conf spark.kubernetes.executor.node.selector.eks.amazonaws.com/capacityType=SPOT"), submit);

        // Every placeholder is declared, with a type and a default (an undeclared one cannot be filled at StartJobRun).
        var parameters = data.getAsJsonObject("ParameterConfiguration");
        // ExecutorInstances stays (now the executors a job starts with), so clients that pass it keep working.
        assertEquals(Set.of("EntryPoint", "JobClass", "ExecutorInstances", "MinExecutors", "MaxExecutors", "ExecutorIdleTimeout"), parameters.keySet());
        assertEquals("1", parameters.getAsJsonObject("ExecutorInstances").get("DefaultValue").getAsString());
        assertEquals("adhoc", parameters.getAsJsonObject("JobClass").get("DefaultValue").getAsString());
        assertTrue(submit.contains("--conf spark.kubernetes.driver.podTemplateFile=s3://" + BUCKET + "/pod-templates/${JobClass}-driver.yaml"), submit);
        assertEquals("STRING", parameters.getAsJsonObject("EntryPoint").get("Type").getAsString());
        assertEquals("local:///usr/lib/spark/examples/src/main/python/pi.py", parameters.getAsJsonObject("EntryPoint").get("DefaultValue").getAsString());
        assertEquals("NUMBER", parameters.getAsJsonObject("MinExecutors").get("Type").getAsString());
        assertEquals("NUMBER", parameters.getAsJsonObject("MaxExecutors").get("Type").getAsString());
        assertEquals("1", parameters.getAsJsonObject("MinExecutors").get("DefaultValue").getAsString());
        assertEquals("60s", parameters.getAsJsonObject("ExecutorIdleTimeout").get("DefaultValue").getAsString());
        // No quota on the default team: bounded by what the default spot group holds at its maximum (20 c5.2xlarge-class
        // nodes; per node min(7910m / 1250m, 15391Mi / 3379Mi) = 4 executors).
        assertEquals("80", parameters.getAsJsonObject("MaxExecutors").get("DefaultValue").getAsString());
        var placeholders = java.util.regex.Pattern.compile("\\$\\{(\\w+)}").matcher(data.toString()).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        assertEquals(parameters.keySet(), placeholders);

        var monitoring = data.getAsJsonObject("ConfigurationOverrides").getAsJsonObject("MonitoringConfiguration");
        assertEquals("ENABLED", monitoring.get("PersistentAppUI").getAsString());
        assertEquals(LOG_GROUP, monitoring.getAsJsonObject("CloudWatchMonitoringConfiguration").get("LogGroupName").getAsString());
        assertEquals("spark", monitoring.getAsJsonObject("CloudWatchMonitoringConfiguration").get("LogStreamNamePrefix").getAsString());
        assertEquals("s3://" + BUCKET + "/logs/", monitoring.getAsJsonObject("S3MonitoringConfiguration").get("LogUri").getAsString());
        assertEquals(Set.of("JobTemplateId", "JobTemplateArn"), template.getAsJsonObject("Outputs").keySet());
        assertTrue(stack.dependencies().contains(emrOne(plan, "aws:iam/rolePolicy:RolePolicy").urn()),
                "jobs from the template need the role's permissions in place");

        var spark4 = TestStacks.plan(Map.of("emrReleaseLabel", "emr-spark-8.0.0-latest"));
        assertTrue(emrOne(spark4, "aws:cloudformation/stack:Stack").inputString("templateBody").contains("\"ReleaseLabel\":\"emr-spark-8.0.0-latest\""));
    }

    @Test
    void theTemplateBodyIsCanonicalSoEveryRunRendersTheSameText() {
        // Tags given in another map order must not change the text (or the name hash).
        var tags = new java.util.LinkedHashMap<String, String>();
        tags.put("stack", "s");
        tags.put("project", "p");
        var reversed = new java.util.LinkedHashMap<String, String>();
        reversed.put("project", "p");
        reversed.put("stack", "s");
        var body = JobTemplateDocument.render("p-s", "arn:aws:iam::1:role/r", "emr-7.13.0-latest", "/g", "b", tags);
        assertEquals(body, JobTemplateDocument.render("p-s", "arn:aws:iam::1:role/r", "emr-7.13.0-latest", "/g", "b", reversed));
        assertTrue(isSorted(com.google.gson.JsonParser.parseString(body)), "every object's keys are sorted: " + body);
        var retagged = JobTemplateDocument.render("p-s", "arn:aws:iam::1:role/r", "emr-7.13.0-latest", "/g", "b", Map.of("stack", "t"));
        assertFalse(templateName(body).equals(templateName(retagged)), "a tag change replaces the template, so it renames it");
    }

    private static boolean isSorted(com.google.gson.JsonElement element) {
        if (element.isJsonArray()) {
            for (var item : element.getAsJsonArray()) {
                if (!isSorted(item)) {
                    return false;
                }
            }
        }
        if (element.isJsonObject()) {
            var keys = java.util.List.copyOf(element.getAsJsonObject().keySet());
            if (!keys.equals(keys.stream().sorted().toList())) {
                return false;
            }
            for (var value : element.getAsJsonObject().entrySet()) {
                if (!isSorted(value.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void aChangedTemplateGetsANewNameSoCloudFormationCanReplaceIt() {
        var first = JobTemplateDocument.render("p-s", "arn:aws:iam::1:role/r", "emr-7.13.0-latest", "/g", "b", Map.of());
        var same = JobTemplateDocument.render("p-s", "arn:aws:iam::1:role/r", "emr-7.13.0-latest", "/g", "b", Map.of());
        var changed = JobTemplateDocument.render("p-s", "arn:aws:iam::1:role/r", "emr-7.12.0-latest", "/g", "b", Map.of());
        assertEquals(templateName(first), templateName(same));
        assertFalse(templateName(first).equals(templateName(changed)));
    }

    private static String templateName(String body) {
        return com.google.gson.JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("Resources").getAsJsonObject("JobTemplate")
                .getAsJsonObject("Properties").get("Name").getAsString();
    }

    // --- Outputs ---

    @Test
    void outputsNameTheVirtualClusterAndTheRole() {
        var id = plan.outputs().get("EMRVirtualClusterID").getAsString();
        assertTrue(id.matches("[0-9a-z]{25}"), id);
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/" + ROLE_NAME, plan.outputs().get("JobRoleArn").getAsString());
    }

    @Test
    void sampleJobCommandIsAShellCommandWithValidJsonArguments() {
        var command = plan.outputs().get("SampleJobCommand").getAsString();
        var words = ShellWords.split(command);
        assertEquals(List.of("aws", "emr-containers", "start-job-run"), words.subList(0, 3));
        var options = new LinkedHashMap<String, String>();
        for (int i = 3; i < words.size(); i += 2) {
            assertTrue(words.get(i).startsWith("--"), words.get(i));
            options.put(words.get(i), words.get(i + 1));
        }
        assertEquals(List.of("--virtual-cluster-id", "--name", "--execution-role-arn", "--release-label", "--region", "--job-driver",
                "--configuration-overrides"), List.copyOf(options.keySet()));
        assertEquals(plan.outputs().get("EMRVirtualClusterID").getAsString(), options.get("--virtual-cluster-id"));
        assertEquals("spark-pi", options.get("--name"));
        assertEquals(plan.outputs().get("JobRoleArn").getAsString(), options.get("--execution-role-arn"));
        assertEquals("emr-7.13.0-latest", options.get("--release-label"));
        assertEquals("us-east-1", options.get("--region"));

        var submit = JsonParser.parseString(options.get("--job-driver")).getAsJsonObject().getAsJsonObject("sparkSubmitJobDriver");
        assertEquals("local:///usr/lib/spark/examples/src/main/python/pi.py", submit.get("entryPoint").getAsString());
        var parameters = submit.get("sparkSubmitParameters").getAsString();
        assertTrue(parameters.contains("--conf spark.kubernetes.driver.node.selector.eks.amazonaws.com/capacityType=ON_DEMAND"), parameters);
        assertTrue(parameters.contains("--conf spark.kubernetes.executor.node.selector.eks.amazonaws.com/capacityType=SPOT"), parameters);
        assertFalse(parameters.contains("spark.executor.instances"), parameters);
        assertTrue(parameters.contains("--conf spark.kubernetes.executor.podTemplateFile=s3://" + BUCKET + "/pod-templates/adhoc-executor.yaml"), parameters);

        assertEquals(JsonParser.parseString("""
                {"applicationConfiguration": [
                   {"classification": "spark-defaults", "properties": {
                      "spark.dynamicAllocation.enabled": "true", "spark.dynamicAllocation.shuffleTracking.enabled": "true",
                      "spark.dynamicAllocation.initialExecutors": "1", "spark.dynamicAllocation.minExecutors": "1",
                      "spark.dynamicAllocation.maxExecutors": "80",
                      "spark.dynamicAllocation.executorIdleTimeout": "60s", "spark.sql.adaptive.enabled": "true",
                      "spark.sql.adaptive.coalescePartitions.enabled": "true", "spark.decommission.enabled": "false"}},
                   {"classification": "emr-job-submitter", "properties": {
                      "jobsubmitter.node.selector.eks.amazonaws.com/capacityType": "ON_DEMAND"}}],
                 "monitoringConfiguration": {
                   "persistentAppUI": "ENABLED",
                   "cloudWatchMonitoringConfiguration": {"logGroupName": "%s", "logStreamNamePrefix": "spark"},
                   "s3MonitoringConfiguration": {"logUri": "s3://%s/logs/"}}}
                """.formatted(LOG_GROUP, BUCKET)), JsonParser.parseString(options.get("--configuration-overrides")));
    }

    @Test
    void sampleJobCommandFollowsRegionAndRelease() {
        var p = TestStacks.plan(Map.of("aws:region", "eu-west-1", "emrReleaseLabel", "emr-7.3.0-20240920"));
        var words = ShellWords.split(p.outputs().get("SampleJobCommand").getAsString());
        assertEquals("eu-west-1", words.get(words.indexOf("--region") + 1));
        assertEquals("emr-7.3.0-20240920", words.get(words.indexOf("--release-label") + 1));
    }
}
