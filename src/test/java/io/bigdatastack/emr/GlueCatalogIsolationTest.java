package io.bigdatastack.emr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.Json;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Teams are isolated in the Glue Data Catalog as in S3 and Kubernetes: each writes only its own database, reads others
 * only where its config grants it. Judged as IAM judges a Glue call: the action must be allowed on the resource and
 * every ancestor (table, database, catalog; https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html).
 */
class GlueCatalogIsolationTest {

    private static final String GLUE = "arn:aws:glue:us-east-1:123456789012:";
    private static final String ANALYTICS_DB = "big_data_stack_test__analytics";
    private static final String ML_DB = "big_data_stack_test__ml";
    private static final String FINANCE_DB = "big_data_stack_test__finance";

    private static Plan plan;

    @BeforeAll
    static void planTeams() {
        plan = TestStacks.plan(Map.of("teams", """
                [{"name": "analytics", "glueCatalogAccess": true, "glueReadDatabases": ["big_data_stack_test__ml", "shared_reference"]},
                 {"name": "ml", "glueCatalogAccess": true},
                 {"name": "finance"}]"""));
    }

    @AfterAll
    static void cleanup() {
        com.pulumi.test.PulumiTest.cleanup();
    }

    private static JsonObject policyOf(String team) {
        return Json.document(plan.named("aws:iam/rolePolicy:RolePolicy", "test-emr-team-" + team + "-job-role-access"), "policy");
    }

    /** IAM's wildcard matching of an Action or Resource element ({@code *} any run, {@code ?} one character). */
    private static boolean matches(String pattern, String value) {
        var regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(value).matches();
    }

    private static List<String> strings(JsonElement element) {
        return element.isJsonArray() ? element.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList()
                : List.of(element.getAsString());
    }

    /** Whether some unconditional Allow statement (and no Deny) grants {@code action} on {@code resource}. */
    private static boolean allows(JsonObject document, String action, String resource) {
        return grants(document, action, resource, false);
    }

    /**
     * Whether some Allow statement, conditional or not, (and no Deny) grants {@code action} on {@code resource}: what a
     * "must not" checks, since a condition may hold.
     */
    private static boolean mayAllow(JsonObject document, String action, String resource) {
        return grants(document, action, resource, true);
    }

    private static boolean grants(JsonObject document, String action, String resource, boolean conditionalCounts) {
        boolean allowed = false;
        for (var element : document.getAsJsonArray("Statement")) {
            var statement = element.getAsJsonObject();
            boolean hit = strings(statement.get("Action")).stream().anyMatch(a -> matches(a, action))
                    && strings(statement.get("Resource")).stream().anyMatch(r -> matches(r, resource));
            if (hit && statement.get("Effect").getAsString().equals("Deny")) {
                return false;
            }
            allowed |= hit && (conditionalCounts || !statement.has("Condition"));
        }
        return allowed;
    }

    /** A table action as Glue authorizes it: on the table, its database and the catalog. */
    private static boolean allowsOnTable(JsonObject document, String action, String database, String table) {
        return allows(document, action, GLUE + "catalog") && allows(document, action, GLUE + "database/" + database)
                && allows(document, action, GLUE + "table/" + database + "/" + table);
    }

    /** As {@link #allowsOnTable}, counting conditional statements as granting (for "must not"). */
    private static boolean mayAllowOnTable(JsonObject document, String action, String database, String table) {
        return mayAllow(document, action, GLUE + "catalog") && mayAllow(document, action, GLUE + "database/" + database)
                && mayAllow(document, action, GLUE + "table/" + database + "/" + table);
    }

    private static final List<String> WRITES = List.of("glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable", "glue:BatchDeleteTable",
            "glue:CreatePartition", "glue:BatchCreatePartition", "glue:UpdatePartition", "glue:DeletePartition", "glue:BatchDeletePartition");

    @Test
    void aTeamWritesItsOwnDatabaseAndNoOtherTeams() {
        var analytics = policyOf("analytics");
        var ml = policyOf("ml");
        for (var write : WRITES) {
            assertTrue(allowsOnTable(analytics, write, ANALYTICS_DB, "events"), write + " in its own database");
            assertTrue(allowsOnTable(ml, write, ML_DB, "features"), write + " in its own database");
            // Granted read access to ml's database does not make it writable.
            assertFalse(mayAllowOnTable(analytics, write, ML_DB, "features"), write + ": analytics must not write ml's database");
            assertFalse(mayAllowOnTable(ml, write, ANALYTICS_DB, "events"), write + ": ml must not write analytics' database");
            for (var other : List.of("default", "shared_reference", "big_data_stack_prod__analytics", "anything")) {
                assertFalse(mayAllowOnTable(analytics, write, other, "t"), write + " in " + other);
            }
        }
        for (var admin : List.of("glue:CreateDatabase", "glue:DeleteDatabase", "glue:UpdateDatabase")) {
            assertFalse(mayAllow(analytics, admin, GLUE + "database/" + ANALYTICS_DB), admin + " belongs to the stack, not to jobs");
        }
    }

    @Test
    void readingAnotherDatabaseNeedsTheTeamsGrant() {
        var analytics = policyOf("analytics");
        var ml = policyOf("ml");
        for (var read : List.of("glue:GetTable", "glue:GetTables", "glue:GetPartitions", "glue:BatchGetPartition")) {
            assertTrue(allowsOnTable(analytics, read, ML_DB, "features"), read + ": analytics' config grants ml's database");
            assertTrue(allowsOnTable(analytics, read, "shared_reference", "countries"), read + ": a shared read-only database");
            assertFalse(mayAllowOnTable(ml, read, ANALYTICS_DB, "events"), read + ": ml was granted nothing");
            assertFalse(mayAllowOnTable(analytics, read, "payroll", "salaries"), read + ": a database nobody granted");
        }
        // Spark looks up `default` when its session starts: the name, not its tables.
        assertTrue(allows(ml, "glue:GetDatabase", GLUE + "database/default"));
        assertFalse(mayAllowOnTable(ml, "glue:GetTables", "default", "t"));
    }

    @Test
    void aTeamWithoutTheCatalogHasNoGlueAccessAndNoDatabase() {
        var finance = policyOf("finance");
        assertFalse(finance.toString().contains("glue:"), finance.toString());
        var databases = plan.ofType("aws:glue/catalogDatabase:CatalogDatabase");
        assertEquals(List.of(ANALYTICS_DB, ML_DB), databases.stream().map(d -> d.inputString("name")).sorted().toList());
        assertFalse(databases.stream().anyMatch(d -> d.inputString("name").equals(FINANCE_DB)));
    }

    @Test
    void eachTeamsDatabaseBelongsToItsTeamAndKeepsTablesUnderItsPrefix() {
        var database = plan.named("aws:glue/catalogDatabase:CatalogDatabase", "test-emr-team-analytics-glue-database");
        assertTrue(database.parent().contains("bigdata:emr:Team"), database.parent());
        var location = database.inputString("locationUri");
        assertTrue(location.startsWith("s3://") && location.endsWith("/teams/analytics/warehouse/"), location);
    }

    @Test
    void databaseNamesDeriveFromStackAndTeamAndNeverCollideAcrossStacks() {
        assertEquals("big_data_stack_dev", EmrNames.glueDatabaseName("big-data-stack-dev", Optional.empty()));
        assertEquals("big_data_stack_dev__data_eng", EmrNames.glueDatabaseName("big-data-stack-dev", Optional.of("data-eng")));
        // Stack "dev-x" with team "y" against stack "dev" with team "x-y": different databases.
        assertFalse(EmrNames.glueDatabaseName("p-dev-x", Optional.of("y")).equals(EmrNames.glueDatabaseName("p-dev", Optional.of("x-y"))));
    }

    @Test
    void thePureDocumentAgreesWithThePlan() {
        var scope = new AwsScope(AwsScope.COMMERCIAL_PARTITION, "us-east-1", "123456789012");
        var document = JobRolePolicies.permissions("arn:aws:s3:::b", Optional.of("teams/a/"), List.of(), "arn:aws:logs:us-east-1:123456789012:log-group:g",
                Optional.of(new JobRolePolicies.GlueGrant("own_db", List.of("shared"))), scope);
        var json = com.google.gson.JsonParser.parseString(document.toJson()).getAsJsonObject();
        assertTrue(allowsOnTable(json, "glue:CreateTable", "own_db", "t"));
        assertFalse(mayAllowOnTable(json, "glue:CreateTable", "shared", "t"));
        assertTrue(allowsOnTable(json, "glue:GetTable", "shared", "t"));
        assertFalse(mayAllowOnTable(json, "glue:GetTable", "other", "t"));
    }

    @Test
    void grantsAreExactNamesAndNeedTheCatalog() {
        TestStacks.assertOneProblem(Map.of("glueReadDatabases", "[\"sales\"]"), "big-data-stack:glueReadDatabases",
                "unless glueCatalogAccess is true");
        for (var bad : List.of("*", "sales*", "Sales", "sales db", "")) {
            TestStacks.assertOneProblem(Map.of("glueCatalogAccess", "true", "glueReadDatabases", "[\"" + bad + "\"]"),
                    "big-data-stack:glueReadDatabases", "'" + bad + "'", "no wildcards");
        }
        var problems = String.join("\n", TestStacks.problems(Map.of("teams",
                "[{\"name\": \"a\", \"glueReadDatabases\": [\"x\"]}, {\"name\": \"b\", \"glueCatalogAccess\": true, \"glueReadDatabases\": [\"db*\"]}]")));
        assertTrue(problems.contains("big-data-stack:teams[0].glueReadDatabases: got [x], expected no databases unless the team's glueCatalogAccess is true"), problems);
        assertTrue(problems.contains("big-data-stack:teams[1].glueReadDatabases[0]: got 'db*', expected a Glue database name"), problems);
    }
}
