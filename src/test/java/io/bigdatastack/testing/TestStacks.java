package io.bigdatastack.testing;

import io.bigdatastack.config.ConfigSource;
import io.bigdatastack.config.InvalidConfigException;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.cli.Planner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds stack configurations and plans for tests, through the same code paths as {@code plan}. */
public final class TestStacks {

    public static final String PROJECT = "big-data-stack";
    public static final Path PROJECT_DIR = Path.of(".");

    /**
     * The date tests judge Kubernetes support windows by: fixed, so that the build does not start failing the day a
     * version leaves standard support (StackConfig#load explains why deploys use the real date).
     */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    public static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);

    private TestStacks() {
    }

    /**
     * Every opt-in at once: the interactive endpoint (and so the LB controller), Pod Identity and IRSA, cost reports
     * from a Region other than us-east-1 (so the explicit us-east-1 provider), cost allocation tags, the platform's and
     * two teams' budgets with e-mails (SNS topic, its KMS key), teams with the Glue catalog (their databases and
     * submitter policies). The cluster autoscaler variant; {@link #EVERY_OPT_IN_KARPENTER} is the same with Karpenter.
     * The deployer policy and the name-clash lists are checked against both.
     */
    public static final Map<String, String> EVERY_OPT_IN = Map.of(
            "aws:region", "eu-west-1",
            "studioEndpoint", "true", "jobRoleBinding", "both", "glueCatalogAccess", "true",
            "costReports", "true", "costAllocationTags", "true",
            "monthlyBudget", "300", "budgetEmails", "[\"platform@example.com\"]",
            "teams", """
                    [{"name": "analytics", "cpuQuota": "8", "memoryQuota": "32Gi", "glueCatalogAccess": true,
                      "monthlyBudget": 1500, "budgetEmails": ["analytics@example.com"]},
                     {"name": "ml", "studioGroups": ["ml-leads"], "glueCatalogAccess": true, "monthlyBudget": 120}]""");
    /** {@link #EVERY_OPT_IN} with {@code nodeProvisioner: karpenter}, which replaces the autoscaler and its spot group. */
    public static final Map<String, String> EVERY_OPT_IN_KARPENTER = with(EVERY_OPT_IN, "nodeProvisioner", "karpenter");

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        var map = new java.util.HashMap<>(base);
        map.put(key, value);
        return Map.copyOf(map);
    }

    /** The minimum a stack needs (Region, Studio admin) plus {@code overrides}; keys without ':' are ours. */
    public static ConfigSource source(String stack, Map<String, String> overrides) {
        return source(stack, overrides, java.util.Set.of());
    }

    /** As {@link #source(String, Map)}, with {@code secretKeys} (unqualified for ours) set as secrets. */
    public static ConfigSource source(String stack, Map<String, String> overrides, java.util.Set<String> secretKeys) {
        var values = new HashMap<String, String>();
        values.put("aws:region", "us-east-1");
        values.put(PROJECT + ":studioAdminUser", "jane");
        overrides.forEach((k, v) -> {
            var key = k.contains(":") ? k : PROJECT + ":" + k;
            if (v == null) {
                values.remove(key);
            } else {
                values.put(key, v);
            }
        });
        var secrets = secretKeys.stream().map(k -> k.contains(":") ? k : PROJECT + ":" + k).collect(java.util.stream.Collectors.toSet());
        return ConfigSource.of(PROJECT, stack, values, secrets);
    }

    public static StackConfig config(Map<String, String> overrides) {
        return StackConfig.load(source("test", overrides), CLOCK);
    }

    /**
     * Plans already computed in this JVM, by what they were planned from: the same overrides or stack file plan to
     * the same resources (PlanDeterminismTest), so each is planned once per test run and every caller gets its own
     * copy ({@link #copyOf}) to read or edit.
     */
    private static final Map<Object, Plan> PLANS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The whole program planned for a config built from {@code overrides}. */
    public static Plan plan(Map<String, String> overrides) {
        var key = List.of("overrides", new HashMap<>(overrides));
        return copyOf(PLANS.computeIfAbsent(key, k -> Planner.plan(config(overrides), "test")));
    }

    /** The whole program planned for a stack file of this repository. */
    public static Plan planStackFile(String stack) {
        return copyOf(PLANS.computeIfAbsent(List.of("stack file", stack), k -> {
            try {
                return Planner.plan(Planner.load(PROJECT_DIR, stack, CLOCK), stack);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** A deep copy: inputs and outputs are mutable JSON trees, and some tests edit a plan to make an earlier one. */
    static Plan copyOf(Plan plan) {
        var resources = plan.resources().stream().map(r -> new Plan.Resource(r.urn(), r.type(), r.name(), r.custom(),
                r.parent(), r.provider(), r.inputs().deepCopy(), new java.util.ArrayList<>(r.dependencies()),
                new java.util.LinkedHashMap<>(r.propertyDependencies()), r.options())).toList();
        var outputs = new java.util.LinkedHashMap<String, com.google.gson.JsonElement>();
        plan.outputs().forEach((name, value) -> outputs.put(name, value == null ? null : value.deepCopy()));
        return new Plan(plan.project(), plan.stack(), resources, outputs);
    }

    /** The problems a config built from {@code overrides} is rejected with (fails when it is accepted). */
    public static List<String> problems(Map<String, String> overrides) {
        return assertThrows(InvalidConfigException.class, () -> config(overrides)).problems();
    }

    /** Exactly one problem, mentioning every fragment (key, value, expected form). */
    public static void assertOneProblem(Map<String, String> overrides, String... fragments) {
        var problems = problems(overrides);
        assertEquals(1, problems.size(), problems.toString());
        for (var fragment : fragments) {
            assertTrue(problems.get(0).contains(fragment), "'" + problems.get(0) + "' should mention '" + fragment + "'");
        }
    }

    /** Overrides as key/value pairs; a null value removes the key (e.g. the default studioAdminUser). */
    public static Map<String, String> overrides(String... keyValues) {
        var map = new HashMap<String, String>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
