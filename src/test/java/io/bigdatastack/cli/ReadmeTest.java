package io.bigdatastack.cli;

import io.bigdatastack.config.ConfigKeys;
import io.bigdatastack.config.ConfigReference;
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

/**
 * The generated blocks of README.md and docs/ match what the code generates now: a stale copy fails with how to
 * refresh it.
 */
class ReadmeTest {

    private static final String README = "README.md";
    private static final String ARCHITECTURE = "docs/architecture.md";
    private static final String CONFIGURATION = "docs/configuration.md";
    private static final String STALE = " is stale: refresh it with `" + ReadmeBlocks.REFRESH + "` and commit the file";

    /** What the {@code readme} command would write into each block of each file, on the fixed test clock (computed once). */
    private static Map<String, Map<String, String>> expected;

    private static synchronized Map<String, Map<String, String>> expected() throws Exception {
        if (expected == null) {
            expected = ReadmeCommand.expectedBlocks(TestStacks.PROJECT_DIR, TestStacks.CLOCK);
        }
        return expected;
    }

    private static String inFile(String file, String block) throws Exception {
        return ReadmeBlocks.extract(Files.readString(TestStacks.PROJECT_DIR.resolve(file)), block)
                .orElseThrow(() -> new AssertionError(file + " has no " + ReadmeBlocks.start(block) + " block"));
    }

    private static void assertFresh(String file, String block) throws Exception {
        assertEquals(expected().get(file).get(block).strip(), inFile(file, block).strip(), file + "'s " + block + " block" + STALE);
    }

    @Test
    void eachGeneratedBlockLivesInItsFile() throws Exception {
        assertEquals(Map.of(README, Set.of(ReadmeBlocks.COST_BLOCK), ARCHITECTURE, Set.of(ReadmeBlocks.diagramBlockName("dev")),
                        CONFIGURATION, Set.of(ConfigReference.BLOCK), "docs/deploy.md", Set.of(io.bigdatastack.protection.Stateful.TABLE_BLOCK)),
                expected().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().keySet())));
    }

    @Test
    void theDiagramOfDevIsFresh() throws Exception {
        var block = ReadmeBlocks.diagramBlockName("dev");
        assertFresh(ARCHITECTURE, block);
        var inFile = inFile(ARCHITECTURE, block);
        assertTrue(inFile.contains("```mermaid\nflowchart"), "the block is a fenced mermaid diagram");
        assertTrue(inFile.contains("_Generated from the `dev` plan"), inFile);
    }

    @Test
    void theReadmeIdleCostComparisonIsFresh() throws Exception {
        assertFresh(README, ReadmeBlocks.COST_BLOCK);
        var inReadme = inFile(README, ReadmeBlocks.COST_BLOCK);
        assertTrue(inReadme.contains("| Idle cost, USD per month | `dev` (us-west-2) | `prod` (us-east-1) | Reference CDK app |"), inReadme);
        // The totals CostEstimateTest computes by hand for the real plans and the reference shape.
        assertTrue(inReadme.contains("| **Total** | **$180.58** | **$463.82** | **$360.62** |"), inReadme);
    }

    @Test
    void theProtectedResourcesTableIsFreshAndHasARowPerEntry() throws Exception {
        assertFresh("docs/deploy.md", io.bigdatastack.protection.Stateful.TABLE_BLOCK);
        var table = inFile("docs/deploy.md", io.bigdatastack.protection.Stateful.TABLE_BLOCK);
        for (var entry : io.bigdatastack.protection.Stateful.values()) {
            assertTrue(table.contains(entry.whatIsLost()), entry + " has no row:\n" + table);
        }
    }

    @Test
    void theConfigurationReferenceIsFreshAndHasARowPerKey() throws Exception {
        assertFresh(CONFIGURATION, ConfigReference.BLOCK);
        var table = inFile(CONFIGURATION, ConfigReference.BLOCK);
        for (var key : ConfigKeys.ALL) {
            assertTrue(table.contains("\n| `" + key.name() + "` | "), key.name() + " has no row:\n" + table);
        }
        assertTrue(table.contains("| `azCount` | integer | `3` | Availability zones to spread subnets over (2 to 6; EKS needs at least 2). |"), table);
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
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/configuration.md"), "# keys\n<!-- config:keys:start -->\n<!-- config:keys:end -->\n");
        var err = new ByteArrayOutputStream();
        var out = new ByteArrayOutputStream();
        int check = ReadmeCommand.run(new String[]{"readme", "--check", "--project-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        assertEquals(ReadmeCommand.STALE, check);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("README.md (diagram:qa, cost:idle); docs/configuration.md (config:keys)"),
                err.toString(StandardCharsets.UTF_8));

        int update = ReadmeCommand.run(new String[]{"readme", "--project-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        assertEquals(ReadmeCommand.OK, update);
        var readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("<!-- diagram:qa:start -->\n```mermaid\nflowchart TB\n"), readme);
        assertTrue(readme.contains("| Idle cost, USD per month | `qa` (us-east-1) | Reference CDK app |"), readme);
        assertTrue(readme.startsWith("# x\n") && readme.endsWith("<!-- cost:idle:end -->\nkept\n"), readme);
        assertTrue(Files.readString(dir.resolve("docs/configuration.md")).contains("| `vpcCidr` | string | `10.0.0.0/16` |"));

        int again = ReadmeCommand.run(new String[]{"readme", "--check", "--project-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        assertEquals(ReadmeCommand.OK, again);
    }
}
