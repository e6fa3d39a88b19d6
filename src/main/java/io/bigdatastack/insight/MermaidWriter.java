package io.bigdatastack.insight;

import java.util.ArrayList;
import java.util.Objects;

/** Writes an {@link ArchitectureDiagram} as a Mermaid {@code flowchart} and as the Markdown block around it. */
public final class MermaidWriter {

    private MermaidWriter() {
    }

    /** The Mermaid source, without fences. */
    public static String mermaid(ArchitectureDiagram diagram) {
        var sb = new StringBuilder("flowchart TB\n");
        renderLevel(diagram, null, "  ", sb);
        for (var e : diagram.edges()) {
            sb.append("  ").append(e.from()).append(" --> ").append(e.to()).append('\n');
        }
        return sb.toString();
    }

    private static void renderLevel(ArchitectureDiagram diagram, String subgraph, String indent, StringBuilder sb) {
        for (var n : diagram.nodes()) {
            if (Objects.equals(n.subgraph(), subgraph)) {
                sb.append(indent).append(n.id()).append("[\"").append(escape(n.label())).append("\"]\n");
            }
        }
        for (var s : diagram.subgraphs()) {
            if (Objects.equals(s.parent(), subgraph)) {
                sb.append(indent).append("subgraph ").append(s.id()).append("[\"").append(escape(s.title())).append("\"]\n");
                renderLevel(diagram, s.id(), indent + "  ", sb);
                sb.append(indent).append("end\n");
            }
        }
    }

    /** Quotes would end a Mermaid label; {@code <br/>} is the one markup labels use on purpose. */
    private static String escape(String label) {
        return label.replace("\"", "#quot;");
    }

    /** The fenced diagram and its legend: what the README embeds and {@code target/plan/<stack>.md} starts with. */
    public static String markdown(ArchitectureDiagram diagram) {
        // Most numerous first, then by type, so the legend does not move when counts stay the same.
        var omitted = new ArrayList<>(new java.util.TreeMap<>(diagram.notDrawn()).entrySet());
        var parts = new ArrayList<String>();
        for (int count = omitted.isEmpty() ? 0 : java.util.Collections.max(diagram.notDrawn().values()); count > 0; count--) {
            for (var e : omitted) {
                if (e.getValue() == count) {
                    var words = typeWords(e.getKey());
                    parts.add(count + " " + (count == 1 ? words : ArchitectureDiagram.plural(words)));
                }
            }
        }
        return "```mermaid\n" + mermaid(diagram) + "```\n\n"
                + "_Generated from the `" + diagram.stack() + "` plan (" + diagram.resourceCount() + " resources). Inside a box, arrows run from a resource to "
                + "what depends on it, through resources not drawn; an arrow between boxes means resources of one depend on the other's; "
                + "an arrow that a longer path through single resources already implies is left out."
                + (parts.isEmpty() ? "" : " Not drawn: " + String.join(", ", parts) + ".") + "_\n";
    }

    private static String typeWords(String type) {
        if (type.startsWith("pulumi:providers:")) {
            return type.substring("pulumi:providers:".length()) + " provider";
        }
        return ArchitectureDiagram.humanize(type.substring(type.lastIndexOf(':') + 1));
    }
}
