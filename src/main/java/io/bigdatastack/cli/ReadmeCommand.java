package io.bigdatastack.cli;

import io.bigdatastack.config.ConfigReference;
import io.bigdatastack.insight.ArchitectureDiagram;
import io.bigdatastack.insight.CostEstimate;
import io.bigdatastack.insight.ReadmeBlocks;
import io.bigdatastack.insight.ReferenceShape;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code readme [--check] [--project-dir DIR]}: plans every stack of the project and rewrites the generated blocks
 * (see {@link ReadmeBlocks}) of the files in {@link #FILES}: {@code cost:idle} in README.md (required there),
 * {@code diagram:<stack>} wherever a file holds that stack's markers (docs/architecture.md holds dev's), and
 * {@code config:keys} (the configuration reference, {@link ConfigReference}) in docs/configuration.md. One command to
 * run after a merge adds components or keys. {@code --check} changes nothing and exits 1 when a block is stale; other
 * exit codes as {@link ExitCodes}.
 */
public final class ReadmeCommand {

    public static final int OK = ExitCodes.OK;
    /** {@code --check} found a stale block: the build fails as it would for a failed program. */
    public static final int STALE = 1;
    public static final int BAD_INPUT = ExitCodes.BAD_INPUT;

    /** The files, relative to the project directory, whose generated blocks this command keeps; README.md first. */
    public static final List<String> FILES = List.of("README.md", "docs/architecture.md", "docs/configuration.md", "docs/deploy.md");

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
        try {
            var expected = expectedBlocks(projectDir, clock);
            var staleByFile = new LinkedHashMap<String, List<String>>();
            for (var file : expected.entrySet()) {
                var stale = ReadmeBlocks.stale(Files.readString(projectDir.resolve(file.getKey())), file.getValue());
                if (!stale.isEmpty()) {
                    staleByFile.put(file.getKey(), stale);
                }
            }
            if (staleByFile.isEmpty()) {
                out.println("generated blocks are up to date: " + describe(expected));
                return OK;
            }
            if (check) {
                err.println("stale generated blocks: " + describe(staleByFile) + ". Refresh them with: " + ReadmeBlocks.REFRESH);
                return STALE;
            }
            for (var file : staleByFile.entrySet()) {
                var path = projectDir.resolve(file.getKey());
                var updated = Files.readString(path);
                for (var block : file.getValue()) {
                    updated = ReadmeBlocks.replace(updated, block, expected.get(file.getKey()).get(block));
                }
                Files.writeString(path, updated);
            }
            out.println("updated: " + describe(staleByFile));
            return OK;
        } catch (IllegalArgumentException e) { // ReadmeBlocks: a file without the markers to fill
            return ExitCodes.report(new ExitCodes.BadInputException(e.getMessage()), err);
        } catch (RuntimeException e) {
            return ExitCodes.report(e, err);
        } catch (IOException e) {
            return ExitCodes.report(e, err);
        }
    }

    /** "file (block, block); file (block)" for blocks given as a list of names or a map by name. */
    private static String describe(Map<String, ?> blocksByFile) {
        var parts = new ArrayList<String>();
        blocksByFile.forEach((file, blocks) -> {
            var names = blocks instanceof Map<?, ?> map ? map.keySet() : (java.util.Collection<?>) blocks;
            parts.add(file + " (" + String.join(", ", names.stream().map(String::valueOf).toList()) + ")");
        });
        return String.join("; ", parts);
    }

    /**
     * What each generated block of each file in {@link #FILES} that exists should hold, by file then block, planning
     * each stack once. README.md must exist and hold the {@code cost:idle} block.
     */
    static Map<String, Map<String, String>> expectedBlocks(Path projectDir, java.time.Clock clock) throws IOException {
        var texts = new LinkedHashMap<String, String>();
        for (var file : FILES) {
            var path = projectDir.resolve(file);
            if (Files.isRegularFile(path) || file.equals(FILES.get(0))) {
                texts.put(file, Files.readString(path));
            }
        }
        var readme = texts.get(FILES.get(0));
        if (ReadmeBlocks.extract(readme, ReadmeBlocks.COST_BLOCK).isEmpty()) {
            throw new ExitCodes.BadInputException("README.md has no " + ReadmeBlocks.start(ReadmeBlocks.COST_BLOCK) + " … "
                    + ReadmeBlocks.end(ReadmeBlocks.COST_BLOCK) + " block to fill");
        }
        var generated = new LinkedHashMap<String, String>();
        var estimates = new LinkedHashMap<String, CostEstimate>();
        var components = new LinkedHashMap<String, List<String>>();
        for (var stack : StackFiles.stacks(projectDir)) {
            var config = Planner.load(projectDir, stack, clock);
            var plan = Planner.plan(config, stack);
            generated.put(ReadmeBlocks.diagramBlockName(stack), ReadmeBlocks.diagram(plan));
            estimates.put(stack, CostEstimate.of(plan, config.region()));
            components.put(stack, ArchitectureDiagram.componentTitles(plan));
        }
        generated.put(ReadmeBlocks.COST_BLOCK, ReadmeBlocks.costTable(estimates, components, ReferenceShape.cost()));
        generated.put(ConfigReference.BLOCK, ConfigReference.table());
        generated.put(io.bigdatastack.protection.Stateful.TABLE_BLOCK, io.bigdatastack.protection.Stateful.table());

        var expected = new LinkedHashMap<String, Map<String, String>>();
        texts.forEach((file, text) -> {
            var blocks = new LinkedHashMap<String, String>();
            generated.forEach((block, content) -> {
                if (ReadmeBlocks.extract(text, block).isPresent()) {
                    blocks.put(block, content);
                }
            });
            expected.put(file, blocks);
        });
        return expected;
    }
}
