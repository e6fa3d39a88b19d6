package io.bigdatastack.protection;

import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With protectStatefulResources every resource of the stateful list is protected; without, none. */
class StatefulProtectionTest {

    private static Plan prod;
    private static Plan dev;
    /** A protected stack with two teams: team namespaces and virtual clusters are stateful too. */
    private static Plan teams;
    /** A protected stack of one default team with the Glue catalog: its database is stateful. */
    private static Plan glue;

    @BeforeAll
    static void plan() {
        prod = TestStacks.planStackFile("prod");
        dev = TestStacks.planStackFile("dev");
        teams = TestStacks.plan(Map.of("protectStatefulResources", "true",
                "teams", "[{\"name\": \"analytics\", \"glueCatalogAccess\": true}, {\"name\": \"ml\"}]"));
        glue = TestStacks.plan(Map.of("protectStatefulResources", "true", "glueCatalogAccess", "true"));
    }

    @AfterAll
    static void cleanup() {
        com.pulumi.test.PulumiTest.cleanup();
    }

    /** The full list, pinned: logical name -> type. A resource joining or leaving it must change this test. */
    private static final Map<String, String> PROD_PROTECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("prod-cluster", "aws:eks/cluster:Cluster"),
            Map.entry("prod-secrets", "aws:kms/key:Key"),
            Map.entry("prod-control-plane-logs", "aws:cloudwatch/logGroup:LogGroup"),
            Map.entry("prod-emr-namespace", "kubernetes:core/v1:Namespace"),
            Map.entry("prod-emr-virtual-cluster", "aws:emrcontainers/virtualCluster:VirtualCluster"),
            Map.entry("prod-emr-job-logs", "aws:cloudwatch/logGroup:LogGroup"),
            Map.entry("prod-emr-job-bucket", "aws:s3/bucketV2:BucketV2"),
            Map.entry("prod-emr-job-bucket-public-access-block", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"),
            Map.entry("prod-emr-job-bucket-encryption", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"),
            Map.entry("prod-emr-job-bucket-versioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"),
            Map.entry("prod-emr-job-bucket-tls-only", "aws:s3/bucketPolicy:BucketPolicy"),
            Map.entry("prod-emr-job-bucket-lifecycle", "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"),
            Map.entry("prod-studio", "aws:emr/studio:Studio"),
            Map.entry("prod-studio-bucket", "aws:s3/bucketV2:BucketV2"),
            Map.entry("prod-studio-bucket-public-access-block", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"),
            Map.entry("prod-studio-bucket-encryption", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"),
            Map.entry("prod-studio-bucket-versioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"),
            Map.entry("prod-studio-bucket-tls-only", "aws:s3/bucketPolicy:BucketPolicy"),
            // costReports: true in prod: the cost report bucket and its settings.
            Map.entry("prod-cost-bucket", "aws:s3/bucketV2:BucketV2"),
            Map.entry("prod-cost-bucket-public-access-block", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"),
            Map.entry("prod-cost-bucket-encryption", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"),
            Map.entry("prod-cost-bucket-versioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"),
            Map.entry("prod-cost-bucket-tls-only", "aws:s3/bucketPolicy:BucketPolicy"),
            Map.entry("prod-cost-bucket-lifecycle", "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2")));

    @Test
    void prodProtectsExactlyTheStatefulList() {
        var protectedResources = prod.resources().stream().filter(r -> r.options().protect())
                .collect(Collectors.toMap(Plan.Resource::name, Plan.Resource::type, (a, b) -> a + "," + b, TreeMap::new));
        assertEquals(PROD_PROTECTED, protectedResources);
    }

    @Test
    void everyEntryOfTheListIsPresentInProdAndMatchesWhatTheProgramProtects() {
        var seen = EnumSet.noneOf(Stateful.class);
        for (var plan : List.of(prod, teams, glue)) {
            for (var resource : plan.resources()) {
                var role = role(plan, resource);
                role.ifPresent(seen::add);
                assertEquals(role.isPresent(), resource.options().protect(),
                        resource.urn() + ": the Stateful list and the protect option must agree");
            }
        }
        var teamProtected = teams.resources().stream().filter(r -> r.options().protect() && r.urn().contains("bigdata:emr:Team$"))
                .map(Plan.Resource::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("test-emr-team-analytics-namespace", "test-emr-team-analytics-virtual-cluster",
                "test-emr-team-analytics-glue-database",
                "test-emr-team-ml-namespace", "test-emr-team-ml-virtual-cluster")), teamProtected);
        assertEquals(EnumSet.allOf(Stateful.class), seen, "every Stateful entry names a resource the program creates");
    }

    @Test
    void retainedOnDeleteWhereLeavingItInAwsIsSafeNotTheCluster() {
        var retained = prod.resources().stream().filter(r -> r.options().retainOnDelete()).map(Plan.Resource::name)
                .collect(Collectors.toCollection(TreeSet::new));
        var expected = new TreeSet<>(PROD_PROTECTED.keySet());
        expected.remove("prod-cluster"); // a retained control plane keeps billing and blocks a same-named successor
        assertEquals(expected, retained);
        assertFalse(Stateful.EKS_CLUSTER.retainOnDelete());
    }

    @Test
    void devProtectsAndRetainsNothing() {
        var kept = dev.resources().stream().filter(r -> r.options().protect() || r.options().retainOnDelete())
                .map(Plan.Resource::urn).toList();
        assertTrue(kept.isEmpty(), kept.toString());
        // ... while the same resources are still recognised as stateful (the change review marks them).
        long stateful = dev.resources().stream().filter(r -> role(dev, r).isPresent()).count();
        // Dev has no cost reports (costReports is on in prod only): the rest of prod's list.
        assertEquals(PROD_PROTECTED.keySet().stream().filter(name -> !name.startsWith("prod-cost-")).count(), stateful);
    }

    private static Optional<Stateful> role(Plan plan, Plan.Resource resource) {
        if (resource.parent() == null) {
            return Optional.empty();
        }
        var parentType = plan.byUrn(resource.parent()).map(Plan.Resource::type).orElse("");
        return Stateful.of(resource.type(), parentType);
    }

    @Test
    void eachResourceTypeBelongsToOneEntryPerComponent() {
        Set<String> pairs = new TreeSet<>();
        for (var entry : Stateful.values()) {
            for (var type : entry.resourceTypes()) {
                assertTrue(pairs.add(entry.componentType() + " " + type), "two entries claim " + type + " in " + entry.componentType());
            }
        }
    }
}
