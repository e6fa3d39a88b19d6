package io.bigdatastack.insight;

import com.google.gson.JsonParser;
import io.bigdatastack.cli.PlanCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code plan <stack>} prints the cost table and the diagram's path, and writes both files. */
class PlanInsightTest {

    @Test
    void planPrintsTheCostAndWritesTheDiagramAndTheCostIntoTheJson(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = PlanCommand.run(new String[]{"plan", "qa", "--project-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        var text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("Idle cost estimate, USD per month (730 h): us-east-1 prices"), text);
        assertTrue(text.contains("NAT gateway") && text.contains("Total") && text.contains("Not estimated:"), text);
        assertTrue(text.contains("no price table for eu-west-1: us-east-1 prices were used"), text);
        assertTrue(text.strip().endsWith("Diagram written to target/plan/qa.md"), text);

        var root = JsonParser.parseString(Files.readString(dir.resolve("target/plan/qa.json"))).getAsJsonObject();
        assertEquals(Set.of("project", "stack", "resources", "outputs", "cost"), root.keySet(), "the contract's keys plus cost");
        var cost = root.getAsJsonObject("cost");
        assertEquals("eu-west-1", cost.get("stackRegion").getAsString());
        assertTrue(cost.get("monthlyTotal").getAsBigDecimal().signum() > 0);

        var md = Files.readString(dir.resolve("target/plan/qa.md"));
        assertTrue(md.contains("```mermaid\nflowchart TB\n") && md.contains("## Idle cost"), md);
    }
}
