package io.bigdatastack.cli;

import io.bigdatastack.insight.ReadmeBlocks;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's generated blocks match what the code generates now: a stale copy fails with how to refresh it. */
class ReadmeTest {

    private static final Path README = TestStacks.PROJECT_DIR.resolve("README.md");
    private static final String STALE = " is stale: refresh it with `" + ReadmeBlocks.REFRESH + "` and commit README.md";

    /** What the {@code readme} command would write into each block, on the fixed test clock (computed once). */
    private static Map<String, String> expected;

    private static synchronized Map<String, String> expected() throws Exception {
        if (expected == null) {
            expected = ReadmeCommand.expectedBlocks(TestStacks.PROJECT_DIR, Files.readString(README), TestStacks.CLOCK);
        }
        return expected;
    }

    private static String inReadme(String block) throws Exception {
        return ReadmeBlocks.extract(Files.readString(README), block)
                .orElseThrow(() -> new AssertionError("README.md has no " + ReadmeBlocks.start(block) + " block"));
    }

    @Test
    void theReadmeHasTheDevDiagramAndTheCostBlock() throws Exception {
        assertEquals(Set.of(ReadmeBlocks.diagramBlockName("dev"), ReadmeBlocks.COST_BLOCK), expected().keySet());
    }

    @Test
    void theReadmeDiagramOfDevIsFresh() throws Exception {
        var block = ReadmeBlocks.diagramBlockName("dev");
        var inReadme = inReadme(block);
        assertEquals(expected().get(block).strip(), inReadme.strip(), "README.md's " + block + " block" + STALE);
        assertTrue(inReadme.contains("```mermaid\nflowchart"), "the block is a fenced mermaid diagram");
        assertTrue(inReadme.contains("_Generated from the `dev` plan"), inReadme);
    }

    @Test
    void theReadmeIdleCostComparisonIsFresh() throws Exception {
        var inReadme = inReadme(ReadmeBlocks.COST_BLOCK);
        assertEquals(expected().get(ReadmeBlocks.COST_BLOCK).strip(), inReadme.strip(), "README.md's " + ReadmeBlocks.COST_BLOCK + " block" + STALE);
        assertTrue(inReadme.contains("| Idle cost, USD per month | `dev` (us-west-2) | `prod` (us-east-1) | Reference CDK app |"), inReadme);
        // The totals CostEstimateTest computes by hand for the real plans and the reference shape.
        assertTrue(inReadme.contains("| **Total** | **$180.58** | **$463.82** | **$360.62** |"), inReadme);
    }

    @Test
    void theReadmeCommandRewritesStaleBlocksAndCheckReportsThem(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), "config:\n  aws:region: us-east-1\n  big-data-stack:studioAdminUser: jane\n");
        Files.writeString(dir.resolve("README.md"), """
                # x

                ## Architecture
                <!-- diagram:qa:start -->
                old
                <!-- diagram:qa:end -->

                ## What it costs idle
                <!-- cost:idle:start -->
                <!-- cost:idle:end -->
                kept
                """);
        var err = new ByteArrayOutputStream();
        var out = new ByteArrayOutputStream();
        int check = ReadmeCommand.run(new String[]{"readme", "--check", "--project-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        assertEquals(ReadmeCommand.STALE, check);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("diagram:qa, cost:idle"), err.toString(StandardCharsets.UTF_8));

        int update = ReadmeCommand.run(new String[]{"readme", "--project-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        assertEquals(ReadmeCommand.OK, update);
        var readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("<!-- diagram:qa:start -->\n```mermaid\nflowchart TB\n"), readme);
        assertTrue(readme.contains("| Idle cost, USD per month | `qa` (us-east-1) | Reference CDK app |"), readme);
        assertTrue(readme.startsWith("# x\n") && readme.endsWith("<!-- cost:idle:end -->\nkept\n"), readme);

        int again = ReadmeCommand.run(new String[]{"readme", "--check", "--project-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        assertEquals(ReadmeCommand.OK, again);
    }
}
