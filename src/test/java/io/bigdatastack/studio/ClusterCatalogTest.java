package io.bigdatastack.studio;

import com.google.gson.JsonParser;
import io.bigdatastack.plan.Plan;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.bigdatastack.studio.StudioPlans.ACCOUNT;
import static io.bigdatastack.studio.StudioPlans.REGION;
import static io.bigdatastack.studio.StudioPlans.actions;
import static io.bigdatastack.studio.StudioPlans.document;
import static io.bigdatastack.studio.StudioPlans.plan;
import static io.bigdatastack.studio.StudioPlans.resources;
import static io.bigdatastack.studio.StudioPlans.statement;
import static io.bigdatastack.studio.StudioPlans.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Service Catalog side of the Studio, as planned: roles, uploaded template, product, constraint, access. */
class ClusterCatalogTest {

    private static final String BUCKET = "big-data-stack-test-studio-" + ACCOUNT;

    @Test
    void launchConstraintWaitsForTheProductToBeInThePortfolio() {
        var plan = plan();
        var association = plan.one("aws:servicecatalog/productPortfolioAssociation:ProductPortfolioAssociation");
        var constraint = plan.one("aws:servicecatalog/constraint:Constraint");
        assertEquals("LAUNCH", constraint.inputString("type"));
        assertTrue(constraint.dependencies().contains(association.urn()), "constraint must dependOn the association: " + constraint.dependencies());
        assertTrue(constraint.dependencies().contains(plan.named("test-studio-catalog-launch-policy").urn()),
                "and on the launch role's permissions");
        assertEquals(association.inputString("portfolioId"), constraint.inputString("portfolioId"));
        assertEquals(association.inputString("productId"), constraint.inputString("productId"));
        var parameters = JsonParser.parseString(constraint.inputString("parameters")).getAsJsonObject();
        assertEquals(Set.of("RoleArn"), parameters.keySet());
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/big-data-stack-test-studio-catalog-launch", parameters.get("RoleArn").getAsString());
    }

    @Test
    void productInstallsTheUploadedTemplate() {
        var plan = plan();
        var object = plan.one("aws:s3/bucketObjectv2:BucketObjectv2");
        var product = plan.one("aws:servicecatalog/product:Product");
        String key = object.inputString("key");
        assertEquals(BUCKET, object.inputString("bucket"));
        assertTrue(key.matches("servicecatalog/emr-cluster-[0-9a-f]{12}\\.yaml"), key);
        assertEquals("CLOUD_FORMATION_TEMPLATE", product.inputString("type"));
        assertEquals("CLOUD_FORMATION_TEMPLATE", product.inputString("provisioningArtifactParameters.type"));
        assertEquals("https://" + BUCKET + ".s3." + REGION + ".amazonaws.com/" + key, product.inputString("provisioningArtifactParameters.templateUrl"));
        assertTrue(product.dependencies().contains(object.urn()), "the template is uploaded before Service Catalog reads it");
        assertTrue(product.inputString("name").matches("[a-zA-Z0-9][a-zA-Z0-9._-]*"), "EMR Studio's template name rule");
    }

    @Test
    @SuppressWarnings("unchecked")
    void uploadedTemplateIsTheRepositoryTemplateWiredToThisStack() {
        var plan = plan();
        String text = plan.one("aws:s3/bucketObjectv2:BucketObjectv2").inputString("source.text");
        assertFalse(text.matches("(?s).*@[A-Z_]+@.*"), "every token is filled in");
        Map<String, Object> template = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        var wiring = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) template.get("Mappings")).get("Stack")).get("Wiring");
        assertEquals("big-data-stack-test-studio-cluster-service", wiring.get("ServiceRole"));
        assertEquals("big-data-stack-test-studio-cluster-instance", wiring.get("InstanceProfile"));
        assertEquals("s3://" + BUCKET + "/emr-logs/", wiring.get("LogUri"));
        assertEquals("big-data-stack", wiring.get("Project"));
        assertEquals("test", wiring.get("StackName"));
        // Apart from the wiring, what is uploaded is the shipped template.
        assertEquals(ClusterTemplate.render(new ClusterTemplate.Wiring("big-data-stack-test-studio-cluster-service",
                "big-data-stack-test-studio-cluster-instance", "s3://" + BUCKET + "/emr-logs/", "big-data-stack", "test",
                privateSubnetIds(plan))), text);
    }

    @Test
    void clusterRolesAreTheOnesTheTemplateNames() {
        var plan = plan();
        var serviceRole = plan.named("test-studio-catalog-cluster-service-role");
        var instanceRole = plan.named("test-studio-catalog-cluster-instance-role");
        var profile = plan.one("aws:iam/instanceProfile:InstanceProfile");
        assertEquals("big-data-stack-test-studio-cluster-service", serviceRole.inputString("name"));
        assertEquals("big-data-stack-test-studio-cluster-instance", profile.inputString("name"));
        assertEquals(instanceRole.inputString("name"), profile.inputString("role"));

        EmrStudioTest.assertEmrTrust(statements(document(serviceRole, "assumeRolePolicy")).get(0), List.of("sts:AssumeRole"));
        var ec2Trust = statements(document(instanceRole, "assumeRolePolicy")).get(0);
        assertEquals("ec2.amazonaws.com", ec2Trust.getAsJsonObject("Principal").get("Service").getAsString());

        var managed = plan.named("test-studio-catalog-cluster-service-policy");
        assertEquals("arn:aws:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2", managed.inputString("policyArn"));
        var passInstanceRole = statement(document(plan.named("test-studio-catalog-cluster-service-pass-instance-role"), "policy"), "PassInstanceRoleToEc2");
        assertEquals(List.of("arn:aws:iam::" + ACCOUNT + ":role/big-data-stack-test-studio-cluster-instance"), resources(passInstanceRole));
    }

    @Test
    void instanceRoleReachesItsLogsAndDataPrefixesOnly() {
        var policy = document(plan().named("test-studio-catalog-cluster-instance-s3"), "policy");
        for (var s : statements(policy)) {
            assertTrue(actions(s).stream().allMatch(a -> a.startsWith("s3:")), s.toString());
        }
        assertEquals(List.of("arn:aws:s3:::" + BUCKET + "/emr-logs/*", "arn:aws:s3:::" + BUCKET + "/cluster-data/*"),
                resources(statement(policy, "ReadWriteClusterPrefixes")));
        assertTrue(actions(statement(policy, "ReadWriteClusterPrefixes")).containsAll(List.of("s3:GetObject", "s3:PutObject")));
        var list = statement(policy, "ListClusterPrefixes");
        assertEquals(List.of("arn:aws:s3:::" + BUCKET), resources(list));
        assertEquals("[\"emr-logs/*\",\"cluster-data/*\"]",
                list.getAsJsonObject("Condition").getAsJsonObject("StringLike").get("s3:prefix").toString());
        assertTrue(policy.toString().indexOf("workspaces/") < 0, "other users' Workspace backups are out of reach");
    }

    @Test
    void launchRoleIsAssumedByServiceCatalogAndWorksOnCatalogStacksOnly() {
        var plan = plan();
        var launchRole = plan.named("test-studio-catalog-launch-role");
        var trust = statements(document(launchRole, "assumeRolePolicy")).get(0);
        assertEquals("servicecatalog.amazonaws.com", trust.getAsJsonObject("Principal").get("Service").getAsString());
        // The documented launch-role trust (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/constraints-launch.html):
        // AWS does not document source keys for it, and a condition on an absent key would deny every launch.
        assertEquals("sts:AssumeRole", trust.get("Action").getAsString());
        assertFalse(trust.has("Condition"), trust.toString());

        var policy = document(plan.named("test-studio-catalog-launch-policy"), "policy");
        assertEquals(List.of("arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/SC-" + ACCOUNT + "-pp-*/*"),
                resources(statement(policy, "ManageCatalogClusterStacks")));
        assertTrue(actions(statement(policy, "ManageClustersWithEMRTags")).contains("elasticmapreduce:ModifyInstanceGroups"),
                "users may resize the clusters they launched");
        var runJobFlow = statement(policy, "CreateClustersWithEMRTags");
        assertEquals("true", runJobFlow.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("aws:RequestTag/for-use-with-amazon-emr-managed-policies").getAsString());
        assertEquals(List.of("arn:aws:iam::" + ACCOUNT + ":role/big-data-stack-test-studio-cluster-service"),
                resources(statement(policy, "PassClusterServiceRole")));
        assertEquals(List.of("arn:aws:iam::" + ACCOUNT + ":role/big-data-stack-test-studio-cluster-instance"),
                resources(statement(policy, "PassClusterInstanceRole")));
        // A launch role needs CloudFormation, the template's services and the template copy; no Service Catalog
        // permissions of its own (constraints-launch.html, "Configuring a launch role").
        assertFalse(policy.toString().contains("\"servicecatalog:"), "no servicecatalog: actions in the launch role");
        var templateCopies = statement(policy, "ReadServiceCatalogTemplateCopies");
        assertEquals("true", templateCopies.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("s3:ExistingObjectTag/servicecatalog:provisioning").getAsString());
    }

    @Test
    void ssoUserRoleMayUseThePortfolio() {
        var plan = plan();
        var access = plan.one("aws:servicecatalog/principalPortfolioAssociation:PrincipalPortfolioAssociation");
        assertEquals("IAM", access.inputString("principalType"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/big-data-stack-test-studio-user", access.inputString("principalArn"));
        assertEquals(plan.one("aws:servicecatalog/portfolio:Portfolio").urn(),
                access.dependencies().stream().filter(d -> d.contains("Portfolio::")).findFirst().orElseThrow());
    }

    @Test
    void iamModeLeavesPortfolioAccessToTheAdministrator() {
        var plan = plan(b -> b.authMode(StudioAuthMode.IAM).adminUser(Optional.empty()));
        assertTrue(plan.ofType("aws:servicecatalog/principalPortfolioAssociation:PrincipalPortfolioAssociation").isEmpty());
        assertEquals(1, plan.ofType("aws:servicecatalog/constraint:Constraint").size());
    }

    @Test
    void catalogIsAChildComponentOfTheStudio() {
        var plan = plan();
        var catalog = plan.one(ClusterCatalog.TYPE);
        var studio = plan.one(EmrStudio.TYPE);
        assertEquals(studio.urn(), catalog.parent());
        for (var type : List.of("aws:servicecatalog/portfolio:Portfolio", "aws:servicecatalog/product:Product",
                "aws:servicecatalog/constraint:Constraint", "aws:s3/bucketObjectv2:BucketObjectv2")) {
            assertEquals(catalog.urn(), plan.one(type).parent(), type);
        }
        assertTrue(plan.resources().stream().filter(Plan.Resource::custom).allMatch(r -> r.name().startsWith("test-studio")));
    }

    /** The IDs the mock engine gave the private subnets, in AZ order. */
    private static java.util.List<String> privateSubnetIds(io.bigdatastack.plan.Plan plan) {
        var studio = plan.one("aws:emr/studio:Studio");
        return studio.input("subnetIds").orElseThrow().getAsJsonArray().asList().stream().map(e -> e.getAsString()).toList();
    }
}
