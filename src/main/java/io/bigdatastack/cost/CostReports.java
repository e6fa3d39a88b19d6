package io.bigdatastack.cost;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.athena.Workgroup;
import com.pulumi.aws.athena.WorkgroupArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationResultConfigurationArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs;
import com.pulumi.aws.bcmdata.Export;
import com.pulumi.aws.bcmdata.ExportArgs;
import com.pulumi.aws.bcmdata.inputs.ExportExportArgs;
import com.pulumi.aws.bcmdata.inputs.ExportExportDataQueryArgs;
import com.pulumi.aws.bcmdata.inputs.ExportExportDestinationConfigurationArgs;
import com.pulumi.aws.bcmdata.inputs.ExportExportDestinationConfigurationS3DestinationArgs;
import com.pulumi.aws.bcmdata.inputs.ExportExportDestinationConfigurationS3DestinationS3OutputConfigurationArgs;
import com.pulumi.aws.bcmdata.inputs.ExportExportRefreshCadenceArgs;
import com.pulumi.aws.glue.CatalogDatabase;
import com.pulumi.aws.glue.CatalogDatabaseArgs;
import com.pulumi.aws.glue.CatalogTable;
import com.pulumi.aws.glue.CatalogTableArgs;
import com.pulumi.aws.glue.inputs.CatalogTablePartitionKeyArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorColumnArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorSerDeInfoArgs;
import com.pulumi.aws.inputs.ProviderAssumeRoleArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.bigdatastack.naming.PhysicalNames;
import io.bigdatastack.protection.Stateful;
import io.bigdatastack.storage.SecureBucket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-team cost attribution: a Cost and Usage Report 2.0 data export with split cost allocation data (each pod's share
 * of its EC2 instance) and resource IDs, delivered hourly as Parquet into a bucket of this stack, and the query layer
 * over it: a Glue database with the export's table and the {@link TeamCostView} view, and an Athena workgroup whose
 * results are encrypted, kept in the same bucket and capped per query.
 *
 * <p>Account-level objects and two stacks in one account: the export (all exports live in us-east-1), the workgroup
 * and the database are named from project and stack, exactly like the stack's IAM roles, which are account-wide too:
 * two stacks that can deploy into one account have distinct names here as well, and each reads its own export. Split
 * cost allocation data itself is an account setting with no API: the docs say where to click
 * ({@link CostAllocationTags} activates the tags the view reads).
 * https://docs.aws.amazon.com/cur/latest/userguide/enabling-split-cost-allocation-data.html
 */
public final class CostReports extends ComponentResource {

    public static final String TYPE = "bigdata:cost:CostReports";

    /**
     * Athena cancels a query once it has scanned this much: 1 GiB ($0.005 at $5 per TB scanned), many months of this
     * export's few Parquet columns; a query that needs more should select fewer billing periods.
     */
    public static final int BYTES_SCANNED_CUTOFF_PER_QUERY = 1024 * 1024 * 1024;

    private final Output<String> bucketName;
    private final Output<String> exportArn;
    private final Output<String> workgroupName;
    private final Output<String> databaseName;
    private final Output<String> viewName;

    public CostReports(String name, CostReportsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var protect = args.protectStatefulResources;
        var exportName = CurExport.exportName(args.namePrefix);

        // --- The bucket the export delivers into: private, encrypted, TLS only, plus the Data Exports grant ---
        var bucketName = args.scope.applyValue(scope -> PhysicalNames.bucket(args.namePrefix, "cost", scope.accountId()));
        var grant = Output.tuple(args.scope, bucketName).applyValue(t -> CurExport.deliveryStatements(t.t1.bucketArn(t.t2),
                t.t1.partition(), t.t1.accountId(), exportName));
        var secure = SecureBucket.create(name + "-bucket", bucketName, protect, protect, Stateful.COST_BUCKET,
                Stateful.COST_BUCKET_SETTINGS, args.tags, this, grant);
        var bucket = secure.bucket();
        this.bucketName = bucket.bucket();
        new BucketLifecycleConfigurationV2(name + "-bucket-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(lifecycleRules())
                .build(), Stateful.COST_BUCKET_SETTINGS.options(protect, this).build());

        // --- The export: an account-level object of Data Exports, which serves us-east-1 only ---
        var exportOptions = CustomResourceOptions.builder().parent(this)
                // Data Exports reads the bucket policy when the export is created: the grant must be in place.
                .dependsOn(secure.policy());
        if (!CurExport.EXPORT_REGION.equals(args.region)) {
            exportOptions.provider(usEast1Provider(name, args));
        }
        var export = new Export(name + "-export", ExportArgs.builder()
                .export(ExportExportArgs.builder()
                        .name(exportName)
                        .description("CUR 2.0 with split cost allocation data for per-team cost attribution (" + args.namePrefix + ")")
                        .dataQueries(ExportExportDataQueryArgs.builder()
                                .queryStatement(CurExport.queryStatement())
                                .tableConfigurations(CurExport.tableConfigurations())
                                .build())
                        .destinationConfigurations(ExportExportDestinationConfigurationArgs.builder()
                                .s3Destinations(ExportExportDestinationConfigurationS3DestinationArgs.builder()
                                        .s3Bucket(bucket.bucket())
                                        .s3Prefix(CurExport.S3_PREFIX)
                                        .s3Region(args.region)
                                        .s3OutputConfigurations(ExportExportDestinationConfigurationS3DestinationS3OutputConfigurationArgs.builder()
                                                .format("PARQUET")
                                                .compression("PARQUET")
                                                .outputType("CUSTOM")
                                                // One set of files per billing period, rewritten as AWS refines it: the
                                                // table never sees two versions of a month.
                                                .overwrite("OVERWRITE_REPORT")
                                                .build())
                                        .build())
                                .build())
                        // The only cadence Data Exports offers: refreshed as new billing data arrives, up to a few times a day.
                        .refreshCadences(ExportExportRefreshCadenceArgs.builder().frequency("SYNCHRONOUS").build())
                        .build())
                .tags(args.tags)
                .build(), exportOptions.build());
        this.exportArn = export.export().applyValue(e -> e.flatMap(x -> x.exportArn()).orElse(""));

        // --- Query layer: Glue database, the export's table (partitions projected, no crawler), the per-team view ---
        var database = new CatalogDatabase(name + "-database", CatalogDatabaseArgs.builder()
                .name(CurExport.databaseName(args.namePrefix))
                .description("Cost and Usage Report 2.0 of " + args.namePrefix + " and its per-team view (big-data-stack)")
                .tags(args.tags)
                .build(), child);
        var location = bucket.bucket().applyValue(b -> CurExport.dataLocation(b, exportName));
        var table = new CatalogTable(name + "-table", CatalogTableArgs.builder()
                .databaseName(database.name())
                .name(TeamCostView.TABLE)
                .description("CUR 2.0 export " + exportName + ", one partition per billing period")
                .tableType("EXTERNAL_TABLE")
                .parameters(location.applyValue(CostReports::tableParameters))
                .partitionKeys(CatalogTablePartitionKeyArgs.builder().name(PARTITION_KEY).type("string")
                        .comment("BILLING_PERIOD=YYYY-MM directory of the export").build())
                .storageDescriptor(CatalogTableStorageDescriptorArgs.builder()
                        .location(location)
                        .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                        .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                        .serDeInfo(CatalogTableStorageDescriptorSerDeInfoArgs.builder()
                                .serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                                .build())
                        .columns(CurExport.COLUMNS.stream().map(c -> CatalogTableStorageDescriptorColumnArgs.builder()
                                .name(c.name()).type(c.glueType()).build()).toList())
                        .build())
                .build(), child);
        var scope = new TeamCostView.Scope(args.project, args.stack, args.clusterName, args.teams);
        var databaseName = CurExport.databaseName(args.namePrefix);
        var view = new CatalogTable(name + "-team-view", CatalogTableArgs.builder()
                .databaseName(database.name())
                .name(TeamCostView.NAME)
                .description("Each cost line of " + args.namePrefix + " with the team it is charged to (docs/cost-attribution.md)")
                .tableType("VIRTUAL_VIEW")
                .parameters(Map.of("presto_view", "true", "comment", "Presto View"))
                .viewOriginalText(TeamCostView.prestoViewText(databaseName, TeamCostView.sql(databaseName, scope)))
                .viewExpandedText("/* Presto View */")
                .storageDescriptor(CatalogTableStorageDescriptorArgs.builder()
                        .columns(TeamCostView.COLUMNS.stream().map(c -> CatalogTableStorageDescriptorColumnArgs.builder()
                                .name(c.name()).type(c.glueType()).build()).toList())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(table).build());

        var workgroup = new Workgroup(name + "-workgroup", WorkgroupArgs.builder()
                .name(args.namePrefix + "-cost")
                .description("Per-team cost queries of " + args.namePrefix + " (docs/cost-attribution.md)")
                .state("ENABLED")
                // Saved queries and history go with the workgroup where the stack's data may go (dev); kept in prod.
                .forceDestroy(!protect)
                .configuration(WorkgroupConfigurationArgs.builder()
                        // Clients cannot send results elsewhere or unencrypted, nor lift the cap.
                        .enforceWorkgroupConfiguration(true)
                        .publishCloudwatchMetricsEnabled(true)
                        .bytesScannedCutoffPerQuery(BYTES_SCANNED_CUTOFF_PER_QUERY)
                        .resultConfiguration(WorkgroupConfigurationResultConfigurationArgs.builder()
                                .outputLocation(bucket.bucket().applyValue(b -> "s3://" + b + "/" + CurExport.ATHENA_RESULTS_PREFIX))
                                .encryptionConfiguration(WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs.builder()
                                        .encryptionOption("SSE_S3")
                                        .build())
                                .build())
                        .build())
                .tags(args.tags)
                .build(), child);

        this.workgroupName = workgroup.name();
        this.databaseName = database.name();
        this.viewName = Output.tuple(database.name(), view.name()).applyValue(t -> t.t1 + "." + t.t2);
        registerOutputs(Map.of(
                "bucketName", this.bucketName,
                "exportArn", this.exportArn,
                "workgroupName", this.workgroupName,
                "databaseName", this.databaseName,
                "viewName", this.viewName));
    }

    /** Days Athena results and replaced report versions are kept. */
    public static final int RESULTS_AND_OLD_VERSIONS_DAYS = 30;

    /**
     * The export rewrites a month's files as AWS refines the bill (OVERWRITE_REPORT): with versioning on (prod) the
     * replaced versions would pile up, so they expire; Athena's results are scratch and expire too. The reports
     * themselves stay.
     */
    static List<BucketLifecycleConfigurationV2RuleArgs> lifecycleRules() {
        return List.of(
                BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-athena-results")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix(CurExport.ATHENA_RESULTS_PREFIX).build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(RESULTS_AND_OLD_VERSIONS_DAYS).build())
                        .build(),
                BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-replaced-report-versions")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(RESULTS_AND_OLD_VERSIONS_DAYS).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(7).build())
                        .build());
    }

    /** The partition column of the export's table. */
    public static final String PARTITION_KEY = "billing_period";

    /** The first billing period the table's partition projection lists. */
    public static final String FIRST_BILLING_PERIOD = "2024-01";

    /**
     * Table parameters: Parquet, and partition projection of the export's {@code BILLING_PERIOD=YYYY-MM} directories,
     * so a new month is queryable without a crawler or {@code MSCK REPAIR}
     * (https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html).
     */
    static Map<String, String> tableParameters(String dataLocation) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("classification", "parquet");
        parameters.put("projection.enabled", "true");
        parameters.put("projection." + PARTITION_KEY + ".type", "date");
        parameters.put("projection." + PARTITION_KEY + ".format", "yyyy-MM");
        parameters.put("projection." + PARTITION_KEY + ".range", FIRST_BILLING_PERIOD + ",NOW");
        parameters.put("projection." + PARTITION_KEY + ".interval", "1");
        parameters.put("projection." + PARTITION_KEY + ".interval.unit", "MONTHS");
        parameters.put("storage.location.template", dataLocation + CurExport.PARTITION_DIRECTORY + "=${" + PARTITION_KEY + "}");
        return java.util.Collections.unmodifiableMap(parameters);
    }

    /**
     * The us-east-1 provider of the export, for a stack in another Region: the stack's own identity
     * ({@code aws:profile}, {@code aws:assumeRole}), since an explicit provider reads none of the stack's {@code aws:}
     * settings (https://www.pulumi.com/docs/iac/concepts/resources/providers/#explicit-provider-configuration).
     */
    private Provider usEast1Provider(String name, CostReportsArgs args) {
        var provider = ProviderArgs.builder().region(CurExport.EXPORT_REGION);
        var credentials = args.deployerCredentials;
        credentials.profile().ifPresent(profile -> provider.profile(args.secretDeployerCredentials ? Output.ofSecret(profile) : Output.of(profile)));
        credentials.roleArn().ifPresent(role -> provider.assumeRole(ProviderAssumeRoleArgs.builder()
                .roleArn(args.secretDeployerCredentials ? Output.ofSecret(role) : Output.of(role))
                .build()));
        return new Provider(name + "-" + CurExport.EXPORT_REGION, provider.build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** The report bucket's name (CUR 2.0 data under {@code cur2/}, Athena results under {@code athena-results/}). */
    public Output<String> bucketName() { return bucketName; }

    /** The export's ARN (in us-east-1). */
    public Output<String> exportArn() { return exportArn; }

    /** The Athena workgroup to query in ({@code --work-group}). */
    public Output<String> workgroupName() { return workgroupName; }

    /** The Glue database of the export's table and the view. */
    public Output<String> databaseName() { return databaseName; }

    /** {@code <database>.team_cost}: the per-team view. */
    public Output<String> viewName() { return viewName; }
}
