package io.bigdatastack.cli;

import io.bigdatastack.support.TerminalText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line a person meets first: usage, help, unknown commands, and output that fits 120 columns. */
class CommandsTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                io.bigdatastack.testing.TestStacks.CLOCK);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every exit code the program can return is in --help, where a CI script's author looks first. */
    @Test
    void helpListsEveryExitCode() throws Exception {
        var exitLine = Commands.USAGE.substring(Commands.USAGE.indexOf("Exit codes:"));
        for (var field : ExitCodes.class.getFields()) {
            if (field.getType() == int.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                assertTrue(exitLine.contains(field.getInt(null) + " "), field.getName() + " = " + field.getInt(null) + " is not in: " + exitLine);
            }
        }
        assertTrue(exitLine.contains("4 disrupts running work"), exitLine);
    }

    @Test
    void helpPrintsTheUsageAndNothingElse() {
        for (var help : List.of(new String[]{"--help"}, new String[]{"-h"}, new String[]{"help"}, new String[]{"plan", "--help"},
                new String[]{"readme", "-h"})) {
            var run = run(help);
            assertEquals(0, run.exitCode(), String.join(" ", help));
            assertEquals(Commands.USAGE + System.lineSeparator(), run.out());
            assertEquals("", run.err());
        }
        assertTrue(Commands.USAGE.contains("plan <stack>") && Commands.USAGE.contains("readme"), Commands.USAGE);
    }

    @Test
    void noArgumentsOrAnUnknownCommandPrintTheUsageOnStderrAndExitTwo() {
        var none = run();
        assertEquals(2, none.exitCode());
        assertEquals("", none.out());
        assertTrue(none.err().contains(Commands.USAGE) && none.err().contains("pulumi up"), none.err());
        for (var unknown : List.of("deploy", "Plan", "--plan", "")) {
            var run = run(unknown, "dev");
            assertEquals(2, run.exitCode(), unknown);
            assertEquals("", run.out());
            assertTrue(run.err().startsWith("unknown command '" + unknown + "'") && run.err().contains(Commands.USAGE), run.err());
        }
        for (var run : List.of(none, run("deploy"))) {
            assertFalse(run.err().contains("Exception") || run.err().contains("PULUMI_MONITOR") || run.err().contains("\tat "), run.err());
        }
    }

    @Test
    void onlyThePulumiEngineGetsTheProgram() {
        var engine = Map.of("PULUMI_MONITOR", "127.0.0.1:1", "PULUMI_ENGINE", "127.0.0.1:2", "PULUMI_PROJECT", "p", "PULUMI_STACK", "dev");
        assertTrue(Commands.underPulumiEngine(engine));
        assertFalse(Commands.underPulumiEngine(Map.of()));
        for (var missing : Commands.ENGINE_VARIABLES) {
            var partial = new java.util.HashMap<>(engine);
            partial.remove(missing);
            assertFalse(Commands.underPulumiEngine(partial), missing);
        }
    }

    @Test
    void theRealStacksPlanWithinOneHundredTwentyColumns(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        var lines = new java.util.ArrayList<String>();
        var outputs = new java.util.HashMap<String, String>();
        for (var stack : List.of("dev", "prod")) {
            Files.copy(Path.of("Pulumi." + stack + ".yaml"), dir.resolve("Pulumi." + stack + ".yaml"));
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int code = PlanCommand.run(new String[]{"plan", stack, "--project-dir", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            lines.addAll(out.toString(StandardCharsets.UTF_8).lines().toList());
            outputs.put(stack, out.toString(StandardCharsets.UTF_8));
        }
        lines.addAll(Commands.USAGE.lines().toList());
        // The committed prod example's API allow-list is RFC 5737 documentation space: a caveat says so; dev has none.
        assertTrue(outputs.get("prod").contains("203.0.113.0/24 is documentation-only address space (RFC 5737)"), outputs.get("prod"));
        assertFalse(outputs.get("dev").contains("RFC 5737"));
        var tooWide = lines.stream().filter(line -> line.length() > TerminalText.WIDTH).toList();
        assertEquals(List.of(), tooWide);
        // Nothing is lost silently: a cut value says so and where the whole of it is.
        var all = String.join("\n", lines);
        assertTrue(all.contains("SampleJobCommand: ") && all.contains("more characters; whole value in target/plan/prod.json"), all);
        assertTrue(all.contains("prod-node-AmazonEC2ContainerRegistryReadOnly"), "wrapped, not cut: every resource name is printed");
    }

    @Test
    void wrappingKeepsEveryWordAndTheIndent() {
        var text = "a ".repeat(200) + "https://example.com/" + "x".repeat(150);
        var lines = TerminalText.wrap(text, "    - ", "      ");
        lines.forEach(line -> assertTrue(line.length() <= TerminalText.WIDTH, line));
        assertTrue(lines.get(0).startsWith("    - a"));
        lines.subList(1, lines.size()).forEach(line -> assertTrue(line.startsWith("      ") && !line.startsWith("       "), line));
        // The bullet's '-' is the only character the indent adds; the text has none.
        assertEquals(text.replace(" ", ""), String.join("", lines).replace(" ", "").replace("-", ""), "no character lost");
        assertEquals("k: short", TerminalText.summarised("k: ", "short", ""));
        var cut = TerminalText.summarised("k: ", "y".repeat(300), "; whole in f.json");
        assertEquals(TerminalText.WIDTH, cut.length(), cut);
        assertTrue(cut.endsWith("more characters; whole in f.json)"), cut);
    }
}
