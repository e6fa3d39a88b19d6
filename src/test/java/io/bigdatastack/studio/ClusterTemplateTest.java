package io.bigdatastack.studio;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped CloudFormation template: parseable by a plain YAML parser and what EMR Studio needs. */
@SuppressWarnings("unchecked")
class ClusterTemplateTest {

    private static final ClusterTemplate.Wiring WIRING = new ClusterTemplate.Wiring(
            "svc-role", "instance-profile", "s3://bucket/emr-logs/", "big-data-stack", "dev", List.of("subnet-1a", "subnet-2b"));

    /** SafeConstructor rejects unknown tags such as !Ref: the template must use long-form intrinsics only. */
    private static Map<String, Object> parse(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    private static Map<String, Object> map(Object value) {
        return assertInstanceOf(Map.class, value);
    }

    private static Map<String, Object> template() {
        return parse(ClusterTemplate.render(WIRING));
    }

    private static Map<String, Object> cluster() {
        var resources = map(template().get("Resources"));
        var cluster = map(resources.get("EmrCluster"));
        assertEquals("AWS::EMR::Cluster", cluster.get("Type"));
        return map(cluster.get("Properties"));
    }

    @Test
    void theRepositoryFileIsTheClasspathResource() throws Exception {
        assertEquals(Files.readString(Path.of("src/main/resources/" + ClusterTemplate.RESOURCE)), ClusterTemplate.source());
        assertFalse(ClusterTemplate.source().matches("(?s).*(?m:^[^#\\n]*!(Ref|Sub|GetAtt|FindInMap|Join|If|Select)\\b).*"),
                "long-form intrinsics only (comments aside)");
        var raw = parse(ClusterTemplate.source());
        assertEquals("2010-09-09", raw.get("AWSTemplateFormatVersion"));
    }

    @Test
    void hasTheParametersAndOutputEmrStudioRequires() {
        var parameters = map(template().get("Parameters"));
        assertTrue(parameters.keySet().containsAll(List.of("SubnetId", "ClusterName")), parameters.keySet().toString());
        var outputs = map(template().get("Outputs"));
        assertEquals(Map.of("Ref", "EmrCluster"), map(outputs.get("ClusterId")).get("Value"));
        assertEquals(Map.of("Ref", "SubnetId"), map(cluster().get("Instances")).get("Ec2SubnetId"));
        assertEquals(Map.of("Ref", "ClusterName"), cluster().get("Name"));
        // Accepting the defaults launches into the Studio's first private subnet, never into a public one.
        var subnet = map(parameters.get("SubnetId"));
        assertEquals("subnet-1a", subnet.get("Default"));
        assertTrue(String.valueOf(subnet.get("Description")).contains("subnet-1a, subnet-2b"), subnet.toString());
    }

    @Test
    void runsSparkWithLivyAndJupyterEnterpriseGatewayOnEmr7() {
        var applications = ((List<Map<String, Object>>) cluster().get("Applications")).stream().map(a -> a.get("Name")).toList();
        assertEquals(List.of("Spark", "Livy", "JupyterEnterpriseGateway"), applications);
        assertEquals(Map.of("Ref", "EmrRelease"), cluster().get("ReleaseLabel"));
        var release = map(map(template().get("Parameters")).get("EmrRelease"));
        assertTrue(((String) release.get("Default")).matches("emr-7\\.\\d+\\.\\d+"), release.toString());
        assertTrue("emr-7.13.0".matches((String) release.get("AllowedPattern")));
        assertFalse("emr-6.15.0".matches((String) release.get("AllowedPattern")));
    }

    @Test
    void isSmallByDefault() {
        var parameters = map(template().get("Parameters"));
        assertEquals(1, map(parameters.get("CoreInstanceCount")).get("Default"));
        assertEquals("m5.xlarge", map(parameters.get("InstanceType")).get("Default"));
        var instances = map(cluster().get("Instances"));
        assertEquals(1, map(instances.get("MasterInstanceGroup")).get("InstanceCount"));
        assertEquals(Map.of("Ref", "CoreInstanceCount"), map(instances.get("CoreInstanceGroup")).get("InstanceCount"));
        assertEquals(false, instances.get("TerminationProtected"));
    }

    @Test
    void terminatesWhenIdle() {
        var policy = map(cluster().get("AutoTerminationPolicy"));
        assertEquals(Map.of("Ref", "IdleTimeoutSeconds"), policy.get("IdleTimeout"));
        var timeout = map(map(template().get("Parameters")).get("IdleTimeoutSeconds"));
        assertEquals(3600, timeout.get("Default"));
        // EMR accepts 60 seconds to 7 days (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-auto-termination-policy.html).
        assertEquals(60, timeout.get("MinValue"));
        assertEquals(604800, timeout.get("MaxValue"));
    }

    @Test
    void carriesTheEmrManagedPoliciesTag() {
        var tags = (List<Map<String, Object>>) cluster().get("Tags");
        assertTrue(tags.contains(Map.of("Key", "for-use-with-amazon-emr-managed-policies", "Value", "true")), tags.toString());
    }

    @Test
    void usesTheStacksRolesAndLogBucket() {
        var wiring = map(map(map(template().get("Mappings")).get("Stack")).get("Wiring"));
        assertEquals("svc-role", wiring.get("ServiceRole"));
        assertEquals("instance-profile", wiring.get("InstanceProfile"));
        assertEquals("s3://bucket/emr-logs/", wiring.get("LogUri"));
        assertEquals(Map.of("Fn::FindInMap", List.of("Stack", "Wiring", "ServiceRole")), cluster().get("ServiceRole"));
        assertEquals(Map.of("Fn::FindInMap", List.of("Stack", "Wiring", "InstanceProfile")), cluster().get("JobFlowRole"));
        assertEquals(Map.of("Fn::FindInMap", List.of("Stack", "Wiring", "LogUri")), cluster().get("LogUri"));
    }

    @Test
    void renderingRefusesMissingOrUnusedTokensAndValuesThatBreakYaml() {
        assertThrows(IllegalArgumentException.class, () -> ClusterTemplate.render("a: \"@ONE@\"\nb: \"@TWO@\"\n", Map.of("ONE", "1")));
        assertThrows(IllegalArgumentException.class, () -> ClusterTemplate.render("a: \"@ONE@\"\n", Map.of("ONE", "1", "TWO", "2")));
        assertThrows(IllegalArgumentException.class, () -> ClusterTemplate.render("a: \"@ONE@\"\n", Map.of("ONE", "say \"hi\"")));
        assertEquals("a: \"1\"\n", ClusterTemplate.render("a: \"@ONE@\"\n", Map.of("ONE", "1")));
    }

    @Test
    void hashChangesWithTheContent() {
        assertEquals(12, ClusterTemplate.shortHash("x").length());
        assertFalse(ClusterTemplate.shortHash("a").equals(ClusterTemplate.shortHash("b")));
    }
}
