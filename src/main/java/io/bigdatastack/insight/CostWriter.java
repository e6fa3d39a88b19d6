package io.bigdatastack.insight;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import io.bigdatastack.insight.CostEstimate.NotPriced;
import com.google.gson.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link CostEstimate} as the plan file's JSON object, the table {@code plan} prints, and Markdown. */
final class CostWriter {

    private CostWriter() {
    }

    
    /** The plan file's {@code "cost"} object. */
    static JsonObject json(CostEstimate e) {
        var root = new JsonObject();
        root.addProperty("basis", "idle: no jobs, no traffic, node groups at their minimum size");
        root.addProperty("currency", e.currency());
        root.addProperty("period", "month");
        root.addProperty("hoursPerMonth", e.hoursPerMonth());
        root.addProperty("stackRegion", e.stackRegion());
        root.addProperty("priceRegion", e.priceRegion());
        root.addProperty("priceDate", e.priceDate());
        root.addProperty("priceFile", "src/main/resources/prices/" + e.priceRegion() + ".json");
        root.add("regionNote", e.regionNote().isPresent() ? new JsonPrimitive(e.regionNote().get()) : JsonNull.INSTANCE);
        root.add("spotDiscount", new JsonPrimitive(e.spotDiscount()));
        root.addProperty("spotBasis", e.spotBasis());
        var lines = new JsonArray();
        for (var l : e.lineItems()) {
            var line = new JsonObject();
            line.addProperty("category", l.category());
            line.addProperty("item", l.item());
            line.add("resources", strings(l.resources()));
            line.addProperty("quantity", l.quantity());
            line.add("unitPrice", new JsonPrimitive(l.unitPrice()));
            line.addProperty("per", l.per());
            line.add("hours", l.hours() == null ? JsonNull.INSTANCE : new JsonPrimitive(l.hours()));
            line.add("monthly", new JsonPrimitive(l.monthly()));
            line.addProperty("source", l.source());
            line.add("note", l.note() == null ? JsonNull.INSTANCE : new JsonPrimitive(l.note()));
            lines.add(line);
        }
        root.add("lineItems", lines);
        var unpriced = new JsonArray();
        for (var n : e.notPriced()) {
            var entry = new JsonObject();
            entry.addProperty("item", n.item());
            entry.add("resources", strings(n.resources()));
            entry.addProperty("reason", n.reason());
            unpriced.add(entry);
        }
        root.add("notPriced", unpriced);
        root.addProperty("noIdleChargeResources", e.noChargeResources().size());
        root.add("monthlyTotal", new JsonPrimitive(e.monthlyTotal()));
        var shares = new JsonArray();
        for (var t : e.teamShares()) {
            var share = new JsonObject();
            share.addProperty("team", t.team());
            share.add("monthly", new JsonPrimitive(t.monthly()));
            shares.add(share);
        }
        root.addProperty("teamShareBasis", "the idle monthly total split equally among the stack's teams (EMR namespaces)");
        root.add("teamShares", shares);
        var budgets = new JsonArray();
        for (var b : e.budgets()) {
            var budget = new JsonObject();
            budget.addProperty("name", b.name());
            budget.addProperty("owner", b.owner());
            budget.add("monthlyLimit", b.monthlyLimit() == null ? JsonNull.INSTANCE : new JsonPrimitive(b.monthlyLimit()));
            budget.add("filter", strings(b.filter()));
            budget.add("alerts", strings(b.alerts()));
            budget.add("note", b.note() == null ? JsonNull.INSTANCE : new JsonPrimitive(b.note()));
            budgets.add(budget);
        }
        root.add("budgets", budgets);
        return root;
    }

    private static JsonArray strings(List<String> values) {
        var array = new JsonArray();
        for (var v : values) {
            array.add(v);
        }
        return array;
    }

    // ---------------------------------------------------------------------------------------------------- rendering

    /** Dollars with at least two decimals and no more than the figure has ($0.10, $0.045, $32.85). */
    static String usd(BigDecimal amount) {
        var stripped = amount.stripTrailingZeros();
        return "$" + amount.setScale(Math.max(2, stripped.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String heading(CostEstimate e) {
        return "Idle cost estimate, " + e.currency() + " per month (" + e.hoursPerMonth() + " h): " + e.priceRegion()
                + " prices as of " + e.priceDate();
    }

    private static List<String[]> rows(CostEstimate e) {
        var rows = new ArrayList<String[]>();
        for (var l : e.lineItems()) {
            rows.add(new String[]{l.item(), String.valueOf(l.quantity()), usd(l.unitPrice()) + "/" + l.per(),
                    l.hours() == null ? "-" : String.valueOf(l.hours()), usd(l.monthly())});
        }
        return rows;
    }

    private static List<String> footnotes(CostEstimate e) {
        var notes = new ArrayList<String>();
        if (e.regionNote().isPresent()) {
            notes.add(e.regionNote().get());
        }
        if (e.categories().contains(CostEstimate.SPOT_NODES)) {
            notes.add("Spot at " + percent(e.spotDiscount()) + " off on-demand: " + e.spotBasis() + ".");
        }
        for (var l : e.lineItems()) {
            if (l.note() != null) {
                notes.add(l.item() + ": " + l.note() + ".");
            }
        }
        notes.add(e.noChargeResources().size() + " other resources have no idle charge of their own (VPC, subnets, IAM, security groups, Kubernetes objects, ...).");
        return notes;
    }

    private static String notPricedText(NotPriced n) {
        return n.item() + (n.resources().size() > 1 ? " (" + n.resources().size() + ")" : "") + ": " + n.reason();
    }

    /** The console table {@code plan} prints. */
    static String text(CostEstimate e) {
        var sb = new StringBuilder(heading(e)).append('\n');
        var rows = rows(e);
        var header = new String[]{"Item", "Qty", "Unit price", "Hours", "Monthly"};
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (var row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
            widths[i] = Math.max(widths[i], i == 4 ? usd(e.monthlyTotal()).length() : i == 0 ? "Total".length() : 0);
        }
        appendRow(sb, widths, header);
        for (var row : rows) {
            appendRow(sb, widths, row);
        }
        appendRow(sb, widths, new String[]{"Total", "", "", "", usd(e.monthlyTotal())});
        sb.append("  Not estimated:\n");
        for (var n : e.notPriced()) {
            sb.append(io.bigdatastack.support.TerminalText.wrapped(notPricedText(n), "    - ", "      ")).append('\n');
        }
        sb.append("  Notes:\n");
        for (var n : footnotes(e)) {
            sb.append(io.bigdatastack.support.TerminalText.wrapped(n, "    - ", "      ")).append('\n');
        }
        for (var line : teamLines(e)) {
            sb.append("  ").append(line.startsWith("- ") ? "  " + line : line).append('\n');
        }
        return sb.toString();
    }

    /** Text columns left-aligned, figures (quantity, hours, monthly) right-aligned. */
    private static void appendRow(StringBuilder sb, int[] widths, String[] cells) {
        sb.append("   ");
        for (int i = 0; i < cells.length; i++) {
            var pad = " ".repeat(widths[i] - cells[i].length());
            boolean right = i == 1 || i == 3 || i == 4;
            sb.append(' ').append(right ? pad + cells[i] : cells[i] + pad).append(i + 1 < cells.length ? " " : "");
        }
        while (sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
        sb.append('\n');
    }

    /** The same as a Markdown table with its notes, for {@code target/plan/<e.stack()>.md}. */
    static String markdown(CostEstimate e) {
        var sb = new StringBuilder(heading(e)).append(".\n\n");
        sb.append("| Item | Qty | Unit price | Hours | Monthly |\n|---|---:|---:|---:|---:|\n");
        for (var row : rows(e)) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        sb.append("| **Total** | | | | **").append(usd(e.monthlyTotal())).append("** |\n\n");
        sb.append("Not estimated:\n\n");
        for (var n : e.notPriced()) {
            sb.append("- ").append(notPricedText(n)).append('\n');
        }
        sb.append("\nNotes:\n\n");
        for (var n : footnotes(e)) {
            sb.append("- ").append(n).append('\n');
        }
        var teamLines = teamLines(e);
        if (!teamLines.isEmpty()) {
            for (var line : teamLines) {
                sb.append(line.startsWith("- ") ? line : "\n" + line + "\n").append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The per-team part: each team's idle share and the budgets, as headings followed by "- " items; nothing when the
     * plan has no team (a plan without EMR) and no budget.
     */
    static List<String> teamLines(CostEstimate e) {
        var lines = new ArrayList<String>();
        if (!e.teamShares().isEmpty()) {
            lines.add("Idle share per team (" + usd(e.monthlyTotal()) + " split equally among " + e.teamShares().size()
                    + (e.teamShares().size() == 1 ? " team" : " teams") + ", before any job runs):");
            for (var t : e.teamShares()) {
                lines.add("- " + t.team() + ": " + usd(t.monthly()) + "/month");
            }
        }
        if (!e.budgets().isEmpty()) {
            lines.add("Budgets (AWS Budgets, monthly):");
            for (var b : e.budgets()) {
                lines.add("- " + b.name() + " (" + b.owner() + "): " + (b.monthlyLimit() == null ? "limit unknown" : usd(b.monthlyLimit()))
                        + ", filter " + String.join(" or ", b.filter()) + ", alerts " + String.join(", ", b.alerts())
                        + (b.note() == null ? "" : "; " + b.note()));
            }
        }
        return lines;
    }

    /** 0.70 → "70%". */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
