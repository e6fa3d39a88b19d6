package io.bigdatastack.studio;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.plan.PlanRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Plans of the {@link EmrStudio} component alone, and readers for what tests look at in them. */
final class StudioPlans {

    static final Map<String, String> COMMON_TAGS = Map.of("project", "big-data-stack", "stack", "test", "managed-by", "pulumi");
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String VIRTUAL_CLUSTER_ID = "vc0studio000000000000000a";
    static final List<String> PRIVATE_SUBNETS = List.of("subnet-private-a", "subnet-private-b", "subnet-private-c");

    private StudioPlans() {
    }

    /** SSO defaults: admin "jane", no further users, destroyable bucket; {@code customize} changes the builder. */
    static Plan plan(UnaryOperator<EmrStudioArgs.Builder> customize) {
        var builder = EmrStudioArgs.builder()
                .vpcId(Output.of("vpc-0studio"))
                .subnetIds(Output.of(PRIVATE_SUBNETS))
                .virtualClusterId(Output.of(VIRTUAL_CLUSTER_ID))
                .region(REGION)
                .scope(Output.of(new io.bigdatastack.iam.AwsScope(io.bigdatastack.iam.AwsScope.COMMERCIAL_PARTITION, REGION,
                        io.bigdatastack.plan.AwsMockEngine.ACCOUNT_ID)))
                .authMode(StudioAuthMode.SSO)
                .adminUser(java.util.Optional.of("jane"))
                .protectStatefulResources(false)
                .project("big-data-stack")
                .stack("test")
                .namePrefix("big-data-stack-test")
                .tags(COMMON_TAGS);
        var args = customize.apply(builder).build();
        return PlanRunner.run("big-data-stack", "test", REGION, ctx -> new EmrStudio("test", args, ComponentResourceOptions.Empty));
    }

    static Plan plan() {
        return plan(b -> b);
    }

    static Map<String, String> tags(Plan.Resource r) {
        return r.input("tags").orElseThrow(() -> new AssertionError(r.urn() + " has no tags")).getAsJsonObject().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAsString()));
    }

    /** A policy input (JSON text) parsed. */
    static JsonObject document(Plan.Resource r, String input) {
        return JsonParser.parseString(r.inputString(input)).getAsJsonObject();
    }

    static List<JsonObject> statements(JsonObject document) {
        var result = new ArrayList<JsonObject>();
        document.getAsJsonArray("Statement").forEach(s -> result.add(s.getAsJsonObject()));
        return result;
    }

    static JsonObject statement(JsonObject document, String sid) {
        return statements(document).stream().filter(s -> s.has("Sid") && s.get("Sid").getAsString().equals(sid)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + document));
    }

    /** Action or Resource, whether IAM wrote it as one string or a list. */
    static List<String> strings(JsonElement element) {
        if (element == null) {
            return List.of();
        }
        if (element.isJsonArray()) {
            var values = new ArrayList<String>();
            for (var e : (JsonArray) element) {
                values.add(e.getAsString());
            }
            return values;
        }
        return List.of(element.getAsString());
    }

    static List<String> actions(JsonObject statement) {
        return strings(statement.get("Action"));
    }

    static List<String> resources(JsonObject statement) {
        return strings(statement.get("Resource"));
    }

    static Plan.Resource studio(Plan plan) {
        return plan.one("aws:emr/studio:Studio");
    }
}
