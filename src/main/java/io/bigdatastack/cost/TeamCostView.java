package io.bigdatastack.cost;


import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-team view over the stack's CUR 2.0 table: one row per cost line of this stack, with the team it is charged
 * to and why. Declared as a Glue table of type {@code VIRTUAL_VIEW} carrying an Athena (Presto/Trino) view definition,
 * so {@code SELECT ... FROM <database>.team_cost} works in Athena from the first {@code pulumi up}, and a change of
 * teams updates it in place (a Glue table's view text is an update; a saved Athena query would be replaced instead and
 * is not a relation other queries can read).
 *
 * <p>Which team a line goes to, first match wins:
 * <ol>
 *   <li>{@code namespace}: a Kubernetes pod's split line (split cost allocation data, {@code split_line_item_*}) of
 *       this stack's cluster, in a team's namespace: the team.</li>
 *   <li>{@code team-tag}: a line of this stack (tags {@code project} and {@code stack}) whose resource carries a
 *       {@code team} tag naming one of the stack's teams: that team.</li>
 *   <li>{@code platform}: everything else of this stack: control plane, NAT gateways, pods of other namespaces
 *       (add-ons, dashboard), buckets and logs shared by all teams.</li>
 * </ol>
 * An EC2 instance whose cost split cost allocation data divides among its pods ({@code line_kind = 'split-node'})
 * counts 0: its cost is in its pods' {@code busy_cost} (what they reserved) and {@code idle_cost} (their share of the
 * instance's unused capacity), which together add up to the instance's cost
 * (https://docs.aws.amazon.com/cur/latest/userguide/split-cost-allocation-data.html).
 *
 * <p>Tag columns: CUR 2.0 keeps tags in the {@code resource_tags} map with keys {@code user_<key>} for user tags and
 * {@code aws_eks_namespace}, {@code aws_eks_cluster_name} for the tags split cost allocation data adds; a key appears
 * only once activated as a cost allocation tag (https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2.html).
 * Kubernetes pod labels imported by split cost allocation data become user tags the same way: EMR on EKS's
 * {@code emr-containers.amazonaws.com/job.id} label is {@code user_emr_containers_amazonaws_com_job_id}.
 */
public final class TeamCostView {

    /** The view's name in the stack's cost database. */
    public static final String NAME = "team_cost";

    /** The Glue table (of the export's data) the view reads. */
    public static final String TABLE = "cur2";

    /** The team of every line no team owns. */
    public static final String PLATFORM = "platform";

    /** The CUR 2.0 tag keys the view reads (after activation as cost allocation tags). */
    public static final String NAMESPACE_TAG = "aws_eks_namespace";
    public static final String CLUSTER_TAG = "aws_eks_cluster_name";
    public static final String TEAM_TAG = "user_team";
    public static final String PROJECT_TAG = "user_project";
    public static final String STACK_TAG = "user_stack";
    public static final String JOB_ID_LABEL = "user_emr_containers_amazonaws_com_job_id";

    /**
     * One output column: its name and its type as Athena reports it, which the view definition must repeat exactly
     * (Athena calls a view whose declared columns differ from its query's "stale").
     */
    public record ViewColumn(String name, String prestoType, String glueType) {
    }

    public static final List<ViewColumn> COLUMNS = List.of(
            new ViewColumn("billing_period", "varchar", "string"),
            new ViewColumn("usage_date", "date", "date"),
            new ViewColumn("team", "varchar", "string"),
            new ViewColumn("attribution", "varchar", "string"),
            new ViewColumn("line_kind", "varchar", "string"),
            new ViewColumn("namespace", "varchar", "string"),
            new ViewColumn("job_id", "varchar", "string"),
            new ViewColumn("product_code", "varchar", "string"),
            new ViewColumn("usage_type", "varchar", "string"),
            new ViewColumn("resource_id", "varchar", "string"),
            new ViewColumn("cost", "double", "double"),
            new ViewColumn("busy_cost", "double", "double"),
            new ViewColumn("idle_cost", "double", "double"));

    /**
     * Whose cost a namespace's pods are.
     *
     * @param team      the team name (the value of its resources' {@code team} tag)
     * @param namespace its Kubernetes namespace
     */
    public record TeamNamespace(String team, String namespace) {
    }

    /**
     * What identifies this stack's lines in the bill.
     *
     * @param project     the {@code project} tag
     * @param stack       the {@code stack} tag
     * @param clusterName the EKS cluster (split lines carry it as {@code aws:eks:cluster-name})
     * @param teams       the teams, in configuration order
     */
    public record Scope(String project, String stack, String clusterName, List<TeamNamespace> teams) {
        public Scope {
            teams = List.copyOf(teams);
        }
    }

    private TeamCostView() {
    }

    /** The view's SQL over {@code "<database>"."cur2"}. */
    public static String sql(String database, Scope scope) {
        var table = quoted(database) + "." + quoted(TABLE);
        var cluster = literal(scope.clusterName());
        var pod = "c.split_line_item_parent_resource_id IS NOT NULL AND " + tag("c", CLUSTER_TAG) + " = " + cluster;
        var ownLine = "(" + tag("c", PROJECT_TAG) + " = " + literal(scope.project()) + " AND " + tag("c", STACK_TAG) + " = "
                + literal(scope.stack()) + ")";
        var team = new StringBuilder("CASE");
        var attribution = new StringBuilder("CASE");
        for (var t : scope.teams()) {
            team.append("\n    WHEN ").append(pod).append(" AND ").append(tag("c", NAMESPACE_TAG)).append(" = ")
                    .append(literal(t.namespace())).append(" THEN ").append(varchar(t.team()));
        }
        if (!scope.teams().isEmpty()) {
            attribution.append("\n    WHEN ").append(pod).append(" AND ").append(tag("c", NAMESPACE_TAG)).append(" IN (")
                    .append(String.join(", ", scope.teams().stream().map(t -> literal(t.namespace())).toList()))
                    .append(") THEN ").append(varchar("namespace"));
        }
        for (var t : scope.teams()) {
            team.append("\n    WHEN ").append(ownLine).append(" AND ").append(tag("c", TEAM_TAG)).append(" = ")
                    .append(literal(t.team())).append(" THEN ").append(varchar(t.team()));
        }
        if (!scope.teams().isEmpty()) {
            attribution.append("\n    WHEN ").append(ownLine).append(" AND ").append(tag("c", TEAM_TAG)).append(" IN (")
                    .append(String.join(", ", scope.teams().stream().map(t -> literal(t.team())).toList()))
                    .append(") THEN ").append(varchar("team-tag"));
        }
        team.append("\n    ELSE ").append(varchar(PLATFORM)).append(" END");
        attribution.append("\n    ELSE ").append(varchar(PLATFORM)).append(" END");
        var kind = "CASE WHEN c.split_line_item_parent_resource_id IS NOT NULL THEN " + varchar("pod")
                + " WHEN n.node_id IS NOT NULL THEN " + varchar("split-node") + " ELSE " + varchar("other") + " END";
        var zero = "CAST(0 AS double)";
        var split = "COALESCE(c.split_line_item_split_cost, " + zero + ")";
        var unused = "COALESCE(c.split_line_item_unused_cost, " + zero + ")";
        var unblended = "COALESCE(c.line_item_unblended_cost, " + zero + ")";
        return "SELECT\n"
                + "  c.billing_period AS billing_period,\n"
                + "  CAST(c.line_item_usage_start_date AS date) AS usage_date,\n"
                + "  " + team + " AS team,\n"
                + "  " + attribution + " AS attribution,\n"
                + "  " + kind + " AS line_kind,\n"
                + "  " + tag("c", NAMESPACE_TAG) + " AS namespace,\n"
                + "  " + tag("c", JOB_ID_LABEL) + " AS job_id,\n"
                + "  c.line_item_product_code AS product_code,\n"
                + "  c.line_item_usage_type AS usage_type,\n"
                + "  c.line_item_resource_id AS resource_id,\n"
                + "  CASE WHEN c.split_line_item_parent_resource_id IS NOT NULL THEN " + split + " + " + unused
                + " WHEN n.node_id IS NOT NULL THEN " + zero + " ELSE " + unblended + " END AS cost,\n"
                + "  CASE WHEN c.split_line_item_parent_resource_id IS NOT NULL THEN " + split
                + " WHEN n.node_id IS NOT NULL THEN " + zero + " ELSE " + unblended + " END AS busy_cost,\n"
                + "  CASE WHEN c.split_line_item_parent_resource_id IS NOT NULL THEN " + unused + " ELSE " + zero + " END AS idle_cost\n"
                + "FROM " + table + " c\n"
                // The instances split cost allocation data divides among pods of this cluster, per billing period.
                + "LEFT JOIN (SELECT DISTINCT billing_period, split_line_item_parent_resource_id AS node_id FROM " + table
                + " WHERE split_line_item_parent_resource_id IS NOT NULL AND " + tag("", CLUSTER_TAG) + " = " + cluster + ") n\n"
                + "  ON c.billing_period = n.billing_period AND c.line_item_resource_id = n.node_id\n"
                + "WHERE " + ownLine + " OR " + tag("c", CLUSTER_TAG) + " = " + cluster + " OR n.node_id IS NOT NULL";
    }

    /**
     * The view as Glue stores an Athena view: {@code /* Presto View: <base64 of the definition> *}{@code /} with the
     * original SQL, catalog, schema and output columns (the form Athena itself writes for CREATE VIEW; the Glue table
     * also sets {@code presto_view = true}).
     */
    public static String prestoViewText(String database, String sql) {
        var definition = new LinkedHashMap<String, Object>();
        definition.put("originalSql", sql);
        definition.put("catalog", "awsdatacatalog");
        definition.put("schema", database);
        // Each column as {"name", "type"} in that order: Map.of iterates in a per-JVM order, which would change the
        // view text (and show the view as updated) from one plan to the next.
        definition.put("columns", COLUMNS.stream().map(c -> {
            var column = new LinkedHashMap<String, String>();
            column.put("name", c.name());
            column.put("type", c.prestoType());
            return column;
        }).toList());
        definition.put("owner", "big-data-stack");
        definition.put("runAsInvoker", false);
        definition.put("properties", Map.of());
        var json = io.bigdatastack.support.Json.COMPACT.toJson(definition);
        return "/* Presto View: " + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)) + " */";
    }

    /** Decodes {@link #prestoViewText} (for tests and the docs). */
    public static String decode(String viewOriginalText) {
        var base64 = viewOriginalText.replaceFirst("^/\\* Presto View: ", "").replaceFirst(" \\*/$", "");
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String tag(String alias, String key) {
        return (alias.isEmpty() ? "" : alias + ".") + "resource_tags[" + literal(key) + "]";
    }

    private static String varchar(String value) {
        return "CAST(" + literal(value) + " AS varchar)";
    }

    /** An SQL string literal; a quote doubles (names here are validated, but a literal is never built otherwise). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
