package io.bigdatastack.cli;

import io.bigdatastack.insight.ArchitectureDiagram;
import io.bigdatastack.insight.CostEstimate;
import io.bigdatastack.insight.ReadmeBlocks;
import io.bigdatastack.insight.ReferenceShape;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code readme [--check] [--project-dir DIR]}: plans every stack of the project and rewrites README.md's generated
 * blocks (see {@link ReadmeBlocks}): {@code diagram:<stack>} for each stack whose markers the README holds, and
 * {@code cost:idle}. One command to run after a merge adds components. {@code --check} changes nothing and exits 1
 * when a block is stale; other exit codes as {@link ExitCodes}.
 */
public final class ReadmeCommand {

    public static final int OK = ExitCodes.OK;
    /** {@code --check} found a stale block: the build fails as it would for a failed program. */
    public static final int STALE = 1;
    public static final int BAD_INPUT = ExitCodes.BAD_INPUT;

    private static final String USAGE = "usage: java -jar target/big-data-stack.jar readme [--check] [--project-dir DIR]";

    private ReadmeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, io.bigdatastack.support.WallClock.get());
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, judging support windows by {@code clock} (tests fix it). */
    public static int run(String[] args, PrintStream out, PrintStream err, java.time.Clock clock) {
        var projectDir = Path.of(".");
        boolean check = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--check")) {
                check = true;
            } else if (args[i].equals("--project-dir") && i + 1 < args.length) {
                projectDir = Path.of(args[++i]);
            } else {
                err.println("unknown argument '" + args[i] + "'\n" + USAGE);
                return BAD_INPUT;
            }
        }
        var readmeFile = projectDir.resolve("README.md");
        try {
            var readme = Files.readString(readmeFile);
            var expected = expectedBlocks(projectDir, readme, clock);
            var stale = ReadmeBlocks.stale(readme, expected);
            if (stale.isEmpty()) {
                out.println("README.md is up to date (" + String.join(", ", expected.keySet()) + ")");
                return OK;
            }
            if (check) {
                err.println("README.md is stale: " + String.join(", ", stale) + ". Refresh it with: " + ReadmeBlocks.REFRESH);
                return STALE;
            }
            var updated = readme;
            for (var block : stale) {
                updated = ReadmeBlocks.replace(updated, block, expected.get(block));
            }
            Files.writeString(readmeFile, updated);
            out.println("README.md updated: " + String.join(", ", stale));
            return OK;
        } catch (IllegalArgumentException e) { // ReadmeBlocks: a README without the markers to fill
            return ExitCodes.report(new ExitCodes.BadInputException(e.getMessage()), err);
        } catch (RuntimeException e) {
            return ExitCodes.report(e, err);
        } catch (IOException e) {
            return ExitCodes.report(e, err);
        }
    }

    /** What each generated block of {@code readme} should hold, planning each stack once. */
    static Map<String, String> expectedBlocks(Path projectDir, String readme, java.time.Clock clock) throws IOException {
        if (ReadmeBlocks.extract(readme, ReadmeBlocks.COST_BLOCK).isEmpty()) {
            throw new ExitCodes.BadInputException("README.md has no " + ReadmeBlocks.start(ReadmeBlocks.COST_BLOCK) + " … "
                    + ReadmeBlocks.end(ReadmeBlocks.COST_BLOCK) + " block to fill");
        }
        var blocks = new LinkedHashMap<String, String>();
        var estimates = new LinkedHashMap<String, CostEstimate>();
        var components = new LinkedHashMap<String, java.util.List<String>>();
        for (var stack : StackFiles.stacks(projectDir)) {
            var config = Planner.load(projectDir, stack, clock);
            var plan = Planner.plan(config, stack);
            var diagramBlock = ReadmeBlocks.diagramBlockName(stack);
            if (ReadmeBlocks.extract(readme, diagramBlock).isPresent()) {
                blocks.put(diagramBlock, ReadmeBlocks.diagram(plan));
            }
            estimates.put(stack, CostEstimate.of(plan, config.region()));
            components.put(stack, ArchitectureDiagram.componentTitles(plan));
        }
        blocks.put(ReadmeBlocks.COST_BLOCK, ReadmeBlocks.costTable(estimates, components, ReferenceShape.cost()));
        return blocks;
    }
}
