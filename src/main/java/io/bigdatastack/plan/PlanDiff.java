package io.bigdatastack.plan;

import io.bigdatastack.support.Json;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a new plan with an earlier plan file, resource by resource (by URN), the way {@code pulumi preview --diff}
 * would: create, update, replace, delete or unchanged, with the inputs that changed. Replace versus update follows
 * {@link ReplacementRules}; a type the rules do not know is "replace or update: unknown". A replacement cascades as it
 * does in a real preview: an input that takes its value from a replaced (or new) resource is unknown until that
 * resource exists, so it counts as changed; a resource whose provider is replaced is replaced.
 *
 * <p>Resources in the given {@link StatefulResources} are marked. A change is a <em>risk</em> (exit code 3 from {@code plan --against})
 * when it replaces or deletes a stateful resource, may replace one (unknown type), or is an update that destroys
 * retained data: log retention lowered, a lifecycle expiration shortened, bucket versioning suspended,
 * {@code forceDestroy} turned on, {@code protect}/{@code retainOnDelete} turned off.
 *
 * <p>Both plans are read in the plan-file form ({@link PlanJson#toJson}), so a committed file and a fresh plan compare
 * alike. Secrets are {@code "[secret]"} in both and compare equal: a changed secret value is not visible here.
 */
public final class PlanDiff {

    public enum Action {
        CREATE("+", "create"), UPDATE("~", "update"), REPLACE("+-", "replace"), DELETE("-", "delete"),
        UNKNOWN("?", "replace or update: unknown"), UNCHANGED(" ", "unchanged");

        private final String symbol;
        private final String label;

        Action(String symbol, String label) {
            this.symbol = symbol;
            this.label = label;
        }

        public String symbol() { return symbol; }
        public String label() { return label; }
        public String json() { return name().toLowerCase(Locale.ROOT); }
    }

    /** One changed input; {@code after} is null when the value is known only after a replacement it depends on. */
    public record InputChange(String path, JsonElement before, JsonElement after, boolean forcesReplacement, String note) {
    }

    public record Change(String urn, String type, String name, Action action, List<InputChange> changedInputs,
                         Optional<StatefulResources.Entry> stateful, List<String> destroysData, String reason) {

        /** Replaces or deletes something stateful, may do so, or destroys retained data. */
        public boolean risky() {
            return !destroysData.isEmpty() || (stateful.isPresent()
                    && (action == Action.REPLACE || action == Action.DELETE || action == Action.UNKNOWN));
        }
    }

    public record Result(String stack, List<Change> changes) {

        public boolean risky() {
            return changes.stream().anyMatch(Change::risky);
        }

        public long count(Action action) {
            return changes.stream().filter(c -> c.action() == action).count();
        }

        public List<Change> risks() {
            return changes.stream().filter(Change::risky).toList();
        }
    }

    private static final Gson GSON = Json.COMPACT;

    private PlanDiff() {
    }

    public static Result compare(JsonObject earlier, JsonObject now, StatefulResources stateful) {
        return compare(earlier, now, ReplacementRules.shipped(), stateful);
    }

    public static Result compare(JsonObject earlier, JsonObject now, ReplacementRules rules, StatefulResources statefulResources) {
        var before = index(earlier);
        var after = index(now);
        var pending = new HashMap<String, String>(); // URN replaced or created -> its name, for cascading
        var changes = new ArrayList<Change>();

        for (var resource : after.values()) {
            var urn = resource.get("urn").getAsString();
            var type = resource.get("type").getAsString();
            var name = resource.get("name").getAsString();
            var stateful = statefulOf(resource, after, statefulResources);
            var old = before.get(urn);
            if (old == null) {
                pending.put(urn, name);
                changes.add(new Change(urn, type, name, Action.CREATE, List.of(), stateful, List.of(), "new resource"));
                continue;
            }
            var change = compareResource(old, resource, type, name, stateful, pending, rules);
            if (change.action() == Action.REPLACE) {
                pending.put(urn, name);
            }
            changes.add(change);
        }
        for (var old : before.values()) {
            var urn = old.get("urn").getAsString();
            if (!after.containsKey(urn)) {
                var type = old.get("type").getAsString();
                var stateful = statefulOf(old, before, statefulResources);
                changes.add(new Change(urn, type, old.get("name").getAsString(), Action.DELETE, List.of(), stateful, List.of(),
                        "no longer in the program under this URN (removed, renamed or moved to another parent)"
                                + stateful.map(s -> "; deleting " + s.description() + " loses " + s.whatIsLost()).orElse("")));
            }
        }
        return new Result(now.get("stack").getAsString(), List.copyOf(changes));
    }

    private static Change compareResource(JsonObject old, JsonObject now, String type, String name, Optional<StatefulResources.Entry> stateful,
                                          Map<String, String> pending, ReplacementRules rules) {
        var oldInputs = old.getAsJsonObject("inputs");
        var newInputs = now.getAsJsonObject("inputs");
        var ignored = strings(now.getAsJsonObject("options").get("ignoreChanges"));
        var changedPaths = new ArrayList<String[]>(); // path, before, after as JSON text (null = unknown)
        var paths = new LinkedHashMap<String, JsonElement[]>();
        diff("", oldInputs, newInputs, paths);
        paths.keySet().removeIf(path -> ignored.stream().anyMatch(i -> path.equals(i) || path.startsWith(i + ".")));

        // Inputs whose value flows from a resource being replaced or created are unknown until it exists.
        var unknownBecause = new LinkedHashMap<String, String>();
        var propertyDependencies = now.has("propertyDependencies") ? now.getAsJsonObject("propertyDependencies") : new JsonObject();
        for (var property : propertyDependencies.entrySet()) {
            if (ignored.contains(property.getKey())) {
                continue;
            }
            for (var dependency : property.getValue().getAsJsonArray()) {
                var cause = pending.get(dependency.getAsString());
                if (cause != null) {
                    unknownBecause.putIfAbsent(property.getKey(), cause);
                }
            }
        }

        var rule = rules.rule(type);
        var changes = new ArrayList<InputChange>();
        var replacedBy = new ArrayList<String>();
        for (var entry : paths.entrySet()) {
            var path = entry.getKey();
            var forces = rule.flatMap(r -> r.replacingPath(path)).isPresent()
                    || (rule.isPresent() && rule.get().replaceWhenRemoved().stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."))
                        && entry.getValue()[1] == null);
            changes.add(new InputChange(path, entry.getValue()[0], entry.getValue()[1], forces, null));
            if (forces) {
                replacedBy.add(path);
            }
        }
        for (var entry : unknownBecause.entrySet()) {
            var property = entry.getKey();
            boolean alreadyChanged = paths.keySet().stream().anyMatch(p -> p.equals(property) || p.startsWith(property + "."));
            if (alreadyChanged) {
                continue;
            }
            var forces = rule.flatMap(r -> r.replacingPath(property)).isPresent();
            changes.add(new InputChange(property, oldInputs.get(property), null, forces,
                    "known after " + entry.getValue() + " is replaced or created"));
            if (forces) {
                replacedBy.add(property);
            }
        }

        var reasons = new ArrayList<String>();
        boolean unknown = false;
        if (rule.isPresent() && rule.get().kubeconfigCluster() && (paths.containsKey("kubeconfig") || unknownBecause.containsKey("kubeconfig"))) {
            var oldServer = apiServer(oldInputs.get("kubeconfig"));
            var newServer = unknownBecause.containsKey("kubeconfig") ? Optional.<String>empty() : apiServer(newInputs.get("kubeconfig"));
            if (oldServer.isEmpty() || newServer.isEmpty() || !oldServer.equals(newServer)) {
                replacedBy.add("kubeconfig");
                reasons.add("its kubeconfig points at another API server (" + oldServer.orElse("?") + " -> "
                        + newServer.orElse("known after the cluster is replaced") + ")");
            }
        }
        if (rule.isPresent() && rule.get().cloudControl() && paths.keySet().stream().anyMatch(p -> p.startsWith("desiredState"))) {
            var typeName = newInputs.has("typeName") ? newInputs.get("typeName").getAsString() : "";
            var createOnly = rule.get().createOnlyProperties().get(typeName);
            if (createOnly == null) {
                unknown = true;
                reasons.add("desiredState of " + typeName + " changes, and which of its properties are create-only is not in the replacement rules");
            } else {
                for (var property : changedTopLevel(oldInputs.get("desiredState"), newInputs.get("desiredState"))) {
                    if (createOnly.contains(property)) {
                        replacedBy.add("desiredState." + property);
                    }
                }
            }
        }

        var provider = now.get("provider");
        if (provider != null && !provider.isJsonNull()) {
            var providerUrn = provider.getAsString().replaceFirst("::[^:]*$", "");
            var cause = pending.get(providerUrn);
            if (cause != null) {
                replacedBy.add("provider");
                reasons.add("its provider " + cause + " is replaced");
            }
        }

        var destroys = destroysData(type, oldInputs, newInputs, old.getAsJsonObject("options"), now.getAsJsonObject("options"));
        boolean optionsChanged = !old.getAsJsonObject("options").equals(now.getAsJsonObject("options"));

        Action action;
        String reason;
        if (!replacedBy.isEmpty()) {
            action = Action.REPLACE;
            var because = new TreeSet<String>();
            replacedBy.stream().filter(p -> !p.equals("provider") && !p.equals("kubeconfig")).forEach(because::add);
            if (!because.isEmpty()) {
                reasons.add(0, "changing " + String.join(", ", because) + " forces a new resource");
            }
            reason = String.join("; ", reasons) + stateful.map(s -> "; replacing " + s.description() + " loses " + s.whatIsLost()).orElse("");
        } else if (rule.isEmpty() && !changes.isEmpty()) {
            action = Action.UNKNOWN;
            reason = "type " + type + " is not in " + ReplacementRules.RESOURCE + ": replace or update unknown";
        } else if (unknown) {
            action = Action.UNKNOWN;
            reason = String.join("; ", reasons);
        } else if (!changes.isEmpty() || optionsChanged) {
            action = Action.UPDATE;
            reason = changes.isEmpty() ? "resource options change: " + changedOptions(old.getAsJsonObject("options"), now.getAsJsonObject("options"))
                    : "in-place update";
        } else {
            action = Action.UNCHANGED;
            reason = "";
        }
        if (!destroys.isEmpty()) {
            reason = (reason.isEmpty() ? "" : reason + "; ") + String.join("; ", destroys);
        }
        return new Change(now.get("urn").getAsString(), type, name, action, List.copyOf(changes), stateful, destroys, reason);
    }

    /** The options that differ, as {@code protect: false => true}: an update that changes nothing else says which. */
    private static String changedOptions(JsonObject before, JsonObject after) {
        var keys = new TreeSet<String>(before.keySet());
        keys.addAll(after.keySet());
        var changed = new ArrayList<String>();
        for (var key : keys) {
            if (!java.util.Objects.equals(before.get(key), after.get(key))) {
                changed.add(key + ": " + display(before.get(key)) + " => " + display(after.get(key)));
            }
        }
        return String.join(", ", changed);
    }

    /** Updates that keep the resource but destroy what it retains, or remove what keeps it. */
    private static List<String> destroysData(String type, JsonObject before, JsonObject after, JsonObject oldOptions, JsonObject newOptions) {
        var found = new ArrayList<String>();
        switch (type) {
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                // 0 or absent: events never expire (CloudWatch Logs PutRetentionPolicy).
                int was = intAt(before, "retentionInDays").orElse(0);
                int will = intAt(after, "retentionInDays").orElse(0);
                if (will > 0 && (was == 0 || will < was)) {
                    found.add("log retention lowered from " + (was == 0 ? "never expire" : was + " days") + " to " + will
                            + " days: CloudWatch deletes older events");
                }
            }
            case "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2" -> {
                var oldRules = rulesById(before);
                for (var entry : rulesById(after).entrySet()) {
                    var oldRule = oldRules.get(entry.getKey());
                    for (var field : List.of("expiration.days", "noncurrentVersionExpiration.noncurrentDays")) {
                        var will = intAt(entry.getValue(), field);
                        var was = oldRule == null ? Optional.<Integer>empty() : intAt(oldRule, field);
                        if (will.isPresent() && (was.isEmpty() || will.get() < was.get())) {
                            found.add("lifecycle rule '" + entry.getKey() + "' " + field + " " + was.map(String::valueOf).orElse("unset")
                                    + " -> " + will.get() + ": S3 deletes objects sooner");
                        }
                    }
                }
            }
            case "aws:s3/bucketVersioningV2:BucketVersioningV2" -> {
                var was = stringAt(before, "versioningConfiguration.status");
                var will = stringAt(after, "versioningConfiguration.status");
                if ("Enabled".equals(was.orElse(null)) && !"Enabled".equals(will.orElse(null))) {
                    found.add("bucket versioning suspended: overwritten and deleted objects can no longer be recovered");
                }
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                if (!boolAt(before, "forceDestroy") && boolAt(after, "forceDestroy")) {
                    found.add("forceDestroy turned on: deleting the bucket deletes every object in it");
                }
            }
            default -> {
            }
        }
        if (boolAt(oldOptions, "protect") && !boolAt(newOptions, "protect")) {
            found.add("protect turned off: pulumi would then delete or replace it without stopping");
        }
        if (boolAt(oldOptions, "retainOnDelete") && !boolAt(newOptions, "retainOnDelete")) {
            found.add("retainOnDelete turned off: a delete would now remove it from AWS");
        }
        return List.copyOf(found);
    }

    private static Map<String, JsonObject> rulesById(JsonObject inputs) {
        var byId = new LinkedHashMap<String, JsonObject>();
        var rules = inputs.get("rules");
        if (rules != null && rules.isJsonArray()) {
            int index = 0;
            for (var rule : rules.getAsJsonArray()) {
                var object = rule.getAsJsonObject();
                byId.put(object.has("id") ? object.get("id").getAsString() : "#" + index, object);
                index++;
            }
        }
        return byId;
    }

    /** Leaf differences: objects are compared key by key, anything else (arrays included) as one value. */
    private static void diff(String prefix, JsonElement before, JsonElement after, Map<String, JsonElement[]> out) {
        if (before != null && after != null && before.isJsonObject() && after.isJsonObject()) {
            var keys = new TreeSet<String>(before.getAsJsonObject().keySet());
            keys.addAll(after.getAsJsonObject().keySet());
            for (var key : keys) {
                diff(prefix.isEmpty() ? key : prefix + "." + key, before.getAsJsonObject().get(key), after.getAsJsonObject().get(key), out);
            }
            return;
        }
        var a = before == null || before.isJsonNull() ? null : before;
        var b = after == null || after.isJsonNull() ? null : after;
        if (a == null ? b != null : !a.equals(b)) {
            out.put(prefix, new JsonElement[]{a, b});
        }
    }

    private static Set<String> changedTopLevel(JsonElement before, JsonElement after) {
        var changed = new TreeSet<String>();
        try {
            var a = before == null ? new JsonObject() : JsonParser.parseString(before.getAsString()).getAsJsonObject();
            var b = after == null ? new JsonObject() : JsonParser.parseString(after.getAsString()).getAsJsonObject();
            var keys = new HashSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (var key : keys) {
                if (!java.util.Objects.equals(a.get(key), b.get(key))) {
                    changed.add(key);
                }
            }
        } catch (RuntimeException e) {
            changed.add("(unparsable desiredState)");
        }
        return changed;
    }

    /** The API server of the kubeconfig's current context. */
    @SuppressWarnings("unchecked")
    static Optional<String> apiServer(JsonElement kubeconfig) {
        if (kubeconfig == null || !kubeconfig.isJsonPrimitive()) {
            return Optional.empty();
        }
        try {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(kubeconfig.getAsString());
            var current = String.valueOf(document.get("current-context"));
            var contexts = (List<Map<String, Object>>) document.get("contexts");
            var cluster = contexts.stream().filter(c -> current.equals(c.get("name")))
                    .map(c -> String.valueOf(((Map<String, Object>) c.get("context")).get("cluster"))).findFirst().orElse("");
            var clusters = (List<Map<String, Object>>) document.get("clusters");
            return clusters.stream().filter(c -> cluster.equals(c.get("name")))
                    .map(c -> String.valueOf(((Map<String, Object>) c.get("cluster")).get("server"))).findFirst();
        } catch (RuntimeException e) {
            return Optional.empty(); // a secret ("[secret]") or an unreadable kubeconfig: compare as text
        }
    }

    private static Optional<StatefulResources.Entry> statefulOf(JsonObject resource, Map<String, JsonObject> plan, StatefulResources catalog) {
        var parent = resource.get("parent");
        if (parent == null || parent.isJsonNull()) {
            return Optional.empty();
        }
        var parentResource = plan.get(parent.getAsString());
        var parentType = parentResource != null ? parentResource.get("type").getAsString() : typeFromUrn(parent.getAsString());
        return catalog.of(resource.get("type").getAsString(), parentType);
    }

    /** {@code urn:pulumi:<stack>::<project>::<parentType>$<type>::<name>}: the last type of the chain. */
    static String typeFromUrn(String urn) {
        var parts = urn.split("::");
        if (parts.length < 4) {
            return "";
        }
        var chain = parts[2];
        return chain.substring(chain.lastIndexOf('$') + 1);
    }

    private static LinkedHashMap<String, JsonObject> index(JsonObject plan) {
        var byUrn = new LinkedHashMap<String, JsonObject>();
        for (var resource : plan.getAsJsonArray("resources")) {
            var object = resource.getAsJsonObject();
            byUrn.put(object.get("urn").getAsString(), object);
        }
        return byUrn;
    }

    private static List<String> strings(JsonElement array) {
        var values = new ArrayList<String>();
        if (array != null && array.isJsonArray()) {
            array.getAsJsonArray().forEach(e -> values.add(e.getAsString()));
        }
        return values;
    }

    private static Optional<JsonElement> at(JsonObject object, String dottedPath) {
        JsonElement current = object;
        for (var part : dottedPath.split("\\.")) {
            if (current == null || !current.isJsonObject()) {
                return Optional.empty();
            }
            current = current.getAsJsonObject().get(part);
        }
        return current == null || current.isJsonNull() ? Optional.empty() : Optional.of(current);
    }

    private static Optional<Integer> intAt(JsonObject object, String path) {
        return at(object, path).filter(JsonElement::isJsonPrimitive).filter(e -> e.getAsJsonPrimitive().isNumber()).map(JsonElement::getAsInt);
    }

    private static Optional<String> stringAt(JsonObject object, String path) {
        return at(object, path).filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString);
    }

    private static boolean boolAt(JsonObject object, String path) {
        return object != null && at(object, path).filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsBoolean).orElse(false);
    }

    // --- Output ---

    /** The {@code changes} array of the plan file (every resource that is not unchanged). */
    public static JsonArray toJson(Result result, String against) {
        var array = new JsonArray();
        for (var change : result.changes()) {
            if (change.action() == Action.UNCHANGED) {
                continue;
            }
            var object = new JsonObject();
            object.addProperty("urn", change.urn());
            object.addProperty("type", change.type());
            object.addProperty("action", change.action().json());
            var inputs = new JsonArray();
            for (var input : change.changedInputs()) {
                var each = new JsonObject();
                each.addProperty("input", input.path());
                each.add("before", input.before() == null ? JsonNull.INSTANCE : input.before());
                each.add("after", input.after() == null ? (input.note() != null ? new JsonPrimitive("(" + input.note() + ")") : JsonNull.INSTANCE) : input.after());
                each.addProperty("forcesReplacement", input.forcesReplacement());
                inputs.add(each);
            }
            object.add("changedInputs", inputs);
            object.add("stateful", change.stateful().map(s -> (JsonElement) new JsonPrimitive(s.description())).orElse(JsonNull.INSTANCE));
            object.addProperty("destroysData", !change.destroysData().isEmpty());
            object.addProperty("risk", change.risky());
            object.addProperty("reason", change.reason());
            array.add(object);
        }
        return array;
    }

    /** Prints the changes like {@code pulumi preview --diff}, then the risks. */
    public static void print(Result result, String against, PrintStream out) {
        out.println("Changes of " + result.stack() + " against " + against + ":");
        out.println();
        boolean any = false;
        for (var change : result.changes()) {
            if (change.action() == Action.UNCHANGED) {
                continue;
            }
            any = true;
            out.printf(" %-2s %-9s %s  %s%s%n", change.action().symbol(), change.action() == Action.UNKNOWN ? "unknown" : change.action().label(),
                    change.type(), change.name(), change.stateful().isPresent() ? "  [stateful: " + change.stateful().get().description() + "]" : "");
            for (var input : change.changedInputs()) {
                out.println("        " + input.path() + ": " + display(input.before()) + " => "
                        + (input.after() == null && input.note() != null ? "(" + input.note() + ")" : display(input.after()))
                        + (input.forcesReplacement() ? "   (forces replacement)" : ""));
            }
            if (change.action() == Action.UNKNOWN || change.action() == Action.REPLACE || !change.destroysData().isEmpty()
                    || change.changedInputs().isEmpty()) {
                out.println("        why: " + change.reason());
            }
        }
        if (!any) {
            out.println("    nothing to do: no resource changes");
        }
        out.println();
        out.println("Resources: " + summary(result));
        var risks = result.risks();
        if (!risks.isEmpty()) {
            out.println();
            out.println("STATEFUL RESOURCES AT RISK (" + risks.size() + "): review before `pulumi up`");
            for (var risk : risks) {
                out.println("  - " + risk.action().label() + " " + risk.type() + " " + risk.name()
                        + risk.stateful().map(s -> " (" + s.description() + ")").orElse("") + ": " + risk.reason());
            }
        }
    }

    public static String summary(Result result) {
        var parts = new ArrayList<String>();
        for (var action : Action.values()) {
            long n = result.count(action);
            if (n > 0) {
                parts.add(n + " " + (action == Action.UNKNOWN ? "replace-or-update unknown" : "to " + action.label()).replace("to unchanged", "unchanged"));
            }
        }
        return String.join(", ", parts);
    }

    private static String display(JsonElement value) {
        if (value == null) {
            return "(none)";
        }
        var text = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? GSON.toJson(value.getAsString()) : GSON.toJson(value);
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
