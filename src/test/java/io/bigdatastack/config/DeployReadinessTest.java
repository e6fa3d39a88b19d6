package io.bigdatastack.config;

import io.bigdatastack.cluster.KubernetesVersions;
import io.bigdatastack.iam.PolicyDocument;
import io.bigdatastack.insight.CostEstimate;
import io.bigdatastack.aws.AwsRegions;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.bigdatastack.testing.TestStacks.assertOneProblem;
import static io.bigdatastack.testing.TestStacks.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values AWS would reject mid-deploy are refused by configuration validation, before any resource exists. */
class DeployReadinessTest {

    private static StackConfig on(LocalDate day, Map<String, String> overrides) {
        var clock = Clock.fixed(day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        return StackConfig.load(TestStacks.source("test", overrides), clock);
    }

    // --- Kubernetes versions and support type (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html) ---

    @Test
    void theVersionTableHoldsTheDatesEksPublishes() {
        assertEquals(LocalDate.of(2026, 7, 29), KubernetesVersions.find("1.33").orElseThrow().endOfStandardSupport());
        assertEquals(LocalDate.of(2026, 12, 2), KubernetesVersions.find("1.34").orElseThrow().endOfStandardSupport());
        assertEquals(LocalDate.of(2027, 3, 27), KubernetesVersions.find("1.35").orElseThrow().endOfStandardSupport());
        assertEquals("v1.33.6", KubernetesVersions.find("1.33").orElseThrow().autoscalerImageTag());
        for (var v : KubernetesVersions.ALL) {
            assertTrue(v.autoscalerImageTag().startsWith("v" + v.minor() + "."), v.toString());
            assertTrue(v.endOfExtendedSupport().isAfter(v.endOfStandardSupport()), v.toString());
        }
    }

    @Test
    void aVersionPastStandardSupportIsRefusedUnlessTheStackOptsIntoExtendedSupport() {
        assertOneProblem(Map.of("kubernetesVersion", "1.33"), "big-data-stack:kubernetesVersion", "'1.33'", "2026-07-29",
                "big-data-stack:kubernetesSupportType", "EXTENDED");
        var extended = TestStacks.config(Map.of("kubernetesVersion", "1.33", "kubernetesSupportType", "EXTENDED"));
        assertEquals("EXTENDED", extended.cluster().supportType().name());
    }

    @Test
    void standardSupportIsJudgedByTheDateOfTheRunNotOfTheBuild() {
        // 1.34 leaves standard support on 2 December 2026: still accepted that day, refused the next.
        assertEquals("1.34", on(LocalDate.of(2026, 12, 2), Map.of("kubernetesVersion", "1.34")).cluster().kubernetesVersion());
        var refused = assertThrows(InvalidConfigException.class, () -> on(LocalDate.of(2026, 12, 3), Map.of("kubernetesVersion", "1.34")));
        assertTrue(refused.problems().get(0).contains("2026-12-02"), refused.problems().toString());
    }

    @Test
    void theLastThirtyDaysOfStandardSupportAreAnnounced() {
        var standard = io.bigdatastack.cluster.SupportType.STANDARD;
        // 1.34 ends on 2026-12-02: announced from 2026-11-02, not before, and not for an EXTENDED stack.
        assertTrue(KubernetesVersions.upcomingEndOfStandardSupport("1.34", standard, LocalDate.of(2026, 11, 29)).orElseThrow()
                .contains("2026-12-02"));
        assertTrue(KubernetesVersions.upcomingEndOfStandardSupport("1.34", standard, LocalDate.of(2026, 11, 2)).isPresent());
        assertTrue(KubernetesVersions.upcomingEndOfStandardSupport("1.34", standard, LocalDate.of(2026, 11, 1)).isEmpty());
        assertTrue(KubernetesVersions.upcomingEndOfStandardSupport("1.34", io.bigdatastack.cluster.SupportType.EXTENDED,
                LocalDate.of(2026, 11, 29)).isEmpty());
        assertTrue(KubernetesVersions.upcomingEndOfStandardSupport("1.35", standard, LocalDate.of(2026, 11, 29)).isEmpty());
    }

    @Test
    void aVersionPastExtendedSupportIsRefusedEvenWithExtended() {
        var refused = assertThrows(InvalidConfigException.class, () -> on(LocalDate.of(2027, 7, 30),
                Map.of("kubernetesVersion", "1.33", "kubernetesSupportType", "EXTENDED")));
        assertEquals(1, refused.problems().size());
        assertTrue(refused.problems().get(0).contains("left extended support on 2027-07-29"), refused.problems().toString());
    }

    @Test
    void supportTypeIsStandardOrExtended() {
        assertOneProblem(Map.of("kubernetesSupportType", "extended"), "big-data-stack:kubernetesSupportType", "'extended'", "STANDARD, EXTENDED");
    }

    @Test
    void extendedSupportReachesTheClusterAndIsPricedAtTheExtendedRate() {
        var plan = TestStacks.plan(Map.of("kubernetesVersion", "1.33", "kubernetesSupportType", "EXTENDED"));
        assertEquals("EXTENDED", plan.one("aws:eks/cluster:Cluster").inputString("upgradePolicy.supportType"));
        var cost = CostEstimate.of(plan, "us-east-1");
        assertTrue(cost.lineItems().stream().anyMatch(l -> l.item().startsWith("EKS control plane (extended")), cost.lineItems().toString());
        var standard = CostEstimate.of(TestStacks.plan(Map.of()), "us-east-1");
        assertTrue(standard.lineItems().stream().noneMatch(l -> l.item().startsWith("EKS control plane (extended")));
    }

    // --- Address space ---

    @ParameterizedTest
    @CsvSource({"0.0.0.0/16, 'this network'", "127.0.0.0/16, loopback", "169.254.0.0/16, link-local",
            "224.0.0.0/16, multicast", "240.0.0.0/16, reserved"})
    void vpcCidrOutsideUnicastSpaceIsRefused(String cidr, String purpose) {
        assertOneProblem(Map.of("vpcCidr", cidr), "big-data-stack:vpcCidr", "'" + cidr + "'", purpose);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.20.0.0/16", "172.16.0.0/16", "192.168.0.0/16", "100.64.0.0/16"})
    void privateAndSharedSpaceMakeAVpc(String cidr) {
        assertEquals(cidr, TestStacks.config(Map.of("vpcCidr", cidr)).network().vpcCidr());
    }

    @Test
    void moreThanFortyPublicAccessCidrsAreRefused() {
        var forty = IntStream.range(0, 40).mapToObj(i -> "\"198.51." + i + ".0/24\"").collect(Collectors.joining(",", "[", "]"));
        assertEquals(40, TestStacks.config(Map.of("endpointPublicAccessCidrs", forty)).cluster().endpointPublicAccessCidrs().size());
        var fortyOne = IntStream.range(0, 41).mapToObj(i -> "\"198.51." + i + ".0/24\"").collect(Collectors.joining(",", "[", "]"));
        assertOneProblem(Map.of("endpointPublicAccessCidrs", fortyOne), "big-data-stack:endpointPublicAccessCidrs", "41 entries", "at most 40");
    }

    @ParameterizedTest
    @CsvSource({"2001:db8::/32, IPv4", "10.0.0.0/8, private", "192.168.1.0/24, private", "127.0.0.1/32, loopback",
            "224.0.0.0/4, multicast"})
    void publicAccessCidrsArePublicIpv4Ranges(String cidr, String expected) {
        assertOneProblem(Map.of("endpointPublicAccessCidrs", "[\"" + cidr + "\"]"), "big-data-stack:endpointPublicAccessCidrs",
                "'" + cidr + "'", expected);
    }

    // --- Node groups ---

    @Test
    void macInstancesAreRefused() {
        assertOneProblem(Map.of("spotNodeInstanceTypes", "[\"mac1.metal\"]"), "big-data-stack:spotNodeInstanceTypes", "'mac1.metal'", "mac");
    }

    @Test
    void firstGenerationGravitonIsArmSoMixingItWithX86IsRefused() {
        assertOneProblem(Map.of("baseNodeInstanceTypes", "[\"a1.xlarge\", \"m5.xlarge\"]"), "big-data-stack:baseNodeInstanceTypes",
                "one architecture", "arm64: [a1.xlarge]", "x86_64: [m5.xlarge]");
        var plan = TestStacks.plan(Map.of("baseNodeInstanceTypes", "[\"a1.xlarge\", \"m6g.xlarge\"]"));
        assertEquals("AL2023_ARM_64_STANDARD", plan.named("test-base").inputString("amiType"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"c6g.large", "c6gn.large", "r6gd.large", "x2gd.large", "im4gn.large", "is4gen.large", "g5g.xlarge",
            "hpc7g.4xlarge", "m8g.large", "a1.large"})
    void everyGravitonFamilyIsDetected(String type) {
        assertTrue(io.bigdatastack.cluster.NodeAmi.isGraviton(type), type);
        assertOneProblem(Map.of("spotNodeInstanceTypes", "[\"" + type + "\", \"c5.2xlarge\"]"), "one architecture");
    }

    @ParameterizedTest
    @ValueSource(strings = {"g4dn.xlarge", "g4ad.xlarge", "m5.large", "c7i.large", "r7iz.large", "inf2.xlarge"})
    void x86FamiliesAreNotGraviton(String type) {
        assertFalse(io.bigdatastack.cluster.NodeAmi.isGraviton(type), type);
    }

    @Test
    void theBaseGroupCannotScaleToZero() {
        assertOneProblem(Map.of("baseNodeMinSize", "0"), "big-data-stack:baseNodeMinSize", "'0'", "Cluster Autoscaler");
        assertEquals(0, TestStacks.config(Map.of("spotNodeMinSize", "0", "spotNodeDesiredSize", "0")).spotNodes().minSize());
    }

    // --- Regions and AZs (AwsRegions) ---

    @Test
    void azCountAboveWhatTheRegionHoldsForEksIsRefusedNamingRegionAndCount() {
        // us-west-1 has usw1-az1..az3 and EKS cannot use usw1-az2.
        assertOneProblem(Map.of("aws:region", "us-west-1", "azCount", "3"), "big-data-stack:azCount", "'3'", "at most 2", "us-west-1");
        assertOneProblem(Map.of("aws:region", "us-east-1", "azCount", "6"), "big-data-stack:azCount", "at most 5", "us-east-1");
        assertEquals(5, TestStacks.config(Map.of("aws:region", "us-east-1", "azCount", "5")).network().azCount());
        assertOneProblem(Map.of("aws:region", "eu-west-1", "azCount", "4"), "big-data-stack:azCount", "at most 3", "eu-west-1");
    }

    @Test
    void anUnknownRegionIsRefused() {
        assertOneProblem(Map.of("aws:region", "us-north-9"), "aws:region", "'us-north-9'", "eu-west-1", AwsRegions.AS_OF);
    }

    @Test
    void theMockEngineAnswersAzLookupsFromTheSameTable() {
        var plan = TestStacks.plan(Map.of("aws:region", "us-east-1", "azCount", "5"));
        var azs = plan.ofType("aws:ec2/subnet:Subnet").stream().map(s -> s.inputString("availabilityZone")).distinct().count();
        assertEquals(AwsRegions.find("us-east-1").orElseThrow().eksZoneIds().size(), azs);
    }

    // --- IAM policy size (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html) ---

    private static String buckets(int count) {
        // 63-character names, the longest S3 allows: the fewest that overflow the quota.
        return IntStream.range(0, count).mapToObj(i -> "\"" + String.format("bucket-%05d-", i) + "x".repeat(50) + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void readBucketsThatOverflowTheJobRolePolicyAreRefusedByTheSizeOfTheDocumentWeWouldWrite() {
        int largest = 0;
        while (problems(largest + 1) == 0) {
            largest++;
        }
        // The largest accepted list plans a policy within the quota, as IAM counts it...
        var plan = TestStacks.plan(Map.of("jobReadBuckets", buckets(largest)));
        var policy = plan.ofType("aws:iam/rolePolicy:RolePolicy").stream().filter(r -> r.name().endsWith("-job-role-access"))
                .findFirst().orElseThrow().inputString("policy");
        int size = (int) policy.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        assertTrue(size <= PolicyDocument.MAX_ROLE_INLINE_POLICY_CHARACTERS, "size " + size);
        // ...and one more bucket (two ARNs of at least 77 characters) would not fit.
        assertTrue(size + 2 * 77 > PolicyDocument.MAX_ROLE_INLINE_POLICY_CHARACTERS, "size " + size);
        var refused = TestStacks.problems(Map.of("jobReadBuckets", buckets(largest + 1)));
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.get(0).startsWith("big-data-stack:jobReadBuckets: got '" + (largest + 1) + " buckets'"), refused.get(0));
        assertTrue(refused.get(0).contains("10240"), refused.get(0));
    }

    private static int problems(int bucketCount) {
        try {
            TestStacks.config(Map.of("jobReadBuckets", buckets(bucketCount)));
            return 0;
        } catch (InvalidConfigException e) {
            return e.problems().size();
        }
    }

    // --- Through `plan`: exit 2, every problem at once, nothing written ---

    @Test
    void planExitsTwoWithEveryNewRefusalAndWritesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.copy(java.nio.file.Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        java.nio.file.Files.writeString(dir.resolve("Pulumi.qa.yaml"), """
                config:
                  aws:region: us-west-1
                  big-data-stack:studioAdminUser: jane
                  big-data-stack:azCount: 3
                  big-data-stack:vpcCidr: 127.0.0.0/16
                  big-data-stack:baseNodeMinSize: 0
                  big-data-stack:baseNodeInstanceTypes: ["a1.large", "m5.large"]
                  big-data-stack:endpointPublicAccessCidrs: ["10.0.0.0/8"]
                """);
        var err = new java.io.ByteArrayOutputStream();
        int code = io.bigdatastack.cli.PlanCommand.run(new String[]{"plan", "qa", "--project-dir", dir.toString()},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        var text = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, code, text);
        for (var key : java.util.List.of("azCount", "vpcCidr", "baseNodeMinSize", "baseNodeInstanceTypes", "endpointPublicAccessCidrs")) {
            assertTrue(text.contains("big-data-stack:" + key + ": got '"), key + " in " + text);
        }
        assertTrue(text.contains("has 5 configuration problems"), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
        assertFalse(java.nio.file.Files.exists(dir.resolve("target/plan/qa.json")), "nothing is written for a bad config");
    }

    // --- Messages ---

    @Test
    void controlCharactersInValuesAreEscapedInMessages() {
        var problems = TestStacks.problems(Map.of("emrNamespace", "jobs\n  - forged: line\u001b[31m", "clusterName", "a\tb\u202e"));
        var joined = new ArrayList<>(problems);
        assertEquals(2, joined.size(), joined.toString());
        for (var problem : problems) {
            assertTrue(problem.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT),
                    problem);
        }
        assertTrue(problems.stream().anyMatch(p -> p.contains("'jobs\\n  - forged: line\\u001b[31m'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'a\\tb\\u202e'")), problems.toString());
    }
}
