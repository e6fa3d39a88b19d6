package io.bigdatastack.plan;

import io.bigdatastack.support.Json;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

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
 * <p>A change <em>disrupts running work</em> (exit code 4) when it replaces, deletes or rolls something running work
 * lives on: node groups, Karpenter pools, namespaces, virtual clusters, the interactive endpoint, the job template
 * (the {@code "disruption"} block of {@link ReplacementRules#RESOURCE} says what stops). A change AWS or the
 * Kubernetes API would refuse half-way through {@code pulumi up} is a {@link Refusal} (exit code 2), found by
 * {@link AwsRefusals}.
 *
 * <p>Resource options recorded in the plan file are honoured: {@code replaceOnChanges} forces a replace,
 * {@code ignoreChanges} hides a change, {@code aliases} match a moved resource with its earlier URN (no delete and
 * create), {@code deleteBeforeReplace} is named (a gap without the resource), {@code protect} on a replace or delete
 * is named ({@code pulumi up} stops at it), {@code retainOnDelete} on a delete means the resource stays in AWS.
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

    /**
     * @param disruptions   what running work this change stops (empty: none)
     * @param retainedInAws a delete of an unprotected resource with {@code retainOnDelete}: it leaves the stack, not
     *                      AWS, so nothing is lost (a protected one stops {@code pulumi up} and stays a risk)
     */
    public record Change(String urn, String type, String name, Action action, List<InputChange> changedInputs,
                         Optional<StatefulResources.Entry> stateful, List<String> destroysData, String reason,
                         List<String> disruptions, boolean retainedInAws) {

        public Change(String urn, String type, String name, Action action, List<InputChange> changedInputs,
                      Optional<StatefulResources.Entry> stateful, List<String> destroysData, String reason) {
            this(urn, type, name, action, changedInputs, stateful, destroysData, reason, List.of(), false);
        }

        /** Replaces or deletes something stateful, may do so, or destroys retained data. */
        public boolean risky() {
            return !destroysData.isEmpty() || (stateful.isPresent()
                    && (action == Action.REPLACE || action == Action.UNKNOWN || (action == Action.DELETE && !retainedInAws)));
        }

        /** Stops running work (jobs, notebook kernels) or breaks clients holding an ID. */
        public boolean disrupts() {
            return !disruptions.isEmpty();
        }
    }

    /**
     * A change AWS (or the Kubernetes API) refuses: {@code pulumi up} would fail part-way and leave a half-applied stack.
     *
     * @param key      the configuration key (or program part) the change comes from
     * @param resource the logical name of the resource the refusal hits
     * @param what     what the change is, with the running and the planned value
     * @param rule     the rule that refuses it
     * @param url      the public documentation of the rule
     * @param instead  how to make the change instead
     */
    public record Refusal(String key, String resource, String what, String rule, String url, String instead) {
    }

    public record Result(String stack, List<Change> changes, List<Refusal> refusals) {

        public Result(String stack, List<Change> changes) {
            this(stack, changes, List.of());
        }

        public boolean risky() {
            return changes.stream().anyMatch(Change::risky);
        }

        public boolean refused() {
            return !refusals.isEmpty();
        }

        public boolean disrupts() {
            return changes.stream().anyMatch(Change::disrupts);
        }

        public List<Change> disruptions() {
            return changes.stream().filter(Change::disrupts).toList();
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
        var movedFrom = new HashMap<String, String>(); // earlier URN -> the URN that now carries it (an alias)

        for (var resource : after.values()) {
            var urn = resource.get("urn").getAsString();
            var type = resource.get("type").getAsString();
            var name = resource.get("name").getAsString();
            var stateful = statefulOf(resource, after, statefulResources);
            var old = before.get(urn);
            String alias = null;
            if (old == null) {
                // The engine looks the resource up under its aliases: found there, it is the same resource moved.
                alias = strings(options(resource).get("aliases")).stream()
                        .filter(a -> before.containsKey(a) && !after.containsKey(a) && !movedFrom.containsKey(a)).findFirst().orElse(null);
                if (alias != null) {
                    old = before.get(alias);
                    movedFrom.put(alias, urn);
                    // Resources depending on the old URN now depend on this one: the same pending state.
                }
            }
            if (old == null) {
                pending.put(urn, name);
                changes.add(new Change(urn, type, name, Action.CREATE, List.of(), stateful, List.of(), "new resource"));
                continue;
            }
            var change = compareResource(old, resource, type, name, stateful, pending, rules);
            if (alias != null) {
                var moved = "moved from " + alias + " (alias: the same resource, its state moves to the new URN)";
                var action = change.action() == Action.UNCHANGED ? Action.UPDATE : change.action();
                change = new Change(change.urn(), change.type(), change.name(), action, change.changedInputs(), change.stateful(),
                        change.destroysData(), change.reason().isEmpty() || change.reason().startsWith("resource options change")
                        ? moved : moved + "; " + change.reason(), change.disruptions(), change.retainedInAws());
            }
            if (change.action() == Action.REPLACE) {
                pending.put(urn, name);
            }
            changes.add(change);
        }
        for (var old : before.values()) {
            var urn = old.get("urn").getAsString();
            if (!after.containsKey(urn) && !movedFrom.containsKey(urn)) {
                var type = old.get("type").getAsString();
                var stateful = statefulOf(old, before, statefulResources);
                var oldOptions = options(old);
                boolean retained = boolAt(oldOptions, "retainOnDelete") && !boolAt(oldOptions, "protect");
                var reason = new StringBuilder("no longer in the program under this URN (removed, renamed or moved to another parent)");
                // In the order things happen: protect stops `pulumi up` first; once unprotected, retainOnDelete only
                // drops the resource from the stack; without it the delete goes through.
                var keptIn = type.startsWith("kubernetes:") ? "the cluster" : "AWS";
                if (boolAt(oldOptions, "protect")) {
                    reason.append("; protected: `pulumi up` stops at this delete until it is unprotected (`pulumi state unprotect`); after that");
                    if (boolAt(oldOptions, "retainOnDelete")) {
                        reason.append(", retainOnDelete drops it from the stack and leaves it in ").append(keptIn);
                        stateful.ifPresent(s -> reason.append(" (deleting it by hand loses ").append(s.whatIsLost()).append(")"));
                    } else {
                        reason.append(stateful.map(s -> ", deleting " + s.description() + " loses " + s.whatIsLost()).orElse(", it is deleted"));
                    }
                } else if (boolAt(oldOptions, "retainOnDelete")) {
                    reason.append("; retainOnDelete: it leaves the stack but stays in ").append(keptIn)
                            .append(" (delete it by hand when it is no longer needed)");
                } else {
                    stateful.ifPresent(s -> reason.append("; deleting ").append(s.description()).append(" loses ").append(s.whatIsLost()));
                }
                var disruptions = disruptions(rules, type, old.getAsJsonObject("inputs"), Action.DELETE, List.of());
                changes.add(new Change(urn, type, old.get("name").getAsString(), Action.DELETE, List.of(), stateful, List.of(),
                        reason.toString(), disruptions, retained));
            }
        }
        var result = new Result(now.get("stack").getAsString(), List.copyOf(changes));
        return new Result(result.stack(), result.changes(), AwsRefusals.find(earlier, now, result, rules));
    }

    /** The options object of a plan resource; older plan files lack some members, which read as empty. */
    private static JsonObject options(JsonObject resource) {
        var options = resource.get("options");
        return options != null && options.isJsonObject() ? options.getAsJsonObject() : new JsonObject();
    }

    /** What the change stops, from the rules' disruption block. */
    private static List<String> disruptions(ReplacementRules rules, String type, JsonObject inputs, Action action, java.util.Collection<String> changedPaths) {
        var entry = rules.disruption(type).filter(d -> d.appliesTo(inputs));
        if (entry.isEmpty()) {
            return List.of();
        }
        var d = entry.get();
        if (action == Action.REPLACE || action == Action.DELETE) {
            return List.of(d.onReplace() + " (" + d.source() + ")");
        }
        if (action == Action.UPDATE && d.onUpdate().isPresent()) {
            var paths = d.disruptingUpdates(changedPaths);
            if (!paths.isEmpty()) {
                return List.of(String.join(", ", paths) + ": " + d.onUpdate().get() + " (" + d.source() + ")");
            }
        }
        return List.of();
    }

    private static Change compareResource(JsonObject old, JsonObject now, String type, String name, Optional<StatefulResources.Entry> stateful,
                                          Map<String, String> pending, ReplacementRules rules) {
        var oldInputs = old.getAsJsonObject("inputs");
        var newInputs = now.getAsJsonObject("inputs");
        var oldOptions = options(old);
        var newOptions = options(now);
        var ignored = strings(newOptions.get("ignoreChanges"));
        // replaceOnChanges of the program now: the engine applies the new options to the diff.
        var replaceOnChanges = strings(newOptions.get("replaceOnChanges"));
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
        var byOption = new TreeSet<String>();
        for (var entry : paths.entrySet()) {
            var path = entry.getKey();
            boolean optionForces = underAny(replaceOnChanges, path);
            if (optionForces) {
                byOption.add(path);
            }
            var forces = optionForces || rule.flatMap(r -> r.replacingPath(path)).isPresent()
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
            boolean optionForces = underAny(replaceOnChanges, property);
            if (optionForces) {
                byOption.add(property);
            }
            var forces = optionForces || rule.flatMap(r -> r.replacingPath(property)).isPresent();
            changes.add(new InputChange(property, oldInputs.get(property), null, forces,
                    "known after " + entry.getValue() + " is replaced or created"));
            if (forces) {
                replacedBy.add(property);
            }
        }

        var reasons = new ArrayList<String>();
        boolean unknown = false;
        boolean clusterChoiceTouched = unknownBecause.containsKey("kubeconfig")
                || paths.keySet().stream().anyMatch(p -> p.equals("kubeconfig") || p.equals("context") || p.equals("cluster"));
        if (rule.isPresent() && rule.get().kubeconfigCluster() && clusterChoiceTouched) {
            // pulumi-kubernetes 4.0.0 DiffConfig: an unknown kubeconfig, or another active cluster entry, replaces.
            var oldCluster = activeCluster(oldInputs);
            var newCluster = unknownBecause.containsKey("kubeconfig") ? Optional.<Map<String, Object>>empty() : activeCluster(newInputs);
            if (unknownBecause.containsKey("kubeconfig") || oldCluster.isEmpty() || newCluster.isEmpty() || !oldCluster.equals(newCluster)) {
                replacedBy.add("kubeconfig");
                reasons.add("its kubeconfig's active cluster changes (" + oldCluster.map(c -> String.valueOf(c.get("server"))).orElse("?") + " -> "
                        + (unknownBecause.containsKey("kubeconfig") ? "known after the cluster is replaced"
                        : newCluster.map(c -> String.valueOf(c.get("server")) + (oldCluster.isPresent() && oldCluster.get().get("server") != null
                        && oldCluster.get().get("server").equals(c.get("server")) ? ", same server, other cluster settings" : "")).orElse("?")) + ")");
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
        if (rule.isPresent() && rule.get().cloudControl() && unknownBecause.containsKey("desiredState")) {
            // Known only after a dependency is replaced: a create-only property may change with it, and Cloud Control
            // cannot update one, so the review takes the replacement (the provider plans it once the value is known).
            var typeName = newInputs.has("typeName") ? newInputs.get("typeName").getAsString() : "";
            var createOnly = rule.get().createOnlyProperties().get(typeName);
            if (createOnly != null && !createOnly.isEmpty()) {
                replacedBy.add("desiredState");
                reasons.add("desiredState is known only after " + unknownBecause.get("desiredState") + " is replaced or created, and "
                        + typeName + " has create-only properties (" + String.join(", ", createOnly) + ")");
            } else if (createOnly == null) {
                unknown = true;
                reasons.add("desiredState of " + typeName + " is known only after " + unknownBecause.get("desiredState")
                        + " is replaced or created, and which of its properties are create-only is not in the replacement rules");
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

        var destroys = destroysData(type, oldInputs, newInputs, oldOptions, newOptions);
        boolean optionsChanged = !changedOptions(oldOptions, newOptions).isEmpty();

        Action action;
        String reason;
        if (!replacedBy.isEmpty()) {
            action = Action.REPLACE;
            var because = new TreeSet<String>();
            replacedBy.stream().filter(p -> !p.equals("provider") && !p.equals("kubeconfig")).forEach(because::add);
            if (!because.isEmpty()) {
                reasons.add(0, "changing " + String.join(", ", because) + " forces a new resource"
                        + (byOption.isEmpty() ? "" : " (replaceOnChanges: " + String.join(", ", byOption) + ")"));
            }
            if (boolAt(newOptions, "deleteBeforeReplace")) {
                reasons.add("deleteBeforeReplace: the old one is deleted before the new one is created, so there is a time without it");
            }
            if (boolAt(oldOptions, "protect")) {
                reasons.add("protected: `pulumi up` stops at this replacement until protect is turned off");
            }
            if (boolAt(oldOptions, "retainOnDelete")) {
                reasons.add("retainOnDelete: the old one stays in AWS, outside the stack");
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
            reason = changes.isEmpty() ? "resource options change: " + changedOptions(oldOptions, newOptions)
                    : "in-place update";
        } else {
            action = Action.UNCHANGED;
            reason = "";
        }
        if (!destroys.isEmpty()) {
            reason = (reason.isEmpty() ? "" : reason + "; ") + String.join("; ", destroys);
        }
        var changedPaths = changes.stream().map(InputChange::path).toList();
        var disruptions = disruptions(rules, type, newInputs, action, changedPaths);
        return new Change(now.get("urn").getAsString(), type, name, action, List.copyOf(changes), stateful, destroys, reason,
                disruptions, false);
    }

    /** Whether a changed input path falls under one of the {@code replaceOnChanges} paths ({@code "*"}: every input). */
    private static boolean underAny(List<String> replaceOnChanges, String path) {
        return replaceOnChanges.stream().anyMatch(r -> r.equals("*") || path.equals(r) || path.startsWith(r + ".") || r.startsWith(path + "."));
    }

    /** The active cluster entry of a Kubernetes provider's kubeconfig, after its {@code context}/{@code cluster} inputs. */
    private static Optional<Map<String, Object>> activeCluster(JsonObject providerInputs) {
        var kubeconfig = providerInputs.get("kubeconfig");
        if (kubeconfig == null || !kubeconfig.isJsonPrimitive()) {
            return Optional.empty();
        }
        return Kubeconfigs.activeCluster(kubeconfig.getAsString(),
                stringAt(providerInputs, "context"), stringAt(providerInputs, "cluster"));
    }

    /** The options that differ, as {@code protect: false => true}: an update that changes nothing else says which. */
    private static String changedOptions(JsonObject before, JsonObject after) {
        var keys = new TreeSet<String>(before.keySet());
        keys.addAll(after.keySet());
        keys.remove("aliases"); // where a resource was before, not how it behaves: shown as "moved from"
        var changed = new ArrayList<String>();
        for (var key : keys) {
            if (!java.util.Objects.equals(normalized(before.get(key)), normalized(after.get(key)))) {
                changed.add(key + ": " + display(before.get(key)) + " => " + display(after.get(key)));
            }
        }
        return String.join(", ", changed);
    }

    /** An option value as compared: absent (a plan file written before the option was recorded) equals false or []. */
    private static JsonElement normalized(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return new JsonPrimitive(false);
        }
        if (value.isJsonArray() && value.getAsJsonArray().isEmpty()) {
            return new JsonPrimitive(false);
        }
        return value;
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
                var oldPrefixes = oldRules.values().stream().map(PlanDiff::prefixOf).toList();
                for (var entry : rulesById(after).entrySet()) {
                    var oldRule = oldRules.get(entry.getKey());
                    var prefix = prefixOf(entry.getValue());
                    if (oldRule == null) {
                        // A rule of a new ID: the same as the earlier rule of its prefix, if there was one. A rule for
                        // a prefix that no earlier rule covered, and that covers no earlier rule's prefix, is a new
                        // rule (a new team's own prefix), not a shortened one.
                        oldRule = oldRules.values().stream().filter(r -> prefixOf(r).equals(prefix)).findFirst().orElse(null);
                        boolean coversEarlierData = oldPrefixes.stream().anyMatch(p -> p.startsWith(prefix));
                        if (oldRule == null && !coversEarlierData) {
                            continue;
                        }
                    }
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

    /** The key prefix a lifecycle rule applies to ({@code filter.prefix}, or the legacy {@code prefix}; "" is all). */
    private static String prefixOf(JsonObject rule) {
        return stringAt(rule, "filter.prefix").or(() -> stringAt(rule, "prefix")).orElse("");
    }

    private static Map<String, JsonObject> rulesById(JsonObject inputs) {
        var byId = new LinkedHashMap<String, JsonObject>();
        var rules = inputs.get("rules");
        if (rules != null && rules.isJsonArray()) {
            int index = 0;
            for (var rule : rules.getAsJsonArray()) {
                if (rule.isJsonObject()) {
                    var object = rule.getAsJsonObject();
                    var id = object.get("id");
                    byId.put(id != null && id.isJsonPrimitive() ? id.getAsString() : "#" + index, object);
                }
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
            var disruptions = new JsonArray();
            change.disruptions().forEach(disruptions::add);
            object.add("disrupts", disruptions);
            object.addProperty("reason", change.reason());
            array.add(object);
        }
        return array;
    }

    /** The {@code refusals} array of the plan file. */
    public static JsonArray refusalsJson(Result result) {
        var array = new JsonArray();
        for (var refusal : result.refusals()) {
            var object = new JsonObject();
            object.addProperty("key", refusal.key());
            object.addProperty("resource", refusal.resource());
            object.addProperty("what", refusal.what());
            object.addProperty("rule", refusal.rule());
            object.addProperty("url", refusal.url());
            object.addProperty("instead", refusal.instead());
            array.add(object);
        }
        return array;
    }

    /** Prints the changes like {@code pulumi preview --diff}, then the risks. */
    public static void print(Result result, String against, PrintStream out) {
        out.println("Changes of " + result.stack() + " against " + against + ":");
        if (result.refused()) {
            // Said first, so that the lists below do not read like a plan that can be applied.
            out.println("REFUSED: this change cannot be applied as it stands; why, and what to do instead, is at the end.");
        }
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
        var disruptions = rolloutOrder(result);
        if (!disruptions.isEmpty()) {
            out.println();
            out.println("DISRUPTS RUNNING WORK (" + disruptions.size() + "): plan a maintenance window; in the order `pulumi up` applies them:");
            int step = 1;
            for (var change : disruptions) {
                out.println("  " + step++ + ". " + change.action().label() + " " + change.type() + " " + change.name());
                change.disruptions().forEach(d -> out.println("       stops: " + d));
            }
        }
        var upgrade = upgradeOrder(result);
        if (!upgrade.isEmpty()) {
            out.println();
            out.println("KUBERNETES UPGRADE, in the order `pulumi up` applies it (dependencies first):");
            int step = 1;
            for (var change : upgrade) {
                out.println("  " + step++ + ". " + change.action().label() + " " + change.type() + " " + change.name()
                        + (change.disrupts() ? "  (disrupts running work)" : ""));
            }
        }
        if (result.refused()) {
            out.println();
            out.println("REFUSED (" + result.refusals().size() + "): AWS or the Kubernetes API would refuse this part-way through `pulumi up`");
            for (var refusal : result.refusals()) {
                out.println("  - " + refusal.key() + " (" + refusal.resource() + "): " + refusal.what());
                out.println("      rule: " + refusal.rule() + " " + refusal.url());
                out.println("      instead: " + refusal.instead());
            }
        }
    }

    /**
     * When the cluster's Kubernetes version changes: every change, in the order the engine applies them (the plan
     * lists resources in construction order, which puts a resource after what it depends on: control plane, then
     * EKS add-ons and node groups, then what runs on the nodes). Empty when the version does not change.
     */
    public static List<Change> upgradeOrder(Result result) {
        boolean upgrade = result.changes().stream().anyMatch(c -> c.type().equals("aws:eks/cluster:Cluster") && c.action() == Action.UPDATE
                && c.changedInputs().stream().anyMatch(i -> i.path().equals("version")));
        return upgrade ? result.changes().stream().filter(c -> c.action() != Action.UNCHANGED).toList() : List.of();
    }

    /**
     * The disrupting changes in the order the engine applies them: a resource after everything it depends on (the plan
     * lists resources in construction order, dependencies first); deletes last, as the engine deletes after creating.
     */
    public static List<Change> rolloutOrder(Result result) {
        var ordered = new ArrayList<Change>();
        result.changes().stream().filter(Change::disrupts).filter(c -> c.action() != Action.DELETE).forEach(ordered::add);
        result.changes().stream().filter(Change::disrupts).filter(c -> c.action() == Action.DELETE).forEach(ordered::add);
        return ordered;
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
