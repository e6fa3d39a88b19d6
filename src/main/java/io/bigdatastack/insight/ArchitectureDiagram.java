package io.bigdatastack.insight;

import com.google.gson.JsonObject;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.plan.ResourceType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The architecture as a Mermaid {@code flowchart}, derived from a {@link Plan} rather than drawn by hand: one
 * subgraph per component (found through each resource's {@code parent} chain), one node per resource that matters,
 * repetitive resources collapsed into one node ("3 private subnets"), glue (routes, associations, policy
 * attachments, providers) left out but counted, and edges from the plan's dependencies between the kept nodes.
 *
 * <p>Edges run from a resource to what depends on it ("cluster → node group"); between resources of different
 * top-level components they are drawn once, between the components' boxes ("Network → EKS cluster"). A dependency on a resource that is not
 * drawn is followed through it, so a namespace that depends on the Kubernetes provider, which depends on the
 * cluster, draws "cluster → namespace". An edge that a longer path already implies is dropped (transitive
 * reduction), which keeps e.g. "subnets → node group" from doubling "subnets → cluster → node group".
 *
 * <p>This is the model; {@link MermaidWriter} writes it as Mermaid text and Markdown.
 *
 * <p>Written with plain loops rather than streams and lambdas: this runs in every {@code plan}, whose whole-process
 * time is benchmarked, and each lambda costs a bootstrap on a cold JVM.
 */
public record ArchitectureDiagram(String stack, List<Subgraph> subgraphs, List<Node> nodes, List<Edge> edges,
                                  Map<String, Integer> notDrawn, int resourceCount) {

    /** @param parent id of the enclosing subgraph, null at top level */
    public record Subgraph(String id, String title, String parent) {
    }

    /**
     * @param subgraph  id of the subgraph the node sits in, null at top level
     * @param resources URNs the node stands for
     */
    public record Node(String id, String label, String subgraph, List<String> resources) {
    }

    public record Edge(String from, String to) {
    }

    // -------------------------------------------------------------------------------------------------- type rules

    private enum Kind { OMIT, KEEP, COLLAPSE }

    /** How a resource type is drawn; {@code singular}/{@code plural} name a collapsed node. */
    private record Rule(Kind kind, String singular, String plural) {
    }

    private static final Rule OMIT = new Rule(Kind.OMIT, null, null);

    private static Rule keep(String what) {
        return new Rule(Kind.KEEP, what, null);
    }

    private static Rule collapse(String one, String many) {
        return new Rule(Kind.COLLAPSE, one, many);
    }

    /**
     * Name endings of types the catalog ({@link ResourceType}) gives no diagram rule that are glue between other resources: left out. Any other new
     * type is drawn, collapsed per component, so a component that lands with types unknown here still shows.
     */
    private static final List<String> GLUE_SUFFIXES = List.of("Attachment", "Association", "Binding", "Rule", "Route",
            "Alias", "AccessBlock", "Policy", "Configuration", "ConfigurationV2", "Versioning", "VersioningV2",
            "OwnershipControls", "Constraint");

    /**
     * The cost pipeline (component {@code bigdata:cost:CostReports}: export, bucket, catalog, workgroup) is one box: its
     * parts only make sense together, and drawn one by one they would crowd out the platform.
     */
    static final String COST_PIPELINE_COMPONENT = "bigdata:cost:CostReports";
    static final Rule COST_PIPELINE = new Rule(Kind.KEEP, "Cost pipeline: CUR 2.0 export (split cost allocation data)<br/>"
            + "→ S3 bucket → Glue table + team_cost view → Athena workgroup", null);

    private static boolean inCostPipeline(Plan.Resource r, java.util.Optional<Plan.Resource> component) {
        return r.custom() && !r.type().startsWith("pulumi:") && component.isPresent()
                && component.get().type().equals(COST_PIPELINE_COMPONENT);
    }

    private static Rule rule(Plan.Resource r) {
        if (!r.custom() || r.type().startsWith("pulumi:")) {
            return OMIT; // The stack, our components (drawn as subgraphs) and providers.
        }
        var known = ResourceType.of(r.type());
        if (known.diagram() != null) {
            return switch (known.diagram()) {
                case OMIT -> OMIT;
                case KEEP -> keep(known.label());
                case COLLAPSE -> collapse(known.label(), known.pluralLabel());
            };
        }
        var simple = simpleName(r.type());
        for (var suffix : GLUE_SUFFIXES) {
            if (simple.endsWith(suffix)) {
                return OMIT;
            }
        }
        var words = humanize(simple);
        return collapse(words, plural(words));
    }

    // --------------------------------------------------------------------------------------------------- building

    /** Builds the diagram of {@code plan}. */
    public static ArchitectureDiagram of(Plan plan) {
        return new Builder(new PlanIndex(plan)).build();
    }

    private static final class Builder {
        private final PlanIndex index;
        private final Plan plan;
        private final Map<String, Subgraph> subgraphs = new LinkedHashMap<>();   // by component URN
        private final Map<String, String> moduleWrappers = new HashMap<>();      // module -> wrapper subgraph id
        private final List<Subgraph> ordered = new ArrayList<>();
        private final Map<String, NodeDraft> drafts = new LinkedHashMap<>();     // by grouping key
        private final Map<String, NodeDraft> nodeOfUrn = new HashMap<>();
        private final Map<String, Integer> notDrawn = new LinkedHashMap<>();
        private final Set<String> ids = new HashSet<>();
        /** Resources that would share a collapsed node (same component, type and variant), by grouping key. */
        private final Map<String, Set<String>> collapseGroups = new LinkedHashMap<>();
        private final Map<String, String> groupOfUrn = new HashMap<>();
        private final Map<String, Set<String>> reachable = new HashMap<>();
        private final Map<String, Integer> levels = new HashMap<>();

        Builder(PlanIndex index) {
            this.index = index;
            this.plan = index.plan();
        }

        ArchitectureDiagram build() {
            var components = new ArrayList<Plan.Resource>();
            var topLevelByModule = new HashMap<String, Integer>();
            var titleCounts = new HashMap<String, Integer>();
            for (var r : plan.resources()) {
                if (PlanIndex.isComponent(r)) {
                    components.add(r);
                    increment(titleCounts, componentTitle(r.type()));
                    if (index.componentOf(r).isEmpty()) {
                        increment(topLevelByModule, module(r.type()));
                    }
                }
            }
            for (var c : components) {
                var parent = index.componentOf(c);
                String enclosing = parent.isPresent() ? subgraphs.get(parent.get().urn()).id() : null;
                var module = module(c.type());
                if (enclosing == null && topLevelByModule.get(module) > 1) {
                    // Several top-level components of one module (the add-ons): group them under the module.
                    enclosing = moduleWrappers.get(module);
                    if (enclosing == null) {
                        var wrapper = new Subgraph(uniqueId("mod_" + module), moduleTitle(module), null);
                        ordered.add(wrapper);
                        moduleWrappers.put(module, wrapper.id());
                        enclosing = wrapper.id();
                    }
                }
                var title = componentTitle(c.type());
                if (titleCounts.get(title) > 1) {
                    title += " " + c.name();
                }
                var subgraph = new Subgraph(uniqueId("sg_" + simpleName(c.type()) + "_" + c.name()), title, enclosing);
                subgraphs.put(c.urn(), subgraph);
                ordered.add(subgraph);
            }

            var held = new HashMap<String, Integer>(); // resources per component URN, for empty components
            var kept = new ArrayList<Plan.Resource>();
            for (var r : plan.resources()) {
                var component = index.componentOf(r);
                if (component.isPresent()) {
                    increment(held, component.get().urn());
                }
                var rule = inCostPipeline(r, component) ? COST_PIPELINE : rule(r);
                if (rule.kind() == Kind.OMIT) {
                    if (!r.type().equals(PlanIndex.STACK_TYPE) && !PlanIndex.isComponent(r)) {
                        increment(notDrawn, r.type());
                    }
                    continue;
                }
                if (rule.kind() == Kind.COLLAPSE) {
                    var key = "collapse|" + (component.isPresent() ? component.get().urn() : "") + "|" + r.type() + "|" + variant(r);
                    var group = collapseGroups.get(key);
                    if (group == null) {
                        group = new LinkedHashSet<>();
                        collapseGroups.put(key, group);
                    }
                    group.add(r.urn());
                    groupOfUrn.put(r.urn(), key);
                }
                kept.add(r);
            }

            for (var r : kept) {
                var component = index.componentOf(r);
                var rule = inCostPipeline(r, component) ? COST_PIPELINE : rule(r);
                String key;
                String wantedId;
                if (rule == COST_PIPELINE) {
                    key = "pipeline|" + component.get().urn();
                    wantedId = "costPipeline_" + component.get().name();
                } else if (rule.kind() == Kind.KEEP) {
                    key = "keep|" + r.urn();
                    wantedId = lowerFirst(simpleName(r.type())) + "_" + r.name();
                } else {
                    var variant = variant(r);
                    var group = groupOfUrn.get(r.urn());
                    key = group + "|" + level(r, collapseGroups.get(group), new HashSet<>());
                    wantedId = (component.isPresent() ? component.get().name() : "root") + "_" + lowerFirst(simpleName(r.type()))
                            + (variant.isEmpty() ? "" : "_" + variant);
                }
                var draft = drafts.get(key);
                if (draft == null) {
                    draft = new NodeDraft(uniqueId(wantedId), rule, component.isPresent() ? subgraphs.get(component.get().urn()).id() : null,
                            component.orElse(null));
                    drafts.put(key, draft);
                }
                draft.members.add(r);
                nodeOfUrn.put(r.urn(), draft);
            }

            var nodes = new ArrayList<Node>();
            var filled = new HashSet<String>();
            for (var d : drafts.values()) {
                var urns = new ArrayList<String>();
                for (var m : d.members) {
                    urns.add(m.urn());
                }
                nodes.add(new Node(d.id, d.label(), d.subgraph, List.copyOf(urns)));
                filled.add(d.subgraph);
            }
            for (var s : subgraphs.values()) {
                filled.add(s.parent());
            }
            // A component whose resources are all left out still shows, with what it holds.
            for (var entry : subgraphs.entrySet()) {
                var id = entry.getValue().id();
                if (!filled.contains(id)) {
                    int count = held.getOrDefault(entry.getKey(), 0);
                    nodes.add(new Node(uniqueId(id + "_contents"), count + (count == 1 ? " resource" : " resources") + ", none drawn",
                            id, List.of()));
                }
            }
            return new ArchitectureDiagram(plan.stack(), List.copyOf(ordered), List.copyOf(nodes), edges(),
                    Map.copyOf(notDrawn), plan.resources().size());
        }

        /**
         * Which collapsed node of its group {@code r} goes in. A group is split where its members sit at different
         * places in the dependency order: the node groups wait for vpc-cni, kube-proxy and the Pod Identity agent,
         * and coredns waits for the node groups (its pods need nodes), so one "4 EKS add-ons" node would have arrows
         * both ways with the node groups. Level 0 holds the members that depend on no other member through a
         * resource outside the group; a member one such step after level n is at level n + 1. A direct dependency
         * between two members keeps them on one level (it is an arrow inside the node, not drawn).
         */
        private int level(Plan.Resource r, Set<String> group, Set<String> visiting) {
            var cached = levels.get(r.urn());
            if (cached != null) {
                return cached;
            }
            int level = 0;
            if (visiting.add(r.urn())) {
                for (var d : index.dependenciesOf(r)) {
                    if (group.contains(d.urn())) {
                        level = Math.max(level, level(d, group, visiting));
                    } else {
                        for (var urn : reachableFrom(d, new HashSet<>())) {
                            if (group.contains(urn)) {
                                level = Math.max(level, level(index.get(urn).orElseThrow(), group, visiting) + 1);
                            }
                        }
                    }
                }
                visiting.remove(r.urn());
            }
            levels.put(r.urn(), level);
            return level;
        }

        /** Every resource {@code r} depends on, directly or not, {@code r} included. */
        private Set<String> reachableFrom(Plan.Resource r, Set<String> visiting) {
            var cached = reachable.get(r.urn());
            if (cached != null) {
                return cached;
            }
            var result = new HashSet<String>();
            result.add(r.urn());
            if (visiting.add(r.urn())) {
                for (var d : index.dependenciesOf(r)) {
                    result.addAll(reachableFrom(d, visiting));
                }
                reachable.put(r.urn(), result);
            }
            return result;
        }

        /** Edges between drawn nodes (and from subgraphs, for dependencies on a whole component), reduced. */
        private List<Edge> edges() {
            var memo = new HashMap<String, Set<String>>();
            var subgraphIds = new HashSet<String>();
            for (var s : ordered) {
                subgraphIds.add(s.id());
            }
            var adjacency = new LinkedHashMap<String, LinkedHashSet<String>>();   // from -> tos, node ids only
            var componentEdges = new LinkedHashSet<Edge>();
            for (var draft : drafts.values()) {
                for (var member : draft.members) {
                    for (var from : endpoints(member, memo, new HashSet<>())) {
                        if (from.equals(draft.id)) {
                            continue; // Within a collapsed node.
                        }
                        if (subgraphIds.contains(from)) {
                            componentEdges.add(new Edge(from, draft.id));
                        } else {
                            var tos = adjacency.get(from);
                            if (tos == null) {
                                tos = new LinkedHashSet<>();
                                adjacency.put(from, tos);
                            }
                            tos.add(draft.id);
                        }
                    }
                }
            }
            var several = new HashSet<String>();
            for (var d : drafts.values()) {
                if (d.members.size() > 1) {
                    several.add(d.id);
                }
            }
            reduce(adjacency, several);
            // Edges in node order (plan order of first appearance), so the text is stable across runs.
            var result = new ArrayList<Edge>();
            for (var from : drafts.values()) {
                var tos = adjacency.get(from.id);
                if (tos == null) {
                    continue;
                }
                for (var to : drafts.values()) {
                    if (tos.contains(to.id)) {
                        result.add(new Edge(from.id, to.id));
                    }
                }
            }
            result.addAll(componentEdges);
            return betweenBoxes(result);
        }

        /**
         * An edge between resources of different top-level boxes (components, or the add-ons' module box) is drawn
         * once, between the boxes: the diagram then reads top to bottom as network, cluster, what runs on it, and
         * stays narrow enough for a page, where node-to-node edges across boxes make Mermaid lay the boxes out side
         * by side. Edges inside a box stay between resources.
         */
        private List<Edge> betweenBoxes(List<Edge> edges) {
            var byId = new HashMap<String, Subgraph>();
            for (var s : ordered) {
                byId.put(s.id(), s);
            }
            var subgraphOfNode = new HashMap<String, String>();
            for (var d : drafts.values()) {
                subgraphOfNode.put(d.id, d.subgraph);
            }
            var result = new LinkedHashSet<Edge>();
            for (var e : edges) {
                var from = box(e.from(), byId, subgraphOfNode);
                var to = box(e.to(), byId, subgraphOfNode);
                if (from.equals(to)) {
                    if (!e.from().equals(e.to())) {
                        result.add(e);
                    }
                } else {
                    result.add(new Edge(from, to));
                }
            }
            return List.copyOf(result);
        }

        /** The outermost subgraph holding {@code id} (a node or a subgraph); the node itself at top level. */
        private static String box(String id, Map<String, Subgraph> byId, Map<String, String> subgraphOfNode) {
            var current = byId.containsKey(id) ? id : subgraphOfNode.get(id);
            if (current == null) {
                return id;
            }
            while (byId.get(current).parent() != null) {
                current = byId.get(current).parent();
            }
            return current;
        }

        /** Drawn things {@code r} depends on, looking through resources that are not drawn. */
        private Set<String> endpoints(Plan.Resource r, Map<String, Set<String>> memo, Set<String> visiting) {
            var result = new LinkedHashSet<String>();
            for (var d : index.dependenciesOf(r)) {
                if (PlanIndex.isComponent(d)) {
                    result.add(subgraphs.get(d.urn()).id());
                } else if (nodeOfUrn.containsKey(d.urn())) {
                    result.add(nodeOfUrn.get(d.urn()).id);
                } else if (visiting.add(d.urn())) {
                    var cached = memo.get(d.urn());
                    if (cached == null) {
                        cached = endpoints(d, memo, visiting);
                        memo.put(d.urn(), cached);
                    }
                    result.addAll(cached);
                }
            }
            return result;
        }

        /**
         * Drops an edge when another path already connects its ends. Decided one edge at a time against the
         * current graph, so reachability is kept even if collapsing produced a cycle. A path through a node that
         * stands for several resources ({@code several}) implies nothing: the arrow into it and the arrow out of
         * it may belong to different members. So "cluster → node group" stays beside "cluster → 3 EKS add-ons →
         * node group".
         */
        private static void reduce(Map<String, LinkedHashSet<String>> adjacency, Set<String> several) {
            for (var from : List.copyOf(adjacency.keySet())) {
                for (var to : List.copyOf(adjacency.get(from))) {
                    var seen = new HashSet<String>();
                    var pending = new ArrayList<String>();
                    for (var next : adjacency.get(from)) {
                        if (!next.equals(to)) {
                            pending.add(next);
                        }
                    }
                    boolean implied = false;
                    while (!pending.isEmpty() && !implied) {
                        var n = pending.remove(pending.size() - 1);
                        if (n.equals(to)) {
                            implied = true;
                        } else if (seen.add(n) && !n.equals(from) && !several.contains(n) && adjacency.containsKey(n)) {
                            pending.addAll(adjacency.get(n));
                        }
                    }
                    if (implied) {
                        adjacency.get(from).remove(to);
                    }
                }
            }
        }

        private static void increment(Map<String, Integer> counts, String key) {
            var count = counts.get(key);
            counts.put(key, count == null ? 1 : count + 1);
        }

        /** Mermaid ids: letters, digits and underscores, unique in the diagram. */
        private String uniqueId(String wanted) {
            var chars = wanted.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                char c = chars[i];
                if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                    chars[i] = '_';
                }
            }
            var base = new String(chars);
            var id = base;
            for (int n = 2; !ids.add(id); n++) {
                id = base + "_" + n;
            }
            return id;
        }
    }

    /** A node being assembled: its rule and the resources it stands for. */
    private static final class NodeDraft {
        final String id;
        final Rule rule;
        final String subgraph;
        final Plan.Resource component;
        final List<Plan.Resource> members = new ArrayList<>();

        NodeDraft(String id, Rule rule, String subgraph, Plan.Resource component) {
            this.id = id;
            this.rule = rule;
            this.subgraph = subgraph;
            this.component = component;
        }

        String label() {
            if (rule == COST_PIPELINE) {
                return rule.singular();
            }
            var first = members.get(0);
            if (rule.kind() == Kind.KEEP) {
                var detail = detail(first);
                return detail == null ? rule.singular() : rule.singular() + "<br/>" + detail;
            }
            var variant = variant(first);
            var prefix = variant.isEmpty() ? "" : variant + " ";
            var head = members.size() == 1 ? prefix + rule.singular() : members.size() + " " + prefix + rule.plural();
            var details = new LinkedHashSet<String>();
            for (var m : members) {
                var d = collapsedDetail(m, component);
                if (d != null) {
                    details.add(d);
                }
            }
            return details.isEmpty() ? head : head + "<br/>" + String.join(", ", details);
        }
    }

    // ------------------------------------------------------------------------------------------------- labels

    /** What tells one kept resource from another of its type; null for nothing. */
    private static String detail(Plan.Resource r) {
        switch (ResourceType.of(r.type())) {
            case EC2_VPC:
                return text(r, "cidrBlock");
            case EC2_INTERNET_GATEWAY:
            case IAM_OIDC_PROVIDER:
                return null;
            case EKS_CLUSTER: {
                var version = text(r, "version");
                return or(text(r, "name"), r.name()) + (version == null ? "" : "<br/>Kubernetes " + version);
            }
            case EKS_NODE_GROUP: {
                var sb = new StringBuilder(r.name()).append("<br/>").append(or(text(r, "capacityType"), "ON_DEMAND"));
                var types = r.input("instanceTypes");
                if (types.isPresent() && types.get().isJsonArray()) {
                    var names = new ArrayList<String>();
                    for (var t : types.get().getAsJsonArray()) {
                        names.add(t.getAsString());
                    }
                    sb.append(' ').append(String.join("/", names));
                }
                var min = text(r, "scalingConfig.minSize");
                var max = text(r, "scalingConfig.maxSize");
                if (min != null) {
                    sb.append("<br/>min ").append(min).append(max == null ? "" : " · max " + max);
                }
                return sb.toString();
            }
            case K8S_HELM_RELEASE: {
                var version = text(r, "version");
                return or(text(r, "chart"), r.name()) + (version == null ? "" : " " + version);
            }
            case K8S_NAMESPACE:
                return or(text(r, "metadata.name"), r.name());
            case EMR_STUDIO: {
                var mode = text(r, "authMode");
                return r.name() + (mode == null ? "" : " (" + mode + ")");
            }
            case CLOUDCONTROL_RESOURCE: {
                // What the resource is matters more than how it is declared: an interactive endpoint brings a
                // gateway pod and an internal ALB the Load Balancer Controller creates.
                if ("AWS::EMRContainers::Endpoint".equals(text(r, "typeName"))) {
                    return r.name() + "<br/>interactive endpoint (Jupyter Enterprise Gateway)<br/>+ internal ALB";
                }
                return r.name() + "<br/>" + or(text(r, "typeName"), "");
            }
            default:
                return r.name();
        }
    }

    /** The part of a collapsed resource worth listing: add-on names, endpoint services, roles; null for nothing. */
    private static String collapsedDetail(Plan.Resource r, Plan.Resource component) {
        switch (ResourceType.of(r.type())) {
            case IAM_ROLE:
            case EC2_SECURITY_GROUP:
                return purpose(r.name(), component);
            case EKS_ADDON:
                return text(r, "addonName");
            case EC2_VPC_ENDPOINT: {
                var service = text(r, "serviceName");
                return service == null ? null
                        : service.substring(service.lastIndexOf('.') + 1) + " (" + or(text(r, "vpcEndpointType"), "Gateway") + ")";
            }
            default:
                return null;
        }
    }

    /**
     * What a resource is for, in the user's words: its name without the component's name before it and the type's
     * word after it ({@code dev-studio-catalog-launch-role} in component {@code dev-studio-catalog} → {@code launch}).
     */
    private static String purpose(String name, Plan.Resource component) {
        var purpose = name;
        if (component != null && purpose.startsWith(component.name() + "-")) {
            purpose = purpose.substring(component.name().length() + 1);
        }
        for (var suffix : List.of("-role", "-sg")) {
            if (purpose.endsWith(suffix) && purpose.length() > suffix.length()) {
                purpose = purpose.substring(0, purpose.length() - suffix.length());
            }
        }
        return purpose.replace('-', ' ');
    }

    /** Resources of one type that are collapsed separately: public and private subnets. */
    private static String variant(Plan.Resource r) {
        if (ResourceType.of(r.type()) != ResourceType.EC2_SUBNET) {
            return "";
        }
        // The load-balancer role tags say which is which (https://docs.aws.amazon.com/eks/latest/userguide/network-load-balancing.html).
        var tags = r.input("tags");
        if (tags.isPresent() && tags.get().isJsonObject()) {
            JsonObject t = tags.get().getAsJsonObject();
            if (t.has("kubernetes.io/role/elb")) {
                return "public";
            }
            if (t.has("kubernetes.io/role/internal-elb")) {
                return "private";
            }
        }
        var name = r.name().toLowerCase();
        return name.contains("public") ? "public" : name.contains("private") ? "private" : "";
    }

    private static String text(Plan.Resource r, String path) {
        var value = r.input(path);
        return value.isPresent() && value.get().isJsonPrimitive() ? value.get().getAsString() : null;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf(':') + 1);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** {@code RouteTableAssociation} → {@code route table association}; {@code BucketV2} → {@code bucket}. */
    static String humanize(String camel) {
        var s = camel;
        int end = s.length();
        while (end > 0 && Character.isDigit(s.charAt(end - 1))) {
            end--;
        }
        if (end < s.length() && end > 1 && s.charAt(end - 1) == 'V') {
            s = s.substring(0, end - 1); // Versioned resource names (BucketV2) read as the plain noun.
        }
        var sb = new StringBuilder();
        int wordStart = 0;
        for (int i = 1; i <= s.length(); i++) {
            // A word ends before an upper-case letter that follows a lower-case one (routeTable) or that starts a
            // word after an acronym (VPCEndpoint → VPC, Endpoint), and at the end.
            boolean boundary = i == s.length() || Character.isUpperCase(s.charAt(i))
                    && (!Character.isUpperCase(s.charAt(i - 1)) || (i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1))));
            if (boundary) {
                var word = s.substring(wordStart, i);
                boolean acronym = word.length() > 1 && word.equals(word.toUpperCase());
                sb.append(sb.length() == 0 ? "" : " ").append(acronym ? word : word.toLowerCase());
                wordStart = i;
            }
        }
        return sb.toString();
    }

    static String plural(String words) {
        int n = words.length();
        if (n > 1 && words.charAt(n - 1) == 'y' && "aeiou".indexOf(words.charAt(n - 2)) < 0) {
            return words.substring(0, n - 1) + "ies";
        }
        return words.endsWith("s") || words.endsWith("x") || words.endsWith("ch") || words.endsWith("sh") ? words + "es" : words + "s";
    }

    private static String module(String componentType) {
        var parts = componentType.split(":");
        return parts.length == 3 ? parts[1] : componentType;
    }

    /** Titles of the plan's components, in plan order ("Network", "EKS cluster", ...). */
    public static List<String> componentTitles(Plan plan) {
        var titles = new ArrayList<String>();
        for (var r : plan.resources()) {
            if (PlanIndex.isComponent(r)) {
                titles.add(componentTitle(r.type()));
            }
        }
        return titles;
    }

    private static String componentTitle(String type) {
        switch (type) {
            case "bigdata:network:Network": return "Network";
            case "bigdata:cluster:EksCluster": return "EKS cluster";
            case "bigdata:addons:ClusterAutoscaler": return "Cluster Autoscaler";
            case "bigdata:addons:Dashboard": return "Dashboard (Headlamp)";
            case "bigdata:emr:EmrOnEks": return "EMR on EKS";
            case "bigdata:studio:EmrStudio": return "EMR Studio";
            case "bigdata:addons:LoadBalancerController": return "AWS Load Balancer Controller";
            case "bigdata:emr:StudioEndpoint": return "Interactive endpoint (Studio on EKS)";
            case COST_PIPELINE_COMPONENT: return "Cost reports";
            case "bigdata:cost:TeamBudgets": return "Budgets";
            case "bigdata:cost:CostAllocationTags": return "Cost allocation tags";
            default: {
                var words = humanize(simpleName(type));
                return Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
        }
    }

    private static String moduleTitle(String module) {
        switch (module) {
            case "addons": return "Add-ons";
            case "emr": return "EMR";
            default: return Character.toUpperCase(module.charAt(0)) + module.substring(1);
        }
    }
}
