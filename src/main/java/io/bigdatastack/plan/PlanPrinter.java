package io.bigdatastack.plan;

import com.google.gson.JsonElement;

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
        int typeWidth = rows.stream().mapToInt(row -> row[0].length()).max().orElse(4) + 2;
        int nameWidth = rows.stream().mapToInt(row -> row[1].length()).max().orElse(4) + 2;

        out.println("Previewing update (" + plan.stack() + ") offline, against the mock engine:");
        out.println();
        out.printf("     %-" + typeWidth + "s%-" + nameWidth + "s%s%n", "Type", "Name", "Plan");
        for (var row : rows) {
            out.printf(" +   %-" + typeWidth + "s%-" + nameWidth + "s%s%n", row[0], row[1], "create");
        }
        out.println();
        out.println("Outputs:");
        for (Map.Entry<String, JsonElement> output : plan.outputs().entrySet()) {
            out.println("    " + output.getKey() + ": " + output.getValue());
        }
        out.println();
        out.println("Resources:");
        out.println("    + " + plan.resources().size() + " to create");
    }

    private static void collect(Plan.Resource resource, String prefix, String childPrefix,
                                Map<String, List<Plan.Resource>> children, List<String[]> rows) {
        rows.add(new String[]{prefix + resource.type(), resource.name()});
        var kids = children.getOrDefault(resource.urn(), List.of());
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            collect(kids.get(i), childPrefix + (last ? "└─ " : "├─ "), childPrefix + (last ? "   " : "│  "), children, rows);
        }
    }
}
