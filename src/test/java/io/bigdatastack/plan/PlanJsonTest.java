package io.bigdatastack.plan;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanJsonTest {

    @Test
    void writesTheContractFieldsOfEveryResource(@TempDir Path dir) throws Exception {
        var file = PlanJson.write(TestStacks.plan(Map.of()), dir);
        assertEquals(dir.resolve("test.json"), file);
        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("big-data-stack", root.get("project").getAsString());
        assertEquals("test", root.get("stack").getAsString());
        assertTrue(root.get("outputs").getAsJsonObject().has("VpcId"));
        var resources = root.getAsJsonArray("resources");
        assertTrue(resources.size() > 20);
        for (var element : resources) {
            var r = element.getAsJsonObject();
            assertEquals(Set.of("urn", "type", "name", "custom", "parent", "provider", "inputs", "dependencies",
                    "propertyDependencies", "options"), r.keySet());
            assertEquals(Set.of("protect", "retainOnDelete", "deleteBeforeReplace", "ignoreChanges", "replaceOnChanges", "aliases"),
                    r.getAsJsonObject("options").keySet());
            assertTrue(r.get("urn").getAsString().startsWith("urn:pulumi:test::big-data-stack::"));
            assertTrue(r.get("urn").getAsString().endsWith("::" + r.get("name").getAsString()));
        }
        var first = resources.get(0).getAsJsonObject();
        assertEquals("pulumi:pulumi:Stack", first.get("type").getAsString());
        assertTrue(first.get("parent").isJsonNull());
        // URNs as the engine writes them: the root stack's type is not part of its children's type chain.
        assertTrue(root.toString().contains("\"urn:pulumi:test::big-data-stack::bigdata:network:Network$aws:ec2/vpc:Vpc::test-vpc\""));
        assertFalse(root.toString().contains("pulumi:pulumi:Stack$"));
        assertEquals(first.get("urn").getAsString(), resources.get(1).getAsJsonObject().get("parent").getAsString());
    }

    /** The options that decide what a change does are recorded: replaceOnChanges, and aliases resolved to URNs. */
    @Test
    void recordsReplaceOnChangesAndAliasesAsTheEngineResolvesThem() {
        var plan = PlanRunner.run("p", "s", "us-east-1", ctx -> {
            var parent = new com.pulumi.resources.ComponentResource("my:c:C", "c");
            new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build(), com.pulumi.resources.CustomResourceOptions.builder()
                    .parent(parent)
                    .replaceOnChanges("cidrBlock")
                    .aliases(List.of(com.pulumi.core.Output.of(com.pulumi.core.Alias.builder().noParent().build()),
                            com.pulumi.core.Output.of(com.pulumi.core.Alias.builder().name("old-vpc").build())))
                    .build());
        });
        var vpc = plan.named("vpc");
        assertEquals(List.of("cidrBlock"), vpc.options().replaceOnChanges());
        assertEquals(List.of("urn:pulumi:s::p::aws:ec2/vpc:Vpc::vpc", "urn:pulumi:s::p::my:c:C$aws:ec2/vpc:Vpc::old-vpc"), vpc.options().aliases());
    }

    @Test
    void recordsImplicitDependenciesExplicitOnesAndSecrets() {
        var plan = PlanRunner.run("p", "s", "us-east-1", ctx -> {
            var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            var marker = new Vpc("marker", VpcArgs.builder().cidrBlock("10.1.0.0/16").build());
            new Subnet("subnet", SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .cidrBlock("10.0.0.0/24")
                    .tags(Output.ofSecret(Map.of("k", "v")))
                    .build(), CustomResourceOptions.builder().dependsOn(marker).build());
            ctx.export("plain", vpc.id());
            ctx.export("hidden", Output.ofSecret("s3cr3t"));
        });
        var subnet = plan.named("subnet");
        assertEquals(List.of(plan.named("marker").urn(), plan.named("vpc").urn()), subnet.dependencies());
        assertEquals(Map.of("vpcId", List.of(plan.named("vpc").urn())), subnet.propertyDependencies(),
                "the explicit dependency belongs to no input");
        assertEquals(Plan.SECRET, subnet.inputString("tags"));
        assertTrue(subnet.inputString("vpcId").startsWith("vpc-"));
        assertEquals(Plan.SECRET, plan.outputs().get("hidden").getAsString());
        assertTrue(plan.outputs().get("plain").getAsString().startsWith("vpc-"));
        assertFalse(PlanJson.toJson(plan).toString().contains("s3cr3t"));
    }

    @Test
    void orderIsStableAcrossRuns() {
        var first = PlanJson.toJson(TestStacks.plan(Map.of("natGateways", "perAz")));
        var second = PlanJson.toJson(TestStacks.plan(Map.of("natGateways", "perAz")));
        assertEquals(first, second);
    }

    @Test
    void resourcesAppearInProgramOrderWithParentsFirst() {
        var plan = TestStacks.plan(Map.of());
        var seen = new java.util.HashSet<String>();
        for (var r : plan.resources()) {
            if (r.parent() != null) {
                assertTrue(seen.contains(r.parent()), r.urn() + " listed before its parent");
            }
            seen.add(r.urn());
        }
        var names = plan.resources().stream().map(Plan.Resource::name).toList();
        assertTrue(names.indexOf("test-vpc") < names.indexOf("test-public-1"));
        assertTrue(names.indexOf("test-public-3") < names.indexOf("test-s3"));
    }
}
