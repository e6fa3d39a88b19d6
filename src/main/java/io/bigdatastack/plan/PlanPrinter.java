package io.bigdatastack.plan;

import com.google.gson.JsonElement;
import io.bigdatastack.support.TerminalText;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Prints a {@link Plan} the way {@code pulumi preview} shows a first deployment: a tree by parent, then outputs. */
public final class PlanPrinter {

    private PlanPrinter() {
    }

    public static void print(Plan plan, PrintStream out) {
        var children = new HashMap<String, List<Plan.Resource>>();
        var roots = new ArrayList<Plan.Resource>();
        for (var r : plan.resources()) {
            if (r.parent() == null || plan.byUrn(r.parent()).isEmpty()) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        var rows = new ArrayList<String[]>();
        for (var root : roots) {
            collect(root, "", "", children, rows);
        }
        // Columns as `pulumi preview` draws them, kept within a 120-column terminal: a row whose type or name does not
        // fit its column puts the name on a second line under the name column.
        int typeWidth = Math.min(rows.stream().mapToInt(row -> row[0].length()).max().orElse(4), MAX_TYPE_COLUMN) + 2;
        int nameColumn = ROW_INDENT.length() + typeWidth;
        int nameWidth = Math.min(rows.stream().mapToInt(row -> row[1].length()).max().orElse(4) + 2,
                TerminalText.WIDTH - nameColumn - PLAN_WORD.length());

        out.println("Previewing update (" + plan.stack() + ") offline, against the mock engine:");
        out.println();
        out.println(("     " + pad("Type", typeWidth) + pad("Name", nameWidth) + "Plan").stripTrailing());
        for (var row : rows) {
            if (row[0].length() + 2 <= typeWidth && row[1].length() + 2 <= nameWidth) {
                out.println(ROW_INDENT + pad(row[0], typeWidth) + pad(row[1], nameWidth) + PLAN_WORD);
                continue;
            }
            out.println(TerminalText.summarised(ROW_INDENT, row[0], ""));
            // The continuation keeps the tree's vertical lines, then the name as far left as the name column allows.
            var continuation = "     " + row[2];
            int start = Math.min(nameColumn, TerminalText.WIDTH - PLAN_WORD.length() - 2 - row[1].length());
            start = Math.max(start, continuation.length() + 1);
            var line = pad(continuation, start) + row[1];
            out.println(line.length() + 2 + PLAN_WORD.length() <= TerminalText.WIDTH
                    ? pad(line, Math.max(line.length() + 2, nameColumn + nameWidth)) + PLAN_WORD
                    : TerminalText.summarised("", line, ""));
        }
        out.println();
        out.println("Outputs:");
        var where = "; whole value in target/plan/" + plan.stack() + ".json";
        for (Map.Entry<String, JsonElement> output : plan.outputs().entrySet()) {
            out.println(TerminalText.summarised("    " + output.getKey() + ": ", output.getValue().toString(), where));
        }
        out.println();
        out.println("Resources:");
        out.println("    + " + plan.resources().size() + " to create");
    }

    private static final String ROW_INDENT = " +   ";
    private static final String PLAN_WORD = "create";
    /** Tree prefix plus type token beyond this goes on a line of its own. */
    private static final int MAX_TYPE_COLUMN = 72;

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static void collect(Plan.Resource resource, String prefix, String childPrefix,
                                Map<String, List<Plan.Resource>> children, List<String[]> rows) {
        rows.add(new String[]{prefix + resource.type(), resource.name(), childPrefix});
        var kids = children.getOrDefault(resource.urn(), List.of());
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            collect(kids.get(i), childPrefix + (last ? "└─ " : "├─ "), childPrefix + (last ? "   " : "│  "), children, rows);
        }
    }
}
