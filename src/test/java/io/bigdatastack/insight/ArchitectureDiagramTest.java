package io.bigdatastack.insight;

import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureDiagramTest {

    private static final Pattern NODE = Pattern.compile("^\\s*([A-Za-z0-9_]+)\\[\"(.*)\"]$");
    private static final Pattern SUBGRAPH = Pattern.compile("^\\s*subgraph ([A-Za-z0-9_]+)\\[\"(.*)\"]$");
    private static final Pattern EDGE = Pattern.compile("^\\s*([A-Za-z0-9_]+) --> ([A-Za-z0-9_]+)$");

    /** Node and subgraph ids declared in the Mermaid text, and its edges, read back from the text itself. */
    private record Parsed(Set<String> declared, List<String[]> edges, List<String> subgraphTitles) {
        static Parsed of(String mermaid) {
            var declared = new HashSet<String>();
            var edges = new ArrayList<String[]>();
            var titles = new ArrayList<String>();
            var lines = mermaid.split("\n");
            assertEquals("flowchart TB", lines[0]);
            for (int i = 1; i < lines.length; i++) {
                var line = lines[i];
                var s = SUBGRAPH.matcher(line);
                var n = NODE.matcher(line);
                var e = EDGE.matcher(line);
                if (s.matches()) {
                    assertTrue(declared.add(s.group(1)), "declared twice: " + s.group(1));
                    titles.add(s.group(2));
                } else if (n.matches()) {
                    assertTrue(declared.add(n.group(1)), "declared twice: " + n.group(1));
                } else if (e.matches()) {
                    edges.add(new String[]{e.group(1), e.group(2)});
                } else {
                    assertEquals("end", line.strip(), "unexpected line: " + line);
                }
            }
            return new Parsed(declared, edges, titles);
        }
    }

    private static String nodeOf(ArchitectureDiagram diagram, Plan plan, String name) {
        var urn = plan.named(name).urn();
        return diagram.nodes().stream().filter(n -> n.resources().contains(urn)).findFirst()
                .orElseThrow(() -> new AssertionError("no node for " + name)).id();
    }

    private static boolean hasEdge(ArchitectureDiagram diagram, String from, String to) {
        return diagram.edges().contains(new ArchitectureDiagram.Edge(from, to));
    }

    @Test
    void everyComponentIsASubgraphAndAddOnsShareOne() {
        var diagram = ArchitectureDiagram.of(DevPlan.plan());
        var parsed = Parsed.of(MermaidWriter.mermaid(diagram));
        // The stack's one team is an EmrTeam component like every team: a subgraph of its own.
        assertEquals(List.of("Network", "EKS cluster", "Add-ons", "Cluster Autoscaler", "Dashboard (Headlamp)", "EMR on EKS", "Team", "EMR Studio",
                "Cluster catalog"), parsed.subgraphTitles());
        var addOns = diagram.subgraphs().stream().filter(s -> s.title().equals("Add-ons")).findFirst().orElseThrow();
        assertEquals(2, diagram.subgraphs().stream().filter(s -> addOns.id().equals(s.parent())).count());
    }

    @Test
    void noEdgeDanglesOrLoops() {
        var parsed = Parsed.of(MermaidWriter.mermaid(ArchitectureDiagram.of(DevPlan.plan())));
        assertFalse(parsed.edges().isEmpty());
        for (var edge : parsed.edges()) {
            assertTrue(parsed.declared().contains(edge[0]), "undeclared edge start " + edge[0]);
            assertTrue(parsed.declared().contains(edge[1]), "undeclared edge end " + edge[1]);
            assertFalse(edge[0].equals(edge[1]), "self loop on " + edge[0]);
        }
    }

    @Test
    void drawsTheRelationsThatMatter() {
        var plan = DevPlan.plan();
        var d = ArchitectureDiagram.of(plan);
        var privateSubnets = nodeOf(d, plan, "dev-private-1");
        var cluster = nodeOf(d, plan, DevPlan.CLUSTER);
        assertEquals(privateSubnets, nodeOf(d, plan, "dev-private-3"), "the private subnets are one node");
        var network = box(d, "Network");
        var eks = box(d, "EKS cluster");
        var emr = box(d, "EMR on EKS");
        assertTrue(hasEdge(d, network, eks), "subnets → cluster, drawn between the components' boxes");
        var base = nodeOf(d, plan, DevPlan.BASE_NODES);
        var spot = nodeOf(d, plan, DevPlan.SPOT_NODES);
        assertTrue(hasEdge(d, cluster, base), "cluster → base node group");
        assertTrue(hasEdge(d, cluster, spot), "cluster → spot node group");
        assertTrue(hasEdge(d, eks, emr), "OIDC provider → job role and cluster → namespace, between the boxes");
        assertFalse(hasEdge(d, nodeOf(d, plan, DevPlan.OIDC), nodeOf(d, plan, DevPlan.JOB_ROLE)), "not node to node across boxes");
        var namespace = nodeOf(d, plan, DevPlan.NAMESPACE);
        assertTrue(hasEdge(d, namespace, nodeOf(d, plan, DevPlan.VIRTUAL_CLUSTER)), "namespace → virtual cluster");
        var studio = nodeOf(d, plan, DevPlan.STUDIO);
        assertTrue(hasEdge(d, nodeOf(d, plan, DevPlan.ENGINE_SG), studio), "engine security group → studio");
        assertTrue(hasEdge(d, nodeOf(d, plan, DevPlan.WORKSPACE_SG), studio), "workspace security group → studio");
        // Implied by subnets → cluster → node group: left out.
        assertFalse(hasEdge(d, privateSubnets, base));
    }

    /**
     * The add-ons the node groups wait for (vpc-cni, kube-proxy, the Pod Identity agent) and coredns, which waits
     * for the node groups, are two nodes, so no arrows run both ways between add-ons and node groups.
     */
    @Test
    void addOnsBeforeAndAfterTheNodesAreSeparateNodes() {
        var plan = DevPlan.plan();
        var d = ArchitectureDiagram.of(plan);
        var before = nodeOf(d, plan, "dev-vpc-cni");
        assertEquals(before, nodeOf(d, plan, "dev-kube-proxy"));
        assertEquals(before, nodeOf(d, plan, "dev-eks-pod-identity-agent"));
        var after = nodeOf(d, plan, "dev-coredns");
        assertFalse(before.equals(after), "coredns has its own node");
        assertEquals("3 EKS add-ons<br/>vpc-cni, kube-proxy, eks-pod-identity-agent", nodeById(d, before).label());
        assertEquals("EKS add-on<br/>coredns", nodeById(d, after).label());
        for (var nodes : List.of(DevPlan.BASE_NODES, DevPlan.SPOT_NODES)) {
            var group = nodeOf(d, plan, nodes);
            assertTrue(hasEdge(d, before, group), "add-ons → " + nodes);
            assertTrue(hasEdge(d, group, after), nodes + " → coredns");
            assertFalse(hasEdge(d, group, before), "no arrow back from " + nodes);
        }
    }

    /** On both real plans, following arrows never comes back to where it started. */
    @Test
    void theRealDiagramsHaveNoCycles() {
        for (var plan : List.of(DevPlan.plan(), TestStacks.planStackFile("prod"))) {
            var d = ArchitectureDiagram.of(plan);
            var next = new java.util.HashMap<String, List<String>>();
            for (var e : d.edges()) {
                next.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            }
            for (var start : next.keySet()) {
                var pending = new ArrayList<>(next.get(start));
                var seen = new HashSet<String>();
                while (!pending.isEmpty()) {
                    var n = pending.remove(pending.size() - 1);
                    assertFalse(n.equals(start), plan.stack() + ": a cycle through " + start);
                    if (seen.add(n)) {
                        pending.addAll(next.getOrDefault(n, List.of()));
                    }
                }
            }
        }
    }

    private static String box(ArchitectureDiagram d, String title) {
        return d.subgraphs().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().id();
    }

    @Test
    void theDevDiagramReadsTopDownWithoutNoise() {
        var plan = TestStacks.planStackFile("dev");
        var d = ArchitectureDiagram.of(plan);
        var labels = d.nodes().stream().map(n -> n.label().toLowerCase()).toList();
        assertTrue(labels.stream().noneMatch(l -> l.contains("tag") || l.contains("object") || l.contains("attachment")), labels.toString());
        assertTrue(labels.contains("2 iam roles<br/>cluster, node"), "roles collapsed per component, named by purpose: " + labels);
        // Every edge is inside one top-level box or between two boxes, never node to node across boxes.
        var topLevel = new java.util.HashMap<String, String>();
        for (var s : d.subgraphs()) {
            var outer = s;
            while (outer.parent() != null) {
                var parentId = outer.parent();
                outer = d.subgraphs().stream().filter(x -> x.id().equals(parentId)).findFirst().orElseThrow();
            }
            topLevel.put(s.id(), outer.id());
        }
        for (var e : d.edges()) {
            var from = topLevel.containsKey(e.from()) ? e.from() : topLevel.get(nodeById(d, e.from()).subgraph());
            var to = topLevel.containsKey(e.to()) ? e.to() : topLevel.get(nodeById(d, e.to()).subgraph());
            if (!topLevel.containsKey(e.from()) || !topLevel.containsKey(e.to())) {
                assertEquals(from, to, "a node-level edge stays inside its box: " + e);
            }
        }
        assertTrue(hasEdge(d, box(d, "Network"), box(d, "EKS cluster")));
        assertTrue(hasEdge(d, box(d, "EKS cluster"), box(d, "Add-ons")));
        assertTrue(hasEdge(d, box(d, "EKS cluster"), box(d, "EMR on EKS")));
        assertTrue(hasEdge(d, box(d, "Network"), box(d, "EMR Studio")));
    }

    private static ArchitectureDiagram.Node nodeById(ArchitectureDiagram d, String id) {
        return d.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no node " + id));
    }

    @Test
    void collapsesRepetitiveResourcesAndCountsWhatItLeavesOut() {
        var d = ArchitectureDiagram.of(DevPlan.plan());
        var labels = d.nodes().stream().map(ArchitectureDiagram.Node::label).toList();
        assertTrue(labels.contains("3 public subnets"), labels.toString());
        assertTrue(labels.contains("3 private subnets"), labels.toString());
        assertTrue(labels.contains("3 EKS add-ons<br/>vpc-cni, kube-proxy, eks-pod-identity-agent"), labels.toString());
        assertTrue(labels.contains("VPC endpoint<br/>s3 (Gateway)"), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.toLowerCase().contains("route")), labels.toString());
        var md = MermaidWriter.markdown(d);
        assertTrue(md.contains("Not drawn: ") && md.contains("6 route table associations") && md.contains("4 routes")
                && md.contains("1 kubernetes provider"), md);
        assertTrue(md.startsWith("```mermaid\nflowchart TB\n"), md);
    }

    @Test
    void nodesSitInTheirComponentsSubgraph() {
        var plan = DevPlan.plan();
        var d = ArchitectureDiagram.of(plan);
        var team = d.subgraphs().stream().filter(s -> s.title().equals("Team")).findFirst().orElseThrow();
        var jobRole = d.nodes().stream().filter(n -> n.resources().contains(plan.named(DevPlan.JOB_ROLE).urn())).findFirst().orElseThrow();
        assertEquals(team.id(), jobRole.subgraph());
    }

    @Test
    void aComponentWithNothingDrawnStillShowsAndUnknownTypesAreDrawn() {
        var p = new SyntheticPlan("big-data-stack", "t");
        var glue = p.component(null, "bigdata:glue:OnlyGlue", "t-glue");
        var role = p.resource(null, "aws:iam/role:Role", "t-role");
        p.resource(glue, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "t-attach").dependsOn(role);
        var newThing = p.component(null, "bigdata:search:OpenSearch", "t-search");
        p.resource(newThing, "aws:opensearch/domain:Domain", "t-domain-a").dependsOn(glue);
        p.resource(newThing, "aws:opensearch/domain:Domain", "t-domain-b").inputs("{\"note\": \"say \\\"hi\\\"\"}");
        var d = ArchitectureDiagram.of(p.build());
        var parsed = Parsed.of(MermaidWriter.mermaid(d));
        assertTrue(parsed.subgraphTitles().containsAll(List.of("Only glue", "Open search")), parsed.subgraphTitles().toString());
        var labels = d.nodes().stream().map(ArchitectureDiagram.Node::label).toList();
        assertTrue(labels.contains("1 resource, none drawn"), labels.toString());
        assertTrue(labels.contains("2 domains"), labels.toString());
        // A dependency on a whole component is drawn from its subgraph.
        for (var edge : parsed.edges()) {
            assertTrue(parsed.declared().contains(edge[0]) && parsed.declared().contains(edge[1]));
        }
        assertTrue(d.edges().stream().anyMatch(e -> e.from().startsWith("sg_OnlyGlue")), d.edges().toString());
    }

    @Test
    void labelsAreEscapedAndIdsAreMermaidSafe() {
        var p = new SyntheticPlan("big-data-stack", "t");
        var c = p.component(null, "bigdata:studio:EmrStudio", "t");
        p.resource(c, "aws:emr/studio:Studio", "t-\"quoted\".studio").inputs("{\"authMode\": \"IAM\"}");
        var mermaid = MermaidWriter.mermaid(ArchitectureDiagram.of(p.build()));
        assertTrue(mermaid.contains("EMR Studio<br/>t-#quot;quoted#quot;.studio (IAM)"), mermaid);
        Parsed.of(mermaid); // Every line parses: ids hold only letters, digits and underscores.
    }

    @Test
    void humanizesTypeNames() {
        assertEquals("route table association", ArchitectureDiagram.humanize("RouteTableAssociation"));
        assertEquals("bucket", ArchitectureDiagram.humanize("BucketV2"));
        assertEquals("VPC endpoint", ArchitectureDiagram.humanize("VPCEndpoint"));
        assertEquals("policies", ArchitectureDiagram.plural("policy"));
        assertEquals("gateways", ArchitectureDiagram.plural("gateway"));
        assertEquals("access entries", ArchitectureDiagram.plural("access entry"));
        assertEquals("addresses", ArchitectureDiagram.plural("address"));
    }

    /** On the real dev plan, whatever components have landed: each one is drawn, nothing dangles, output is stable. */
    @Test
    void theDevPlanDrawsEveryComponentItHolds() {
        var plan = TestStacks.planStackFile("dev");
        var d = ArchitectureDiagram.of(plan);
        var parsed = Parsed.of(MermaidWriter.mermaid(d));
        long components = plan.resources().stream().filter(r -> !r.custom() && !r.type().equals("pulumi:pulumi:Stack")).count();
        assertEquals(components, d.subgraphs().stream().filter(s -> s.id().startsWith("sg_")).count());
        assertTrue(parsed.subgraphTitles().contains("Network"));
        for (var edge : parsed.edges()) {
            assertTrue(parsed.declared().contains(edge[0]) && parsed.declared().contains(edge[1]), edge[0] + " --> " + edge[1]);
        }
        assertEquals(MermaidWriter.mermaid(d), MermaidWriter.mermaid(ArchitectureDiagram.of(TestStacks.planStackFile("dev"))), "the diagram is deterministic");
    }

    /** The real program's dev plan (planned once), and the logical names of the resources these tests look at. */
    private static final class DevPlan {
        static final String CLUSTER = "dev-cluster";
        static final String OIDC = "dev-oidc";
        static final String BASE_NODES = "dev-base";
        static final String SPOT_NODES = "dev-spot";
        static final String JOB_ROLE = "dev-emr-job-role";
        static final String NAMESPACE = "dev-emr-namespace";
        static final String VIRTUAL_CLUSTER = "dev-emr-virtual-cluster";
        static final String STUDIO = "dev-studio";
        static final String ENGINE_SG = "dev-studio-engine-sg";
        static final String WORKSPACE_SG = "dev-studio-workspace-sg";
        private static Plan plan;

        static synchronized Plan plan() {
            if (plan == null) {
                plan = TestStacks.planStackFile("dev");
            }
            return plan;
        }
    }
}
