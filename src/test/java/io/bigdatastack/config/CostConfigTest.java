package io.bigdatastack.config;

import io.bigdatastack.cli.StackFiles;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.bigdatastack.testing.TestStacks.overrides;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** costReports, costAllocationTags, the platform budget and each team's budget: read, and refused with their paths. */
class CostConfigTest {

    @TempDir
    Path project;

    @Test
    void offByDefault() {
        var cost = TestStacks.config(overrides()).cost();
        assertFalse(cost.reports());
        assertFalse(cost.allocationTags());
        assertEquals(Optional.empty(), cost.platformMonthlyBudget());
        assertFalse(cost.anyBudget(TestStacks.config(overrides()).teams()));
    }

    @Test
    void aStackFileWithTeamBudgetsAsYamlNumbersAndLists() throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.t.yaml"), """
                config:
                  aws:region: us-east-1
                  big-data-stack:studioAdminUser: jane
                  big-data-stack:costReports: true
                  big-data-stack:monthlyBudget: "2500"
                  big-data-stack:budgetEmails: [platform@example.com]
                  big-data-stack:teams:
                    - name: analytics
                      monthlyBudget: 1500
                      budgetEmails:
                        - lead@example.com
                        - finance+analytics@example.co.uk
                    - name: ml
                      monthlyBudget: 249.99
                    - name: bi
                """);
        var config = StackConfig.load(StackFiles.read(project, "t"), TestStacks.CLOCK);
        assertTrue(config.cost().reports());
        assertEquals(Optional.of(new BigDecimal("2500")), config.cost().platformMonthlyBudget());
        assertEquals(List.of("platform@example.com"), config.cost().platformBudgetEmails());
        var teams = config.teams();
        assertEquals(Optional.of(new BigDecimal("1500")), teams.get(0).monthlyBudget());
        assertEquals(List.of("lead@example.com", "finance+analytics@example.co.uk"), teams.get(0).budgetEmails());
        assertEquals(Optional.of(new BigDecimal("249.99")), teams.get(1).monthlyBudget());
        assertEquals(Optional.empty(), teams.get(2).monthlyBudget());
        assertTrue(config.cost().anyBudget(teams));
    }

    @Test
    void everyBudgetProblemAtOnceWithItsPath() {
        var problems = TestStacks.problems(overrides(
                "monthlyBudget", "-10",
                "budgetEmails", "[\"ops@example.com\", \"not-an-address\", \"OPS@example.com\"]",
                "teams", """
                        [{"name": "analytics", "monthlyBudget": "0", "budgetEmails": ["a@b"]},
                         {"name": "ml", "monthlyBudget": "12.345"},
                         {"name": "bi", "budgetEmails": ["bi@example.com"]},
                         {"name": "ds", "monthlyBudget": "abc", "budgetEmails": ["x@example.com, y@example.com"]}]"""));
        var expectedFragments = List.of(
                "big-data-stack:monthlyBudget: got '-10', expected a positive amount of US dollars",
                "big-data-stack:budgetEmails[1]: got 'not-an-address', expected an e-mail address",
                "big-data-stack:budgetEmails[2]: got 'OPS@example.com' twice",
                "big-data-stack:teams[0].monthlyBudget: got '0', expected a positive amount",
                "big-data-stack:teams[0].budgetEmails[0]: got 'a@b', expected an e-mail address",
                "big-data-stack:teams[1].monthlyBudget: got '12.345', expected a positive amount of US dollars with at most two decimals",
                "big-data-stack:teams[2].budgetEmails: got 1 address(es) but big-data-stack:teams[2].monthlyBudget is not set",
                "big-data-stack:teams[3].monthlyBudget: got 'abc'",
                "big-data-stack:teams[3].budgetEmails[0]: got 'x@example.com, y@example.com', expected an e-mail address");
        for (var fragment : expectedFragments) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(fragment)), fragment + " in " + problems);
        }
        assertEquals(expectedFragments.size(), problems.size(), problems.toString());
    }

    @Test
    void addressesNeedABudgetAndAtMostTenFitAnAlert() {
        TestStacks.assertOneProblem(overrides("budgetEmails", "[\"ops@example.com\"]"),
                "big-data-stack:budgetEmails", "big-data-stack:monthlyBudget is not set");
        var eleven = new StringBuilder("[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ", ").append("\"ops").append(i).append("@example.com\"");
        }
        TestStacks.assertOneProblem(overrides("monthlyBudget", "100", "budgetEmails", eleven.append("]").toString()),
                "big-data-stack:budgetEmails", "got 11 addresses, expected at most 10");
    }

    @Test
    void aTeamCannotBeCalledPlatformOnceCostsAreAttributed() {
        var teams = "[{\"name\": \"platform\"}, {\"name\": \"ml\"}]";
        TestStacks.assertOneProblem(overrides("costReports", "true", "teams", teams),
                "big-data-stack:teams[0].name", "'platform'");
        TestStacks.assertOneProblem(overrides("monthlyBudget", "10", "teams", teams), "big-data-stack:teams[0].name");
        // Without cost features the name is free, as before.
        assertEquals("platform", TestStacks.config(overrides("teams", teams)).teams().get(0).name());
    }

    @Test
    void emailAndAmountSyntax() {
        for (var good : List.of("a@example.com", "first.last+tag@sub.example.org", "o'neil@example.ie")) {
            assertTrue(Validators.emailAddress(good).isEmpty(), good);
        }
        for (var bad : List.of("", "a", "a@", "@example.com", "a@example", "a b@example.com", "a@example..com", "a@-example.com",
                "a@example.com;b@example.com", "a".repeat(250) + "@example.com")) {
            assertTrue(Validators.emailAddress(bad).isPresent(), bad);
        }
        for (var good : List.of("1", "2500", "0.01", "99.5", "123456789.99")) {
            assertTrue(Validators.usdAmount(good).isEmpty(), good);
        }
        for (var bad : List.of("0", "0.00", "-1", "1e3", "1,000", "12.345", ".5", "$100", "1234567890")) {
            assertTrue(Validators.usdAmount(bad).isPresent(), bad);
        }
    }
}
