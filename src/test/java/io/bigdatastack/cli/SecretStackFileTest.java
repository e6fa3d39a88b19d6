package io.bigdatastack.cli;

import com.google.gson.JsonParser;
import io.bigdatastack.plan.Plan;
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

/** {@code secure:} values (pulumi config set --secret, also with --path) in a stack file, planned offline. */
class SecretStackFileTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void projectWith(Path dir, String stackFile) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), stackFile);
    }

    private static final String CIPHERTEXT = "v1:AAAABBBBCCCC0000";

    @Test
    void secureValuesPlanWithPlaceholdersThatShowOnlyAsSecrets(@TempDir Path dir) throws Exception {
        // Whole-value secrets (eksAdminRoleName, studioAdminUser) and --path secrets at list elements.
        projectWith(dir, """
                config:
                  aws:region: eu-west-1
                  big-data-stack:studioAdminUser:
                    secure: %1$s
                  big-data-stack:eksAdminRoleName:
                    secure: %1$s
                  big-data-stack:endpointPublicAccessCidrs:
                    - secure: %1$s
                    - 198.51.100.0/24
                  big-data-stack:jobReadBuckets:
                    - raw-data
                    - secure: %1$s
                """.formatted(CIPHERTEXT));
        var run = run("plan", "qa", "--project-dir", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        var planText = Files.readString(dir.resolve("target/plan/qa.json"));
        var plan = JsonParser.parseString(planText).getAsJsonObject();
        assertFalse(planText.contains(CIPHERTEXT) || run.out().contains(CIPHERTEXT), "ciphertext must not reach the plan");
        for (var placeholder : new String[] {SecretPlaceholders.ROLE_NAME, SecretPlaceholders.USER_NAME, "203.0.113.0/32", "offline-placeholder-bucket"}) {
            assertFalse(planText.contains(placeholder), placeholder + " leaked into the plan as if it were the value");
            assertFalse(run.out().contains(placeholder), placeholder + " leaked into the output");
        }
        // Where the secret values flow, the plan holds [secret].
        var cluster = resource(plan, "aws:eks/cluster:Cluster");
        assertEquals(Plan.SECRET, cluster.getAsJsonObject("inputs").getAsJsonObject("vpcConfig").get("publicAccessCidrs").getAsString());
        assertEquals(Plan.SECRET, resource(plan, "aws:eks/accessEntry:AccessEntry").getAsJsonObject("inputs").get("principalArn").getAsString());
        // The output says the values were placeholders, naming each key.
        // Caveats wrap at 120 columns: compare the words, not the line breaks.
        var words = run.out().replaceAll("\\s+", " ");
        assertTrue(words.contains("cannot be decrypted offline") && words.contains("placeholder"), run.out());
        for (var key : new String[] {"eksAdminRoleName", "endpointPublicAccessCidrs", "jobReadBuckets", "studioAdminUser"}) {
            assertTrue(run.out().contains(key), key + " should be named in: " + run.out());
        }
        var all = run("plan", "--all", "--project-dir", dir.toString());
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().contains("caveat: secret values (eksAdminRoleName"), all.out());
    }

    @Test
    void aPlainStackFileHasNoPlaceholderCaveat(@TempDir Path dir) throws Exception {
        projectWith(dir, "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n");
        var run = run("plan", "qa", "--project-dir", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("placeholder"), run.out());
    }

    @Test
    void aWholeListSecretAndASecretAssumeRoleLeafAreAccepted(@TempDir Path dir) throws Exception {
        projectWith(dir, """
                config:
                  aws:region: eu-west-1
                  aws:assumeRole:
                    roleArn:
                      secure: %1$s
                  big-data-stack:studioAdminUser: jane
                  big-data-stack:endpointPublicAccessCidrs:
                    secure: %1$s
                  big-data-stack:jobReadBuckets:
                    secure: %1$s
                """.formatted(CIPHERTEXT));
        var run = run("plan", "qa", "--project-dir", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("aws:assumeRole"), run.out());
        assertFalse(Files.readString(dir.resolve("target/plan/qa.json")).contains("offline-placeholder"));
    }

    @Test
    void aSecureValueForAKeyThatCannotBeSecretIsStillRefused(@TempDir Path dir) throws Exception {
        projectWith(dir, """
                config:
                  aws:region: eu-west-1
                  big-data-stack:studioAdminUser: jane
                  big-data-stack:clusterName:
                    secure: %1$s
                """.formatted(CIPHERTEXT));
        var run = run("plan", "qa", "--project-dir", dir.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("big-data-stack:clusterName: is set as a secret, but its value becomes part of resource names"), run.err());
        assertFalse(run.err().contains(CIPHERTEXT), run.err());
        assertFalse(Files.exists(dir.resolve("target/plan/qa.json")));
    }

    private static com.google.gson.JsonObject resource(com.google.gson.JsonObject plan, String type) {
        for (var r : plan.getAsJsonArray("resources")) {
            if (r.getAsJsonObject().get("type").getAsString().equals(type)) {
                return r.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + type);
    }
}
