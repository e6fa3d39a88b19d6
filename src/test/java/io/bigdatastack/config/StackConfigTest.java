package io.bigdatastack.config;

import io.bigdatastack.network.NatStrategy;
import io.bigdatastack.cli.Planner;
import io.bigdatastack.studio.StudioAuthMode;
import io.bigdatastack.testing.TestStacks;

import static io.bigdatastack.testing.TestStacks.assertOneProblem;
import static io.bigdatastack.testing.TestStacks.overrides;
import static io.bigdatastack.testing.TestStacks.problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackConfigTest {



    @Test
    void defaultsDescribeTheReferenceShape() {
        var config = TestStacks.config(Map.of());
        assertEquals("big-data-stack-test", config.cluster().name());
        assertEquals("1.35", config.cluster().kubernetesVersion());
        assertEquals(3, config.network().azCount());
        assertEquals(NatStrategy.single, config.network().natGateways());
        assertEquals(List.of("10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19"), config.network().privateSubnetCidrs());
        assertEquals(List.of("10.0.224.0/24", "10.0.225.0/24", "10.0.226.0/24"), config.network().publicSubnetCidrs());
        assertEquals(List.of("m5.xlarge"), config.baseNodes().instanceTypes());
        assertEquals(20, config.spotNodes().maxSize());
        assertEquals("emr-jobs", config.emrNamespace());
        assertEquals(StudioAuthMode.SSO, config.studio().authMode());
        assertEquals(Optional.empty(), config.cluster().adminRoleName());
    }

    @Test
    void bothStackFilesOfTheRepositoryAreValid() throws Exception {
        var dev = Planner.load(Path.of("."), "dev", io.bigdatastack.testing.TestStacks.CLOCK);
        var prod = Planner.load(Path.of("."), "prod", io.bigdatastack.testing.TestStacks.CLOCK);
        assertEquals(NatStrategy.single, dev.network().natGateways());
        assertEquals(0, dev.spotNodes().minSize());
        assertEquals(NatStrategy.perAz, prod.network().natGateways());
        assertTrue(prod.protectStatefulResources());
        assertTrue(!dev.protectStatefulResources());
        assertTrue(!prod.cluster().endpointPublicAccessCidrs().contains("0.0.0.0/0"), "prod must not open the API endpoint to the world");
        for (var config : List.of(dev, prod)) {
            assertTrue(config.cluster().adminRoleName().isPresent());
            assertTrue(config.studio().adminUser().isPresent());
        }
    }

    @Test
    void rejectsAMalformedAdminRoleName() {
        assertOneProblem(Map.of("eksAdminRoleName", "arn:aws:iam::123456789012:role/Admin"),
                "big-data-stack:eksAdminRoleName", "'arn:aws:iam::123456789012:role/Admin'", "IAM role name");
    }

    @Test
    void ssoNeedsAStudioAdminUser() {
        assertOneProblem(overrides("studioAdminUser", null), "big-data-stack:studioAdminUser", "SSO");
    }

    @Test
    void iamModeNeedsNoStudioAdminUser() {
        var config = TestStacks.config(overrides("studioAdminUser", null, "studioAuthMode", "IAM"));
        assertEquals(StudioAuthMode.IAM, config.studio().authMode());
    }

    @Test
    void rejectsAnUnknownStudioAuthMode() {
        assertOneProblem(Map.of("studioAuthMode", "sso"), "big-data-stack:studioAuthMode", "'sso'", "one of SSO, IAM");
    }

    @Test
    void rejectsAnUnknownNatStrategy() {
        assertOneProblem(Map.of("natGateways", "two"), "big-data-stack:natGateways", "'two'", "one of single, perAz");
    }

    @ParameterizedTest
    @CsvSource({"1", "7", "0"})
    void rejectsAzCountsOutOfRange(String count) {
        assertOneProblem(Map.of("azCount", count), "big-data-stack:azCount", "'" + count + "'", "from 2 to 6");
    }

    @Test
    void rejectsANonNumericAzCount() {
        assertOneProblem(Map.of("azCount", "three"), "big-data-stack:azCount", "'three'", "whole number");
    }

    @Test
    void rejectsAMalformedVpcCidr() {
        assertOneProblem(Map.of("vpcCidr", "10.0.0.1/16"), "big-data-stack:vpcCidr", "'10.0.0.1/16'", "host bits");
    }

    @Test
    void rejectsAVpcTooSmallToCarve() {
        assertOneProblem(Map.of("vpcCidr", "10.0.0.0/24"), "big-data-stack:vpcCidr", "/16 to /20");
    }

    @Test
    void acceptsExplicitSubnets() {
        var config = TestStacks.config(Map.of("azCount", "2",
                "publicSubnetCidrs", "[\"10.0.0.0/24\", \"10.0.1.0/24\"]",
                "privateSubnetCidrs", "[\"10.0.16.0/20\", \"10.0.32.0/20\"]"));
        assertEquals(List.of("10.0.16.0/20", "10.0.32.0/20"), config.network().privateSubnetCidrs());
    }

    @Test
    void rejectsOverlappingSubnets() {
        assertOneProblem(Map.of("azCount", "2",
                        "publicSubnetCidrs", "[\"10.0.0.0/24\", \"10.0.1.0/24\"]",
                        "privateSubnetCidrs", "[\"10.0.16.0/20\", \"10.0.1.0/24\"]"),
                "overlap", "10.0.1.0/24 and 10.0.1.0/24");
    }

    @Test
    void rejectsSubnetsOutsideTheVpcAndWrongCounts() {
        var problems = problems(Map.of("azCount", "2",
                "publicSubnetCidrs", "[\"192.168.0.0/24\", \"10.0.1.0/24\"]",
                "privateSubnetCidrs", "[\"10.0.16.0/20\"]"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("publicSubnetCidrs") && p.contains("192.168.0.0/24") && p.contains("inside vpcCidr")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("privateSubnetCidrs") && p.contains("one CIDR per AZ")), problems.toString());
    }

    @Test
    void rejectsNodeSizesOutOfOrder() {
        assertOneProblem(Map.of("baseNodeMinSize", "3", "baseNodeDesiredSize", "2", "baseNodeMaxSize", "5"),
                "big-data-stack:baseNodeMinSize <= big-data-stack:baseNodeDesiredSize <= big-data-stack:baseNodeMaxSize", "3, 2, 5");
    }

    @Test
    void rejectsAZeroMaximum() {
        var problems = problems(Map.of("spotNodeMinSize", "0", "spotNodeDesiredSize", "0", "spotNodeMaxSize", "0"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("big-data-stack:spotNodeMaxSize") && problems.get(0).contains("1 or more"));
    }

    @Test
    void rejectsMalformedInstanceTypes() {
        assertOneProblem(Map.of("spotNodeInstanceTypes", "[\"c5.2xlarge\", \"c5-2xlarge\"]"),
                "big-data-stack:spotNodeInstanceTypes", "'c5-2xlarge'", "EC2 instance type");
    }

    @Test
    void rejectsAnInstanceTypeListThatIsNotAList() {
        assertOneProblem(Map.of("baseNodeInstanceTypes", "m5.xlarge"), "big-data-stack:baseNodeInstanceTypes", "list of strings");
    }

    @Test
    void rejectsAnUnsupportedKubernetesVersion() {
        assertOneProblem(Map.of("kubernetesVersion", "1.19"), "big-data-stack:kubernetesVersion", "'1.19'", "1.33, 1.34, 1.35, 1.36");
    }

    @Test
    void rejectsABadClusterName() {
        assertOneProblem(Map.of("clusterName", "my.cluster"), "big-data-stack:clusterName", "'my.cluster'", "EKS cluster name");
    }

    @Test
    void rejectsADerivedClusterNameThatIsInvalid() {
        var problems = assertThrows(InvalidConfigException.class,
                () -> StackConfig.load(TestStacks.source("team.a", Map.of()), TestStacks.CLOCK)).problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("clusterName") && p.contains("big-data-stack-team.a") && p.contains("derived")), problems.toString());
    }

    @Test
    void rejectsANamespaceThatIsNotADnsLabel() {
        assertOneProblem(Map.of("emrNamespace", "EMR_Jobs"), "big-data-stack:emrNamespace", "'EMR_Jobs'", "RFC 1123");
    }

    @Test
    void rejectsBadEndpointCidrs() {
        assertOneProblem(Map.of("endpointPublicAccessCidrs", "[\"203.0.113.0/33\"]"), "big-data-stack:endpointPublicAccessCidrs", "'203.0.113.0/33'");
        assertOneProblem(Map.of("endpointPublicAccessCidrs", "[]"), "big-data-stack:endpointPublicAccessCidrs", "at least one CIDR");
    }

    @Test
    void rejectsAMissingRegion() {
        assertOneProblem(overrides("aws:region", null), "aws:region", "AWS Region");
    }

    @Test
    void rejectsRegionsOutsideTheCommercialPartition() {
        assertOneProblem(Map.of("aws:region", "cn-north-1"), "aws:region", "'cn-north-1'", "commercial partition");
        assertOneProblem(Map.of("aws:region", "us-gov-west-1"), "aws:region", "'us-gov-west-1'");
    }

    @Test
    void rejectsAMisspeltKey() {
        assertOneProblem(Map.of("azcount", "3"), "big-data-stack:azcount", "unknown key");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var problems = problems(Map.of(
                "azCount", "9",
                "kubernetesVersion", "1.20",
                "emrNamespace", "Jobs",
                "eksAdminRoleName", "bad role",
                "protectStatefulResources", "yes"));
        assertEquals(5, problems.size(), problems.toString());
        var message = new InvalidConfigException("test", problems).getMessage();
        assertTrue(message.startsWith("Stack 'test' has 5 configuration problems:"), message);
    }

}
