package io.bigdatastack.emr;

import io.bigdatastack.config.InvalidConfigException;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.config.Validators;
import io.bigdatastack.cli.Planner;
import io.bigdatastack.testing.TestStacks;

import static io.bigdatastack.testing.TestStacks.assertOneProblem;
import static io.bigdatastack.testing.TestStacks.problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EMR on EKS keys of StackConfig: defaults, validation, and messages that name key, value and expected form. */
class EmrConfigTest {


    @Test
    void defaults() {
        var config = TestStacks.config(Map.of());
        assertEquals("emr-jobs", config.emrNamespace());
        assertEquals(new StackConfig.Emr("emr-7.13.0-latest", JobRoleBinding.irsa, List.of(), false, true, List.of()), config.emr());
    }

    @Test
    void readsEveryKey() {
        var config = TestStacks.config(Map.of(
                "emrNamespace", "analytics",
                "emrReleaseLabel", "emr-spark-8.0.0-latest",
                "jobRoleBinding", "both",
                "jobReadBuckets", "[\"raw-data.example\", \"curated-data\"]",
                "glueCatalogAccess", "true",
                "glueReadDatabases", "[\"sales\", \"shared_reference\"]",
                "jobTemplate", "false"));
        assertEquals("analytics", config.emrNamespace());
        assertEquals(new StackConfig.Emr("emr-spark-8.0.0-latest", JobRoleBinding.both, List.of("raw-data.example", "curated-data"), true, false,
                List.of("sales", "shared_reference")),
                config.emr());
    }

    @Test
    void stackFilesUseTheDefaults() throws Exception {
        for (var stack : List.of("dev", "prod")) {
            var config = Planner.load(Path.of("."), stack, io.bigdatastack.testing.TestStacks.CLOCK);
            assertEquals("emr-7.13.0-latest", config.emr().releaseLabel(), stack);
            assertEquals(JobRoleBinding.irsa, config.emr().jobRoleBinding(), stack);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMR", "emr_jobs", "-jobs", "emr.jobs"})
    void rejectsANamespaceThatIsNoDnsLabel(String namespace) {
        assertOneProblem(Map.of("emrNamespace", namespace), "big-data-stack:emrNamespace", "'" + namespace + "'", "RFC 1123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"emr-7.13.0", "7.13.0", "emr-6.15.0-latest", "emr-7.13.0-2024", "emr-spark-8.0-latest"})
    void rejectsOtherReleaseLabels(String label) {
        assertOneProblem(Map.of("emrReleaseLabel", label), "big-data-stack:emrReleaseLabel", "'" + label + "'",
                "emr-<major>.<minor>.<patch>-latest", "emr-spark-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"emr-7.0.0-latest", "emr-7.3.0-20240920", "emr-spark-8.0.0-latest"})
    void acceptsSupportedReleaseLabels(String label) {
        assertEquals(label, TestStacks.config(Map.of("emrReleaseLabel", label)).emr().releaseLabel());
    }

    @Test
    void rejectsAnUnknownBindingMode() {
        assertOneProblem(Map.of("jobRoleBinding", "pod-identity"), "big-data-stack:jobRoleBinding", "'pod-identity'",
                "irsa, podIdentity, both");
    }

    @ParameterizedTest
    @ValueSource(strings = {"podIdentity", "both"})
    void podIdentityNeedsEmr730(String binding) {
        assertOneProblem(Map.of("jobRoleBinding", binding, "emrReleaseLabel", "emr-7.2.0-latest"),
                "big-data-stack:jobRoleBinding", "'" + binding + "'", "emr-7.2.0-latest", "emr-7.3.0");
        assertEquals(JobRoleBinding.valueOf(binding),
                TestStacks.config(Map.of("jobRoleBinding", binding, "emrReleaseLabel", "emr-7.3.0-latest")).emr().jobRoleBinding());
    }

    @Test
    void irsaWorksWithAnySupportedRelease() {
        assertEquals(JobRoleBinding.irsa, TestStacks.config(Map.of("emrReleaseLabel", "emr-7.0.0-latest")).emr().jobRoleBinding());
    }

    @Test
    void rejectsBadReadBucketsOneByOne() {
        var problems = assertThrows(InvalidConfigException.class, () -> TestStacks.config(Map.of(
                "jobReadBuckets", "[\"good-bucket\", \"arn:aws:s3:::raw\", \"s3://raw/\", \"Raw_Data\"]"))).problems();
        assertEquals(3, problems.size(), problems.toString());
        for (var bad : List.of("arn:aws:s3:::raw", "s3://raw/", "Raw_Data")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("big-data-stack:jobReadBuckets: got '" + bad + "'")
                    && p.contains("an S3 bucket name")), problems.toString());
        }
    }

    @Test
    void rejectsANonBooleanGlueFlag() {
        assertOneProblem(Map.of("glueCatalogAccess", "yes"), "big-data-stack:glueCatalogAccess", "'yes'", "true or false");
    }

    @Test
    void derivedNamesFitTheServicesRules() {
        // A stack name with an underscore is fine for Pulumi, IAM and EMR, not for S3 or CloudFormation: those
        // names are rewritten rather than refused.
        StackConfig.load(TestStacks.source("team_a", Map.of()), TestStacks.CLOCK);
        assertEquals("big-data-stack-team-a-emr-123456789012", EmrNames.jobBucketName("big-data-stack-team_a", "123456789012"));
        assertEquals("big-data-stack-team-a-spark-pi", EmrNames.jobTemplateStackName("big-data-stack-team_a"));
        assertEquals("big-data-stack-dev-emr-job", EmrNames.jobRoleName("big-data-stack-dev"));
        assertEquals("big-data-stack-dev-emr-123456789012", EmrNames.jobBucketName("big-data-stack-Dev", "123456789012"));
        // The longest prefix StackConfig allows (40) still gives valid names.
        var longest = "p".repeat(40);
        assertTrue(Validators.iamRoleName(EmrNames.jobRoleName(longest)).isEmpty());
        assertTrue(Validators.s3BucketName(EmrNames.jobBucketName(longest, "123456789012")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "my-bucket", "my.bucket.example", "a1-b2.c3", "x23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsBucketNames(String name) {
        assertTrue(Validators.s3BucketName(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "My-Bucket", "my_bucket", "-bucket", "bucket-", "my..bucket", "192.168.5.4", "xn--bucket",
            "sthree-bucket", "bucket-s3alias", "bucket--ol-s3", "bucket--x-s3", "arn:aws:s3:::bucket", "s3://bucket",
            "x234567890123456789012345678901234567890123456789012345678901234", ""})
    void rejectsBucketNames(String name) {
        assertFalse(Validators.s3BucketName(name).isEmpty(), name);
    }

    @Test
    void aNamespaceTooLongForTheVirtualClusterNameIsRejected() {
        var namespace = "n" + "x".repeat(50); // a valid 51-character label; with the prefix the name passes 64
        assertOneProblem(Map.of("emrNamespace", namespace), "big-data-stack:emrNamespace", "'" + namespace + "'", "64 characters");
        TestStacks.config(Map.of("emrNamespace", "n" + "x".repeat(40)));
    }
}
