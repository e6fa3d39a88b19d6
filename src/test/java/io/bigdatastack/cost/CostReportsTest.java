package io.bigdatastack.cost;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.bigdatastack.cluster.AwsCredentials;
import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.plan.AwsMockEngine;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.plan.PlanRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CUR 2.0 export, its bucket's grant, the Glue table and view, and the workgroup, as AWS documents them. */
class CostReportsTest {

    static final String ACCOUNT = AwsMockEngine.ACCOUNT_ID;
    /** The component's inputs as BigDataStack derives them for stack {@code test}. */
    static final io.bigdatastack.naming.StackNaming NAMING = new io.bigdatastack.naming.StackNaming("big-data-stack", "test");
    static final String PREFIX = NAMING.physical("");
    static final Map<String, String> TAGS = NAMING.commonTags();

    @AfterAll
    static void cleanup() {
        com.pulumi.test.PulumiTest.cleanup();
    }

    static Plan plan(String region, UnaryOperator<CostReportsArgs.Builder> customize) {
        var builder = CostReportsArgs.builder()
                .namePrefix(PREFIX)
                .project("big-data-stack")
                .stack("test")
                .clusterName("big-data-stack-test")
                .region(region)
                .scope(Output.of(new AwsScope(AwsScope.COMMERCIAL_PARTITION, region, ACCOUNT)))
                .teams(List.of(new TeamCostView.TeamNamespace("analytics", "analytics"), new TeamCostView.TeamNamespace("ml", "ml")))
                .tags(TAGS);
        var args = customize.apply(builder).build();
        return PlanRunner.run("big-data-stack", "test", region, ctx -> new CostReports("test-cost", args, ComponentResourceOptions.Empty));
    }

    // Planned once the class is initialized: the program's lambda runs on the engine's threads, which would wait for a
    // class still initializing.
    private static Plan US_EAST_1;
    private static Plan EU_WEST_1;

    @org.junit.jupiter.api.BeforeAll
    static void planBoth() {
        US_EAST_1 = plan("us-east-1", b -> b);
        EU_WEST_1 = plan("eu-west-1", b -> b.protectStatefulResources(true)
                .deployerCredentials(new AwsCredentials(java.util.Optional.of("deployer"), java.util.Optional.of("arn:aws:iam::123456789012:role/deploy"))));
    }

    static JsonObject exportOf(Plan plan) {
        return plan.one("aws:bcmdata/export:Export").input("export").orElseThrow().getAsJsonObject();
    }

    @Test
    void theExportIncludesSplitCostAllocationDataAndResourcesHourlyAsParquet() {
        var export = exportOf(US_EAST_1);
        var query = export.getAsJsonArray("dataQueries").get(0).getAsJsonObject();
        var configuration = query.getAsJsonObject("tableConfigurations").getAsJsonObject("COST_AND_USAGE_REPORT");
        var actual = new TreeMap<String, String>();
        configuration.entrySet().forEach(e -> actual.put(e.getKey(), e.getValue().getAsString()));
        assertEquals(new TreeMap<>(Map.of("TIME_GRANULARITY", "HOURLY", "INCLUDE_RESOURCES", "TRUE",
                "INCLUDE_SPLIT_COST_ALLOCATION_DATA", "TRUE", "INCLUDE_MANUAL_DISCOUNT_COMPATIBILITY", "FALSE")), actual);
        assertEquals(1, query.getAsJsonObject("tableConfigurations").size(), "one table: CUR 2.0");
        var statement = query.get("queryStatement").getAsString();
        assertTrue(statement.endsWith(" FROM COST_AND_USAGE_REPORT"), statement);
        // Every column the Glue table declares is selected, the split and resource columns among them.
        for (var column : CurExport.COLUMNS) {
            assertTrue(statement.contains(column.name()), column.name());
        }
        assertTrue(statement.contains("split_line_item_split_cost") && statement.contains("line_item_resource_id"));

        var destination = export.getAsJsonArray("destinationConfigurations").get(0).getAsJsonObject()
                .getAsJsonArray("s3Destinations").get(0).getAsJsonObject();
        assertEquals("big-data-stack-test-cost-" + ACCOUNT, destination.get("s3Bucket").getAsString());
        assertEquals("cur2", destination.get("s3Prefix").getAsString());
        assertEquals("us-east-1", destination.get("s3Region").getAsString());
        var output = destination.getAsJsonArray("s3OutputConfigurations").get(0).getAsJsonObject();
        assertEquals("PARQUET", output.get("format").getAsString());
        assertEquals("PARQUET", output.get("compression").getAsString());
        assertEquals("OVERWRITE_REPORT", output.get("overwrite").getAsString());
        assertEquals("big-data-stack-test-cur2", export.get("name").getAsString());
        assertEquals("SYNCHRONOUS", export.getAsJsonArray("refreshCadences").get(0).getAsJsonObject().get("frequency").getAsString());
    }

    @Test
    void theExportIsCreatedInUsEast1AndDeliversToTheStacksRegion() {
        // In us-east-1 the default provider serves; elsewhere an explicit us-east-1 provider with the stack's identity.
        assertTrue(US_EAST_1.ofType("pulumi:providers:aws").isEmpty());
        var provider = EU_WEST_1.one("pulumi:providers:aws");
        assertEquals("us-east-1", provider.inputString("region"));
        assertEquals("deployer", provider.inputString("profile"));
        // Provider inputs of object type reach the engine as JSON text.
        var assumeRole = provider.input("assumeRole").orElseThrow();
        var role = assumeRole.isJsonPrimitive() ? JsonParser.parseString(assumeRole.getAsString()).getAsJsonObject() : assumeRole.getAsJsonObject();
        assertEquals("arn:aws:iam::123456789012:role/deploy", role.get("roleArn").getAsString());
        var export = EU_WEST_1.one("aws:bcmdata/export:Export");
        assertTrue(export.provider() != null && export.provider().startsWith(provider.urn() + "::"), export.provider());
        var destination = exportOf(EU_WEST_1).getAsJsonArray("destinationConfigurations").get(0).getAsJsonObject()
                .getAsJsonArray("s3Destinations").get(0).getAsJsonObject();
        assertEquals("eu-west-1", destination.get("s3Region").getAsString());
        // Nothing else goes through the us-east-1 provider: bucket, catalog and workgroup stay in the stack's Region.
        EU_WEST_1.resources().stream().filter(r -> r.custom() && !r.type().startsWith("pulumi:") && !r.type().equals("aws:bcmdata/export:Export"))
                .forEach(r -> assertNull(r.provider(), r.urn()));
    }

    @Test
    void theBucketAdmitsDataExportsOnlyForThisAccountAndThisExport() {
        var policy = JsonParser.parseString(US_EAST_1.named("aws:s3/bucketPolicy:BucketPolicy", "test-cost-bucket-tls-only")
                .inputString("policy")).getAsJsonObject();
        var statements = new ArrayList<JsonObject>();
        policy.getAsJsonArray("Statement").forEach(s -> statements.add(s.getAsJsonObject()));
        assertEquals(List.of("DenyInsecureTransport", "DataExportsDelivery", "DataExportsBucketPolicyCheck"),
                statements.stream().map(s -> s.get("Sid").getAsString()).toList());
        var exportArn = "arn:aws:bcm-data-exports:us-east-1:" + ACCOUNT + ":export/big-data-stack-test-cur2-????????-????-????-????-????????????";
        var bucketArn = "arn:aws:s3:::big-data-stack-test-cost-" + ACCOUNT;
        for (var s : statements.subList(1, 3)) {
            assertEquals("Allow", s.get("Effect").getAsString());
            assertEquals("bcm-data-exports.amazonaws.com", s.getAsJsonObject("Principal").get("Service").getAsString());
            var condition = s.getAsJsonObject("Condition");
            assertEquals(ACCOUNT, condition.getAsJsonObject("StringEquals").get("aws:SourceAccount").getAsString());
            assertEquals(exportArn, condition.getAsJsonObject("StringLike").get("aws:SourceArn").getAsString());
            assertEquals(2, condition.size(), "no other condition operator");
        }
        assertEquals("s3:PutObject", statements.get(1).get("Action").getAsString());
        assertEquals(bucketArn + "/cur2/big-data-stack-test-cur2/*", statements.get(1).get("Resource").getAsString());
        assertEquals("s3:GetBucketPolicy", statements.get(2).get("Action").getAsString());
        assertEquals(bucketArn, statements.get(2).get("Resource").getAsString());

        // The pattern matches this export's ARNs (name, then AWS's UUID) and no other export's.
        var pattern = CurExport.exportArnPattern("aws", ACCOUNT, "big-data-stack-test-cur2");
        assertTrue(stringLike(pattern, "arn:aws:bcm-data-exports:us-east-1:" + ACCOUNT + ":export/big-data-stack-test-cur2-9f1c75f3-f982-4d9a-b936-1e7ecab814b7"));
        assertFalse(stringLike(pattern, "arn:aws:bcm-data-exports:us-east-1:" + ACCOUNT + ":export/big-data-stack-test-cur2-cur2-9f1c75f3-f982-4d9a-b936-1e7ecab814b7"),
                "the export of a stack named test-cur2 must not match");
        assertFalse(stringLike(pattern, "arn:aws:bcm-data-exports:us-east-1:999999999999:export/big-data-stack-test-cur2-9f1c75f3-f982-4d9a-b936-1e7ecab814b7"));
        // The export waits for the grant (Data Exports checks the policy at creation).
        var export = US_EAST_1.one("aws:bcmdata/export:Export");
        assertTrue(export.dependencies().contains(US_EAST_1.named("aws:s3/bucketPolicy:BucketPolicy", "test-cost-bucket-tls-only").urn()));
    }

    /** IAM's StringLike: {@code *} any run of characters, {@code ?} exactly one. */
    static boolean stringLike(String pattern, String value) {
        var regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    @Test
    void theBucketIsPrivateEncryptedAndProtectedWhenAsked() {
        var access = EU_WEST_1.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        for (var flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals("true", access.inputString(flag), flag);
        }
        assertTrue(EU_WEST_1.one("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2")
                .input("rules").orElseThrow().toString().contains("\"sseAlgorithm\":\"AES256\""));
        var bucket = EU_WEST_1.one("aws:s3/bucketV2:BucketV2");
        assertTrue(bucket.options().protect() && bucket.options().retainOnDelete());
        assertEquals("false", bucket.inputString("forceDestroy"));
        var devBucket = US_EAST_1.one("aws:s3/bucketV2:BucketV2");
        assertFalse(devBucket.options().protect());
        assertEquals("true", devBucket.inputString("forceDestroy"));
    }

    @Test
    void theTableReadsTheExportsBillingPeriodDirectoriesByProjection() {
        var table = US_EAST_1.named("aws:glue/catalogTable:CatalogTable", "test-cost-table");
        var location = "s3://big-data-stack-test-cost-" + ACCOUNT + "/cur2/big-data-stack-test-cur2/data/";
        assertEquals(location, table.inputString("storageDescriptor.location"));
        var parameters = parameters(table);
        assertEquals(location + "BILLING_PERIOD=${billing_period}", parameters.get("storage.location.template"));
        assertEquals("true", parameters.get("projection.enabled"));
        assertEquals("yyyy-MM", parameters.get("projection.billing_period.format"));
        assertEquals("MONTHS", parameters.get("projection.billing_period.interval.unit"));
        assertEquals("billing_period", table.input("partitionKeys").orElseThrow().getAsJsonArray().get(0).getAsJsonObject().get("name").getAsString());
        var columns = new ArrayList<String>();
        table.input("storageDescriptor.columns").orElseThrow().getAsJsonArray().forEach(c -> columns.add(c.getAsJsonObject().get("name").getAsString()));
        assertEquals(CurExport.COLUMNS.stream().map(CurExport.Column::name).toList(), columns);
        assertEquals("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", table.inputString("storageDescriptor.serDeInfo.serializationLibrary"));
    }

    static Map<String, String> parameters(Plan.Resource table) {
        var result = new TreeMap<String, String>();
        table.input("parameters").orElseThrow().getAsJsonObject().entrySet().forEach(e -> result.put(e.getKey(), e.getValue().getAsString()));
        return result;
    }

    @Test
    void theViewIsAnAthenaViewOfTheDeclaredColumns() {
        var view = US_EAST_1.named("aws:glue/catalogTable:CatalogTable", "test-cost-team-view");
        assertEquals("VIRTUAL_VIEW", view.inputString("tableType"));
        assertEquals("team_cost", view.inputString("name"));
        assertEquals("true", parameters(view).get("presto_view"));
        var text = view.inputString("viewOriginalText");
        assertTrue(text.startsWith("/* Presto View: ") && text.endsWith(" */"), text);
        var definition = JsonParser.parseString(TeamCostView.decode(text)).getAsJsonObject();
        var database = CurExport.databaseName(PREFIX);
        assertEquals(database, definition.get("schema").getAsString());
        assertEquals("awsdatacatalog", definition.get("catalog").getAsString());
        var declared = new ArrayList<String>();
        definition.getAsJsonArray("columns").forEach(c -> declared.add(c.getAsJsonObject().get("name").getAsString() + ":"
                + c.getAsJsonObject().get("type").getAsString()));
        assertEquals(TeamCostView.COLUMNS.stream().map(c -> c.name() + ":" + c.prestoType()).toList(), declared);
        var sql = definition.get("originalSql").getAsString();
        assertTrue(sql.contains("FROM \"" + database + "\".\"cur2\" c"), sql);
        // Every declared column is produced by the query, in order.
        int at = 0;
        for (var column : TeamCostView.COLUMNS) {
            int found = sql.indexOf(" AS " + column.name() + ",", at);
            if (found < 0) {
                found = sql.indexOf(" AS " + column.name() + "\n", at);
            }
            assertTrue(found > at, column.name() + " after position " + at + " in " + sql);
            at = found;
        }
    }

    @Test
    void theWorkgroupEncryptsEnforcesAndCapsItsQueries() {
        var workgroup = US_EAST_1.one("aws:athena/workgroup:Workgroup");
        assertEquals("big-data-stack-test-cost", workgroup.inputString("name"));
        assertEquals("true", workgroup.inputString("configuration.enforceWorkgroupConfiguration"));
        assertEquals("SSE_S3", workgroup.inputString("configuration.resultConfiguration.encryptionConfiguration.encryptionOption"));
        assertEquals("s3://big-data-stack-test-cost-" + ACCOUNT + "/athena-results/",
                workgroup.inputString("configuration.resultConfiguration.outputLocation"));
        assertEquals(String.valueOf(1024 * 1024 * 1024), workgroup.inputString("configuration.bytesScannedCutoffPerQuery"));
        // Athena's minimum cutoff is 10 MB (the provider validates it).
        assertTrue(CostReports.BYTES_SCANNED_CUTOFF_PER_QUERY >= 10 * 1024 * 1024);
        assertEquals("true", workgroup.inputString("forceDestroy"));
        assertEquals("false", EU_WEST_1.one("aws:athena/workgroup:Workgroup").inputString("forceDestroy"));
    }

    @Test
    void namesComeFromProjectAndStackAndTwoPrefixesNeverShareADatabase() {
        assertEquals("big-data-stack-test-cur2", CurExport.exportName(PREFIX));
        var a = CurExport.databaseName("big-data-stack-a-b");
        var b = CurExport.databaseName("big-data-stack-a.b");
        assertTrue(a.matches("[a-z0-9_]+") && b.matches("[a-z0-9_]+"), a + " " + b);
        assertTrue(a.startsWith("big_data_stack_a_b_cost_"));
        assertFalse(a.equals(b), "stacks that fold alike keep distinct databases");
        assertEquals(a, CurExport.databaseName("big-data-stack-a-b"), "deterministic");
    }

    @Test
    void argsRefuseAStackWithoutTeams() {
        var error = assertThrows(IllegalArgumentException.class, () -> CostReportsArgs.builder().namePrefix(PREFIX).project("p").stack("s")
                .clusterName("c").region("us-east-1").scope(Output.of(new AwsScope("aws", "us-east-1", ACCOUNT))).build());
        assertTrue(error.getMessage().startsWith("teams:"), error.getMessage());
    }
}
