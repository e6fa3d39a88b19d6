package io.bigdatastack.cli;

import io.bigdatastack.config.StackConfig;
import io.bigdatastack.insight.ArchitectureDiagram;
import io.bigdatastack.insight.CostEstimate;
import io.bigdatastack.insight.ReadmeBlocks;
import io.bigdatastack.insight.ReferenceShape;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's generated blocks match what the code generates now: a stale copy fails with how to refresh it. */
class ReadmeTest {

    private static final Path README = TestStacks.PROJECT_DIR.resolve("README.md");
    private static final String STALE = " is stale: refresh it with `" + ReadmeBlocks.REFRESH + "` and commit README.md";

    @Test
    void theReadmeDiagramOfDevIsFresh() throws Exception {
        var readme = Files.readString(README);
        var block = ReadmeBlocks.diagramBlockName("dev");
        var inReadme = ReadmeBlocks.extract(readme, block)
                .orElseThrow(() -> new AssertionError("README.md has no " + ReadmeBlocks.start(block) + " block"));
        var expected = ReadmeBlocks.diagram(TestStacks.planStackFile("dev"));
        assertEquals(expected.strip(), inReadme.strip(), "README.md's " + block + " block" + STALE);
        assertTrue(inReadme.contains("```mermaid\nflowchart"), "the block is a fenced mermaid diagram");
    }

    @Test
    void theReadmeIdleCostComparisonIsFresh() throws Exception {
        var estimates = new LinkedHashMap<String, CostEstimate>();
        var components = new LinkedHashMap<String, List<String>>();
        for (var stack : StackFiles.stacks(TestStacks.PROJECT_DIR)) {
            var region = Planner.load(TestStacks.PROJECT_DIR, stack, io.bigdatastack.testing.TestStacks.CLOCK).region();
            var plan = TestStacks.planStackFile(stack);
            estimates.put(stack, CostEstimate.of(plan, region));
            components.put(stack, ArchitectureDiagram.componentTitles(plan));
        }
        var expected = ReadmeBlocks.costTable(estimates, components, ReferenceShape.cost());
        var inReadme = ReadmeBlocks.extract(Files.readString(README), ReadmeBlocks.COST_BLOCK)
                .orElseThrow(() -> new AssertionError("README.md has no " + ReadmeBlocks.start(ReadmeBlocks.COST_BLOCK) + " block"));
        assertEquals(expected.strip(), inReadme.strip(), "README.md's " + ReadmeBlocks.COST_BLOCK + " block" + STALE);
        assertTrue(inReadme.contains("| Reference CDK app |") || inReadme.contains("Reference CDK app |"), inReadme);
        assertTrue(inReadme.contains("$360.62"), "the reference's figure comes from the same code: " + inReadme);
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
