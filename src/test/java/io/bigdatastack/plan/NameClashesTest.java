package io.bigdatastack.plan;

import io.bigdatastack.config.StackConfig;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stack {@code prod} with a team {@code eu} and stack {@code prod-eu} spell the same names: the names one type asks for
 * in one scope are reported, names of different types or Regions are not.
 */
class NameClashesTest {

    /** Plans made by this class, by stack, Region and overrides: several tests compare the same stacks. */
    private static final Map<List<Object>, NameClashes.PlannedStack> PLANNED = new java.util.HashMap<>();

    private static NameClashes.PlannedStack planned(String stack, String region, Map<String, String> overrides) {
        return PLANNED.computeIfAbsent(List.of(stack, region, overrides), key -> {
            var values = new java.util.HashMap<>(overrides);
            values.put("aws:region", region);
            var config = StackConfig.load(TestStacks.source(stack, values), TestStacks.CLOCK);
            return new NameClashes.PlannedStack(stack, region, io.bigdatastack.cli.Planner.plan(config, stack));
        });
    }

    private static final Map<String, String> TEAM_EU = Map.of("teams", "[{\"name\": \"emr-jobs\"}, {\"name\": \"eu\"}]");

    private static List<String> names(List<String> clashes) {
        return clashes.stream().map(c -> c.substring(0, c.indexOf(" asked for by "))).toList();
    }

    @Test
    void aStackNameFollowedByATeamNameThatSpellsAnotherStackClashes() {
        var clashes = NameClashes.between(List.of(planned("prod", "us-east-1", TEAM_EU), planned("prod-eu", "us-east-1", Map.of())));
        assertEquals(List.of(
                "aws:cloudformation/stack:Stack big-data-stack-prod-eu-spark-pi (us-east-1)",
                "aws:iam/policy:Policy big-data-stack-prod-eu-job-submitter (account)",
                "aws:iam/role:Role big-data-stack-prod-eu-emr-job (account)"), names(clashes));
        assertTrue(clashes.get(2).endsWith("asked for by prod (prod-emr-team-eu-job-role), prod-eu (prod-eu-emr-job-role)"), clashes.get(2));
    }

    @Test
    void inAnotherRegionOnlyTheAccountWideNamesClash() {
        var clashes = NameClashes.between(List.of(planned("prod", "us-east-1", TEAM_EU), planned("prod-eu", "eu-west-1", Map.of())));
        assertEquals(List.of(
                "aws:iam/policy:Policy big-data-stack-prod-eu-job-submitter (account)",
                "aws:iam/role:Role big-data-stack-prod-eu-emr-job (account)"), names(clashes));
    }

    @Test
    void stacksWhoseNamesDoNotRunIntoEachOtherDoNotClash() {
        assertEquals(List.of(), NameClashes.between(List.of(planned("prod", "us-east-1", TEAM_EU), planned("dev", "us-east-1", TEAM_EU))));
    }

    @Test
    void namesInsideAnotherResourceAreNotAccountNames() {
        var asked = NameClashes.namesAsked(planned("prod", "us-east-1", TEAM_EU).plan(), NameClashes.UNIQUE_NAME_INPUTS);
        assertTrue(asked.size() > 15, asked.toString());
        assertTrue(asked.stream().noneMatch(a -> NameClashes.SCOPED_TYPES.contains(a.type())), asked.toString());
        assertTrue(asked.stream().anyMatch(a -> a.type().equals("aws:iam/role:Role") && a.name().equals("big-data-stack-prod-emr-job")), asked.toString());
    }
}
