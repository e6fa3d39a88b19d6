package io.bigdatastack.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.bigdatastack.insight.PlanInsight;
import io.bigdatastack.plan.PlanDiff;
import io.bigdatastack.plan.PlanJson;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * docs/plan-file.md is the plan file's contract: each object's table lists exactly the fields the code writes (the
 * dev plan as {@code plan --against} writes it, with a change of every kind), and the exit-code table lists exactly
 * the codes of {@link ExitCodes}.
 */
class PlanFileDocTest {

    private static final Pattern SECTION = Pattern.compile("(?m)^### `([^`]+)`$");
    private static final Pattern FIELD_ROW = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|");

    private static String doc;
    private static JsonObject planFile;

    @BeforeAll
    static void writeTheDevPlanWithChanges() throws Exception {
        doc = Files.readString(TestStacks.PROJECT_DIR.resolve("docs/plan-file.md"));
        var plan = TestStacks.planStackFile("dev");
        var root = PlanJson.toJson(plan);
        root.add("cost", PlanInsight.of(plan, "us-west-2").cost().toJson());
        // An earlier plan without the VPC (so it is created now) and with another log retention (so it is updated).
        var earlier = PlanJson.toJson(plan);
        var resources = earlier.getAsJsonArray("resources");
        for (int i = 0; i < resources.size(); i++) {
            var resource = resources.get(i).getAsJsonObject();
            if (resource.get("type").getAsString().equals("aws:cloudwatch/logGroup:LogGroup")) {
                resource.getAsJsonObject("inputs").addProperty("retentionInDays", 7);
            }
        }
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).getAsJsonObject().get("type").getAsString().equals("aws:ec2/vpc:Vpc")) {
                resources.remove(i);
                break;
            }
        }
        root.add("changes", PlanDiff.toJson(PlanDiff.compare(earlier, PlanJson.toJson(plan), Planner.STATEFUL), "earlier.json"));
        planFile = root;
    }

    /** The fields of every object the plan file holds, by the path the doc's headings use. */
    private static Map<String, Set<String>> writtenFields() {
        var fields = new LinkedHashMap<String, Set<String>>();
        fields.put("(top level)", planFile.keySet());
        collect(fields, "resources[]", planFile.getAsJsonArray("resources"));
        collect(fields, "resources[].options", planFile.getAsJsonArray("resources").get(0).getAsJsonObject().getAsJsonObject("options"));
        collect(fields, "cost", planFile.getAsJsonObject("cost"));
        collect(fields, "cost.lineItems[]", planFile.getAsJsonObject("cost").getAsJsonArray("lineItems"));
        collect(fields, "cost.notPriced[]", planFile.getAsJsonObject("cost").getAsJsonArray("notPriced"));
        collect(fields, "changes[]", planFile.getAsJsonArray("changes"));
        var inputs = new JsonArray();
        planFile.getAsJsonArray("changes").forEach(c -> c.getAsJsonObject().getAsJsonArray("changedInputs").forEach(inputs::add));
        collect(fields, "changes[].changedInputs[]", inputs);
        return fields;
    }

    private static void collect(Map<String, Set<String>> fields, String path, JsonElement element) {
        var names = new TreeSet<String>();
        if (element.isJsonArray()) {
            assertFalse(element.getAsJsonArray().isEmpty(), path + ": the plan written for this test has none");
            element.getAsJsonArray().forEach(e -> names.addAll(e.getAsJsonObject().keySet()));
        } else {
            names.addAll(element.getAsJsonObject().keySet());
        }
        fields.put(path, names);
    }

    /** Each {@code ### `path`} section's field rows. */
    private static Map<String, Set<String>> documentedFields() {
        var documented = new TreeMap<String, Set<String>>();
        var sections = SECTION.matcher(doc);
        var starts = new java.util.ArrayList<int[]>();
        var names = new java.util.ArrayList<String>();
        while (sections.find()) {
            starts.add(new int[]{sections.start(), sections.end()});
            names.add(sections.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? starts.get(i + 1)[0] : doc.indexOf("\n## ", starts.get(i)[1]);
            var rows = FIELD_ROW.matcher(doc.substring(starts.get(i)[1], end < 0 ? doc.length() : end));
            var fields = new TreeSet<String>();
            while (rows.find()) {
                fields.add(rows.group(1));
            }
            documented.put(names.get(i), fields);
        }
        return documented;
    }

    @Test
    void everyObjectsFieldsAreDocumentedExactly() {
        var written = new TreeMap<String, Set<String>>();
        writtenFields().forEach((path, names) -> written.put(path, new TreeSet<>(names)));
        assertEquals(written, documentedFields(), "docs/plan-file.md's field tables against what the code writes");
    }

    @Test
    void theExitCodeTableListsExactlyTheCodesOfExitCodes() throws Exception {
        var codes = new TreeMap<Integer, String>();
        for (var field : ExitCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                codes.put(field.getInt(null), field.getName());
            }
        }
        var documented = new TreeMap<Integer, String>();
        var rows = Pattern.compile("(?m)^\\| (\\d+) \\| `([A-Z_]+)` \\|").matcher(doc.substring(doc.indexOf("\n## Exit codes")));
        while (rows.find()) {
            documented.put(Integer.parseInt(rows.group(1)), rows.group(2));
        }
        assertEquals(codes, documented);
    }
}
