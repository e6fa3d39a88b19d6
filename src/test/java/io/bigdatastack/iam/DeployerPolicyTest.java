package io.bigdatastack.iam;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deploying identity's permissions live in one place, docs/deployer-policy/*.json, and cover every resource type
 * the program registers in the committed stacks and with every opt-in switched on. Data-driven: the types come from
 * the plans, the actions each type needs from src/test/resources/deployer/actions-by-type.json, so a new type (or a
 * new action for one) fails here until the mapping and the policy name it.
 */
class DeployerPolicyTest {

    private static final Path POLICY_DIR = TestStacks.PROJECT_DIR.resolve("docs/deployer-policy");
    private static final Path ACTIONS_BY_TYPE = TestStacks.PROJECT_DIR.resolve("src/test/resources/deployer/actions-by-type.json");
    /** IAM's quota for a customer managed policy, counted without whitespace (IAM and AWS STS quotas). */
    private static final int MANAGED_POLICY_MAX_CHARS = 6144;
    private static Set<String> registeredTypes;
    private static List<Plan> plans;
    private static List<JsonObject> statements;
    private static JsonObject actionsByType;

    @BeforeAll
    static void load() throws IOException {
        registeredTypes = new TreeSet<>();
        plans = List.of(TestStacks.planStackFile("dev"), TestStacks.planStackFile("prod"),
                TestStacks.plan(TestStacks.EVERY_OPT_IN), TestStacks.plan(TestStacks.EVERY_OPT_IN_KARPENTER));
        for (Plan plan : plans) {
            plan.resources().forEach(r -> registeredTypes.add(r.type()));
        }
        statements = new ArrayList<>();
        for (var file : policyFiles()) {
            var document = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            assertEquals("2012-10-17", document.get("Version").getAsString(), file.toString());
            document.getAsJsonArray("Statement").forEach(s -> statements.add(s.getAsJsonObject()));
        }
        actionsByType = JsonParser.parseString(Files.readString(ACTIONS_BY_TYPE)).getAsJsonObject();
    }

    private static List<Path> policyFiles() throws IOException {
        try (Stream<Path> files = Files.list(POLICY_DIR)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<String> strings(JsonElement element) {
        if (element.isJsonArray()) {
            var list = new ArrayList<String>();
            element.getAsJsonArray().forEach(e -> list.add(e.getAsString()));
            return list;
        }
        return List.of(element.getAsString());
    }

    /** IAM's action matching: case-insensitive, {@code *} any run of characters, {@code ?} one character. */
    static boolean matches(String pattern, String action) {
        var regex = new StringBuilder();
        for (char c : pattern.toLowerCase().toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return action.toLowerCase().matches(regex.toString());
    }

    private static boolean allowed(String action) {
        return statements.stream().filter(s -> s.get("Effect").getAsString().equals("Allow"))
                .anyMatch(s -> strings(s.get("Action")).stream().anyMatch(p -> matches(p, action)));
    }

    /**
     * The opt-in plans really switch every feature on: if a config key is renamed or a feature grows a precondition,
     * its types silently leave the plans and the mapping stops being checked for them. One type each feature alone
     * registers: Karpenter's interruption queue, the CUR 2.0 export (through the us-east-1 provider), the Cost
     * Explorer tags, the budgets' alert topic, the teams' Glue databases, the interactive endpoint and the LB controller.
     */
    @Test
    void theOptInPlansSwitchOnEveryFeature() {
        var expected = List.of("aws:sqs/queue:Queue", "aws:cloudwatch/eventRule:EventRule", "kubernetes:karpenter.sh/v1:NodePool",
                "aws:bcmdata/export:Export", "pulumi:providers:aws", "aws:costexplorer/costAllocationTag:CostAllocationTag",
                "aws:budgets/budget:Budget", "aws:sns/topic:Topic", "aws:glue/catalogDatabase:CatalogDatabase",
                "bigdata:emr:StudioEndpoint", "bigdata:addons:LoadBalancerController", "bigdata:addons:ClusterAutoscaler");
        assertEquals(List.of(), expected.stream().filter(t -> !registeredTypes.contains(t)).toList(),
                "types no plan of this test registers: an opt-in of TestStacks.EVERY_OPT_IN or EVERY_OPT_IN_KARPENTER is not on");
    }

    @Test
    void everyRegisteredTypeIsMapped() {
        var unmapped = registeredTypes.stream().filter(t -> !actionsByType.has(t)).toList();
        assertEquals(List.of(), unmapped, "resource types the program registers with no entry in " + ACTIONS_BY_TYPE
                + ": add the actions pulumi up/destroy call for each (an empty list for a component or Kubernetes object),"
                + " then allow them in docs/deployer-policy/");
    }

    @Test
    void everyActionOfEveryRegisteredTypeIsAllowed() {
        var missing = new TreeMap<String, List<String>>();
        for (var type : registeredTypes) {
            if (!actionsByType.has(type)) {
                continue; // reported by everyRegisteredTypeIsMapped
            }
            var notAllowed = strings(actionsByType.get(type)).stream().filter(a -> !allowed(a)).toList();
            if (!notAllowed.isEmpty()) {
                missing.put(type, notAllowed);
            }
        }
        assertEquals(Map.of(), missing, "actions no statement of docs/deployer-policy/*.json allows");
    }

    @Test
    void theMappingNamesNoTypeTheProgramNoLongerRegisters() {
        var stale = actionsByType.keySet().stream().filter(t -> !t.startsWith("_") && !registeredTypes.contains(t)).toList();
        assertEquals(List.of(), stale, "entries of " + ACTIONS_BY_TYPE + " for types no plan registers");
    }

    @Test
    void eachDocumentFitsAManagedPolicy() throws IOException {
        for (var file : policyFiles()) {
            var compact = Files.readString(file).replaceAll("\\s", "");
            assertTrue(compact.length() <= MANAGED_POLICY_MAX_CHARS, file + ": " + compact.length() + " characters");
        }
    }

    /**
     * Services whose resources carry the names the program gives them are granted on those names only: IAM, S3, EKS,
     * CloudWatch Logs and CloudFormation stacks under {@code big-data-stack-*}. A statement on every resource
     * ({@code *}) for them must be read-only or carry a condition.
     */
    @Test
    void nameScopedServicesAreNeverGrantedOnEveryResourceUnconditionally() {
        var broad = new ArrayList<String>();
        for (var s : statements) {
            var everyResource = strings(s.get("Resource")).contains("*");
            if (!everyResource || s.has("Condition")) {
                continue;
            }
            for (var action : strings(s.get("Action"))) {
                var service = action.substring(0, action.indexOf(':'));
                var name = action.substring(action.indexOf(':') + 1);
                var readOnly = name.startsWith("Describe") || name.startsWith("Get") || name.startsWith("List");
                if (Set.of("iam", "s3", "eks", "logs").contains(service) && !readOnly
                        || action.startsWith("cloudformation:") && name.endsWith("Stack")) {
                    broad.add(s.get("Sid").getAsString() + ": " + action);
                }
            }
        }
        assertEquals(List.of(), broad);
    }

    @Test
    void passRoleNamesTheProjectsRolesAndTheServices() {
        var passRole = statements.stream().filter(s -> strings(s.get("Action")).stream().anyMatch(a -> matches(a, "iam:PassRole"))).toList();
        assertFalse(passRole.isEmpty());
        for (var s : passRole) {
            // The project's roles, or fewer of them (EC2 gets only the Studio cluster's instance role).
            assertTrue(strings(s.get("Resource")).stream().allMatch(r -> r.startsWith("arn:aws:iam::*:role/big-data-stack-")), s.toString());
            assertTrue(s.getAsJsonObject("Condition").getAsJsonObject("StringEquals").has("iam:PassedToService"), s.toString());
        }
    }

    /**
     * PassRole is checked against the role and the service it is passed to ({@code iam:PassedToService}): every type
     * that passes a role names its service in the mapping's {@code _passRoleTo}, and every role the plans pass (where
     * the inputs hold it) is allowed to that service by a PassRole statement's resources.
     */
    @Test
    void passRoleAllowsEachPlannedRoleToTheServiceItIsPassedTo() {
        var passedTo = actionsByType.getAsJsonObject("_passRoleTo");
        var problems = new ArrayList<String>();
        for (var type : registeredTypes) {
            if (actionsByType.has(type) && strings(actionsByType.get(type)).contains("iam:PassRole") && !passedTo.has(type)) {
                problems.add(type + ": passes a role, but _passRoleTo does not say to which service");
            }
        }
        int checked = 0;
        for (var plan : plans) {
            for (var r : plan.resources()) {
                if (!passedTo.has(r.type())) {
                    continue;
                }
                var entry = passedTo.getAsJsonObject(r.type());
                var service = entry.get("service").getAsString();
                if (!entry.has("roleInputs")) {
                    if (passRoleResources(service).isEmpty()) {
                        problems.add(r.type() + ": passes a role to " + service + ", which no PassRole statement allows");
                    }
                    continue;
                }
                for (var input : entry.getAsJsonArray("roleInputs")) {
                    var value = r.input(input.getAsString()).map(JsonElement::getAsString).orElse("");
                    var roleArn = value.startsWith("arn:") ? value : "arn:aws:iam::" + TEST_ACCOUNT + ":role/" + value;
                    checked++;
                    if (passRoleResources(service).stream().noneMatch(pattern -> matches(pattern, roleArn))) {
                        problems.add(r.type() + " " + r.name() + ": passes " + roleArn + " to " + service + ", which no PassRole statement allows");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 10, "roles checked: " + checked);
    }

    /** The mock engine's account, in the plans' ARNs. */
    private static final String TEST_ACCOUNT = "123456789012";

    /** The resources of the Allow statements that grant iam:PassRole to {@code service}. */
    private static List<String> passRoleResources(String service) {
        return statements.stream()
                .filter(s -> s.get("Effect").getAsString().equals("Allow") && strings(s.get("Action")).stream().anyMatch(a -> matches(a, "iam:PassRole")))
                .filter(s -> strings(s.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("iam:PassedToService")).contains(service))
                .flatMap(s -> strings(s.get("Resource")).stream())
                .toList();
    }

    /**
     * Deletes are scoped by the tag {@code project=big-data-stack}, so tagging is scoped too: EC2 tags are added only by
     * the call that creates the resource ({@code ec2:CreateAction}, EC2's tag-on-create), on resources that already
     * carry the project's tag, or limited to keys other than {@code project}. Otherwise the deployer could tag any VPC
     * or security group of the account as the project's and then delete it.
     */
    @Test
    void ec2TagsCannotMakeAnotherResourceTheProjects() {
        var loose = new ArrayList<String>();
        for (var s : statements) {
            if (!s.get("Effect").getAsString().equals("Allow") || strings(s.get("Action")).stream().noneMatch(a -> matches(a, "ec2:CreateTags"))) {
                continue;
            }
            var condition = s.has("Condition") ? s.getAsJsonObject("Condition").toString() : "";
            var scoped = condition.contains("\"ec2:CreateAction\"")
                    || condition.contains("\"aws:ResourceTag/project\":\"big-data-stack\"")
                    || condition.contains("ForAllValues:StringEquals") && condition.contains("aws:TagKeys") && !condition.contains("\"project\"");
            if (!scoped) {
                loose.add(s.get("Sid").getAsString());
            }
        }
        assertEquals(List.of(), loose, "statements that let ec2:CreateTags tag any resource");
    }

    @Test
    void theMatcherFollowsIamWildcards() {
        assertTrue(matches("s3:GetBucket*", "s3:GetBucketPolicy"));
        assertTrue(matches("EKS:describe?luster", "eks:DescribeCluster"));
        assertFalse(matches("s3:GetBucket*", "s3:PutBucketPolicy"));
        assertFalse(matches("iam:PassRole", "iam:PassRoles"));
    }

}
