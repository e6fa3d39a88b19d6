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

/**
 * README's "Add a team" example, pasted into the dev stack file as written and reviewed as README says: it adds the two
 * teams and keeps the stack's existing one (nothing deleted or replaced, exit 0).
 */
class ReadmeTeamExampleTest {

    /** The first YAML block under "## Add a team", without its {@code config:} line. */
    private static String teamsBlock() throws Exception {
        var readme = Files.readString(Path.of("README.md"));
        var section = readme.substring(readme.indexOf("\n## Add a team"));
        var start = section.indexOf("```yaml\n") + "```yaml\n".length();
        var block = section.substring(start, section.indexOf("```", start));
        assertTrue(block.startsWith("config:\n"), block);
        return block.substring("config:\n".length());
    }

    private static int plan(Path project, StringBuilder out, String... extra) {
        var stdout = new ByteArrayOutputStream();
        var args = new java.util.ArrayList<>(java.util.List.of("plan", "dev", "--project-dir", project.toString()));
        args.addAll(java.util.List.of(extra));
        int code = PlanCommand.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        out.append(stdout.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void theExampleAddsTwoTeamsAndDeletesNothing(@TempDir Path project) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.copy(Path.of("Pulumi.dev.yaml"), project.resolve("Pulumi.dev.yaml"));
        var out = new StringBuilder();
        assertEquals(0, plan(project, out), out.toString());
        var before = project.resolve("dev-before.json");
        Files.copy(project.resolve("target/plan/dev.json"), before);

        Files.writeString(project.resolve("Pulumi.dev.yaml"), Files.readString(project.resolve("Pulumi.dev.yaml")) + teamsBlock());
        var review = new StringBuilder();
        assertEquals(0, plan(project, review, "--against", before.toString()), review.toString());
        assertTrue(review.toString().contains("create    bigdata:emr:Team  dev-emr-team-analytics"), review.toString());
        assertTrue(review.toString().contains("create    bigdata:emr:Team  dev-emr-team-ml"), review.toString());
        assertFalse(review.toString().contains(" delete ") || review.toString().contains(" replace "), review.toString());
    }
}
