package io.bigdatastack.plan;

import io.bigdatastack.config.StackConfig;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names of different stacks that meet: stack {@code prod} with a team {@code eu} and stack {@code prod-eu}, stack names
 * that differ only in case (IAM ignores it). Reported per type and scope; not between stacks whose files name
 * different accounts, nor for names inside a parent or names AWS does not keep unique.
 */
class NameClashesTest {

    /** Plans made by this class, by stack, Region and overrides: several tests compare the same stacks. */
    private static final Map<List<Object>, Plan> PLANNED = new java.util.HashMap<>();

    private static NameClashes.PlannedStack planned(String stack, String region, Map<String, String> overrides, Optional<String> account) {
        var plan = PLANNED.computeIfAbsent(List.of(stack, region, overrides), key -> {
            var values = new java.util.HashMap<>(overrides);
            values.put("aws:region", region);
            return io.bigdatastack.cli.Planner.plan(StackConfig.load(TestStacks.source(stack, values), TestStacks.CLOCK), stack);
        });
        return new NameClashes.PlannedStack(stack, region, account, plan);
    }

    private static NameClashes.PlannedStack planned(String stack, String region, Map<String, String> overrides) {
        return planned(stack, region, overrides, Optional.empty());
    }

    private static final Map<String, String> TEAM_EU = Map.of("teams", "[{\"name\": \"emr-jobs\"}, {\"name\": \"eu\"}]");
    private static final List<String> PROD_EU_CLASHES = List.of(
            "aws:cloudformation/stack:Stack big-data-stack-prod-eu-spark-pi (us-east-1)",
            "aws:iam/policy:Policy big-data-stack-prod-eu-job-submitter (account)",
            "aws:iam/role:Role big-data-stack-prod-eu-emr-job (account)");

    private static List<String> names(List<String> clashes) {
        return clashes.stream().map(c -> c.substring(0, c.indexOf(" asked for by "))).toList();
    }

    @Test
    void aStackNameFollowedByATeamNameThatSpellsAnotherStackClashes() {
        var clashes = NameClashes.between(List.of(planned("prod", "us-east-1", TEAM_EU), planned("prod-eu", "us-east-1", Map.of())));
        assertEquals(PROD_EU_CLASHES, names(clashes), "one line per name, not one per resource naming the bucket or role");
        assertTrue(clashes.get(2).endsWith("asked for by prod (prod-emr-team-eu-job-role), prod-eu (prod-eu-emr-job-role)"), clashes.get(2));
    }

    @Test
    void inAnotherRegionOnlyTheAccountWideNamesClash() {
        // The same plan deployed to another Region: names carry no Region, only the scope they are compared in changes.
        var inEurope = new NameClashes.PlannedStack("prod-eu", "eu-west-1", Optional.empty(), planned("prod-eu", "us-east-1", Map.of()).plan());
        var clashes = NameClashes.between(List.of(planned("prod", "us-east-1", TEAM_EU), inEurope));
        assertEquals(PROD_EU_CLASHES.subList(1, 3), names(clashes));
    }

    @Test
    void stackFilesThatNameDifferentAccountsNeverClash() {
        var inOne = Optional.of("111111111111");
        var inAnother = Optional.of("222222222222");
        assertEquals(List.of(), NameClashes.between(List.of(planned("prod", "us-east-1", TEAM_EU, inOne), planned("prod-eu", "us-east-1", Map.of(), inAnother))));
        assertEquals(PROD_EU_CLASHES, names(NameClashes.between(List.of(planned("prod", "us-east-1", TEAM_EU, inOne),
                planned("prod-eu", "us-east-1", Map.of(), inOne)))));
        assertEquals(PROD_EU_CLASHES, names(NameClashes.between(List.of(planned("prod", "us-east-1", TEAM_EU, inOne),
                planned("prod-eu", "us-east-1", Map.of())))), "one stack file without an account may be in the other's");
        assertEquals(Optional.of("123456789012"), NameClashes.accountOf("arn:aws:iam::123456789012:role/deployer"));
        assertEquals(Optional.empty(), NameClashes.accountOf("arn:aws:iam::aws:policy/x"));
    }

    @Test
    void iamNamesClashWhateverTheirCase() {
        var clashes = names(NameClashes.between(List.of(planned("Prod", "us-east-1", TEAM_EU), planned("prod", "us-east-1", TEAM_EU))));
        assertTrue(clashes.contains("aws:iam/role:Role big-data-stack-prod-emr-job (account)"), clashes.toString());
        assertTrue(clashes.stream().noneMatch(c -> c.startsWith("aws:eks/cluster:Cluster")), "EKS cluster names keep their case: " + clashes);
    }

    @Test
    void stacksWhoseNamesDoNotMeetDoNotClash() {
        var dev = TestStacks.planStackFile("dev");
        assertEquals(List.of(), NameClashes.between(List.of(planned("prod", "us-east-1", TEAM_EU),
                new NameClashes.PlannedStack("dev", "us-east-1", Optional.empty(), dev))));
    }

    /**
     * Every AWS type the program registers with a name-like input is a decision: a name AWS keeps unique (compared) or
     * not a name of its own in the account (skipped). A new type fails here until it is put in one list.
     */
    @Test
    void everyNamedTypeOfTheProgramIsClassified() {
        var everyOptIn = TestStacks.plan(TestStacks.EVERY_OPT_IN_KARPENTER);
        var unclassified = new TreeSet<String>();
        var seen = new TreeSet<String>();
        for (var plan : List.of(TestStacks.planStackFile("dev"), TestStacks.planStackFile("prod"), TestStacks.plan(TestStacks.EVERY_OPT_IN), everyOptIn)) {
            for (var r : plan.resources()) {
                var named = Set.of("name", "bucket", "namePrefix", "bucketPrefix", "export.name").stream().anyMatch(i -> r.input(i).isPresent());
                if (!r.custom() || !r.type().startsWith("aws:") || !named) {
                    continue;
                }
                seen.add(r.type());
                if (!NameClashes.ACCOUNT_NAMES.containsKey(r.type()) && !NameClashes.NOT_ACCOUNT_NAMES.contains(r.type())) {
                    unclassified.add(r.type());
                }
            }
        }
        assertEquals(Set.of(), unclassified, "put each in NameClashes.ACCOUNT_NAMES or NOT_ACCOUNT_NAMES");
        assertTrue(seen.containsAll(Set.of("aws:budgets/budget:Budget", "aws:bcmdata/export:Export", "aws:sqs/queue:Queue",
                "aws:glue/catalogTable:CatalogTable")), "the opt-ins are on: " + seen);
        var asked = NameClashes.namesAsked(everyOptIn);
        assertTrue(asked.stream().anyMatch(a -> a.type().equals("aws:bcmdata/export:Export")), "the export's name is read from export.name");
        assertTrue(asked.stream().noneMatch(a -> NameClashes.NOT_ACCOUNT_NAMES.contains(a.type())), asked.toString());
    }
}
