package io.bigdatastack.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration that can only be a mistake exits 2, names the key or file and line, writes no plan. */
class StrictStackFileTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run refused(Path dir, String stackFile, String... fragments) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), stackFile);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = PlanCommand.run(new String[]{"plan", "qa", "--project-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        var run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        for (var fragment : fragments) {
            assertTrue(run.err().contains(fragment), "'" + run.err() + "' should mention '" + fragment + "'");
        }
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(dir.resolve("target/plan/qa.json")), "no plan is written");
        return run;
    }

    private static final String BASE = "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n";

    /**
     * A value the file itself refuses (a number JSON cannot carry) does not hide the configuration's problems with the
     * other keys: all are listed, and a refused key is not also reported as missing or empty.
     */
    @Test
    void aValueTheFileRefusesDoesNotHideTheConfigurationsProblems(@TempDir Path dir) throws Exception {
        var run = refused(dir, """
                config:
                  aws:region: eu-west-1
                  big-data-stack:studioAdminUser: .nan
                  big-data-stack:azCont: 2
                  big-data-stack:teams:
                    - name: analytics
                      cpuQuota: .inf
                """, "Stack 'qa' has 3 configuration problems",
                "Pulumi.qa.yaml:3: big-data-stack:studioAdminUser: got '.nan', a number that is not finite",
                "Pulumi.qa.yaml:7: big-data-stack:teams[0].cpuQuota: got '.inf', a number that is not finite",
                "Pulumi.qa.yaml:4: big-data-stack:azCont: unknown key of this project; did you mean 'big-data-stack:azCount'?");
        assertFalse(run.err().contains("got ''"), run.err());
    }

    /** A file whose shape is wrong (a second config block) is not checked as configuration: half of it would be missing. */
    @Test
    void aFileWithADuplicateBlockReportsOnlyItsShape(@TempDir Path dir) throws Exception {
        var run = refused(dir, "config:\n  aws:region: eu-west-1\nconfig:\n  big-data-stack:studioAdminUser: jane\n",
                "Pulumi.qa.yaml:3: duplicate key 'config' (first given on line 1)");
        assertFalse(run.err().contains("studioAdminUser"), "the second block's key is not reported missing: " + run.err());
    }

    @Test
    void aKeyUnderAMisspeltProjectNamespaceIsRefusedWithTheKeyItMeant(@TempDir Path dir) throws Exception {
        refused(dir, BASE + "  big-data-stak:protectStatefulResources: true\n",
                "big-data-stak:protectStatefulResources", "namespace 'big-data-stak'",
                "did you mean 'big-data-stack:protectStatefulResources'?");
    }

    @Test
    void aForeignNamespaceIsRefused(@TempDir Path dir) throws Exception {
        refused(dir, BASE + "  gcp:project: my-project\n", "gcp:project: namespace 'gcp' is read by nothing");
    }

    @Test
    void anAwsKeyThatIsNotAProviderSettingIsRefusedWithTheSettingItMeant(@TempDir Path dir) throws Exception {
        refused(dir, BASE + "  aws:regoin: eu-west-2\n", "aws:regoin: not a setting of the AWS provider", "did you mean 'aws:region'?");
    }

    @Test
    void anAwsProviderSettingIsAccepted(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), BASE + "  aws:profile: platform\n  pulumi:template: none\n");
        var code = PlanCommand.run(new String[]{"plan", "qa", "--project-dir", dir.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), io.bigdatastack.testing.TestStacks.CLOCK);
        assertEquals(0, code);
    }

    @Test
    void theEmrNamespaceMayNotBeASystemNamespace(@TempDir Path dir) throws Exception {
        refused(dir, BASE + "  big-data-stack:emrNamespace: kube-system\n", "big-data-stack:emrNamespace: got 'kube-system'", "system namespace");
    }

    @Test
    void theEmrNamespaceMayNotBeTheDashboards(@TempDir Path dir) throws Exception {
        refused(dir, BASE + "  big-data-stack:emrNamespace: headlamp\n", "big-data-stack:emrNamespace: got 'headlamp'", "dashboard");
    }

    @Test
    void malformedYamlNamesFileAndLine(@TempDir Path dir) throws Exception {
        refused(dir, BASE + "  big-data-stack:azCount: [3\n", "Pulumi.qa.yaml:", "malformed YAML");
    }

    @Test
    void aTopLevelThatIsNotAMapIsRefused(@TempDir Path dir) throws Exception {
        refused(dir, "- config\n- aws:region\n", "Pulumi.qa.yaml:1: the top level must be a map");
    }

    @Test
    void aDuplicateKeyNamesBothLines(@TempDir Path dir) throws Exception {
        refused(dir, BASE + "  big-data-stack:protectStatefulResources: true\n  big-data-stack:protectStatefulResources: false\n",
                "Pulumi.qa.yaml:5: duplicate key 'config.big-data-stack:protectStatefulResources' (first given on line 4)");
    }

    @Test
    void aNullValueNamesFileAndLine(@TempDir Path dir) throws Exception {
        refused(dir, BASE + "  big-data-stack:logRetentionDays:\n", "Pulumi.qa.yaml:4: key 'config.big-data-stack:logRetentionDays' has no value");
    }

    @Test
    void allRefusesEveryBadStackBeforeWritingAnyPlan(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.good.yaml"), BASE);
        Files.writeString(dir.resolve("Pulumi.zbad.yaml"), BASE + "  aws:regoin: x\n");
        var err = new ByteArrayOutputStream();
        int code = PlanCommand.run(new String[]{"plan", "--all", "--project-dir", dir.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("aws:regoin"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve("target/plan/good.json")), "the good stack is not planned either");
    }
}
