package io.bigdatastack.cost;

import io.bigdatastack.iam.PolicyDocument.Statement;
import io.bigdatastack.support.Hashing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What AWS documents about a Cost and Usage Report 2.0 data export, in one place: the table and its configurations,
 * the columns this stack reads (the export selects them and the Glue table declares them, from this one list), where
 * the export delivers, and the bucket grant the Data Exports service needs.
 *
 * <ul>
 *   <li>Query and table configurations: https://docs.aws.amazon.com/cur/latest/userguide/dataexports-data-query.html
 *       and https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2.html</li>
 *   <li>Delivery path {@code s3://<bucket>/<prefix>/<export-name>/data/BILLING_PERIOD=YYYY-MM/}:
 *       https://docs.aws.amazon.com/cur/latest/userguide/dataexports-export-delivery.html</li>
 *   <li>Bucket policy: https://docs.aws.amazon.com/cur/latest/userguide/dataexports-s3-bucket.html</li>
 *   <li>Split cost allocation columns: https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2-split-line-item.html</li>
 * </ul>
 */
public final class CurExport {

    /** The CUR 2.0 table of Data Exports. */
    public static final String TABLE = "COST_AND_USAGE_REPORT";

    /**
     * Data Exports is served from us-east-1 only (its endpoint is {@code bcm-data-exports.us-east-1.api.aws},
     * https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/Welcome.html): the export is created there,
     * whatever the stack's Region; it delivers into the stack's bucket in the stack's Region.
     */
    public static final String EXPORT_REGION = "us-east-1";

    /** The service principal that delivers exports (and checks the bucket's policy before each delivery). */
    public static final String SERVICE_PRINCIPAL = "bcm-data-exports.amazonaws.com";

    /** The key prefix the export delivers under, in the cost bucket; Athena writes its results under {@link #ATHENA_RESULTS_PREFIX}. */
    public static final String S3_PREFIX = "cur2";

    /** Athena query results, in the same bucket, apart from the reports. */
    public static final String ATHENA_RESULTS_PREFIX = "athena-results/";

    /** The partition the export writes: one directory per billing period, {@code BILLING_PERIOD=YYYY-MM}. */
    public static final String PARTITION_DIRECTORY = "BILLING_PERIOD";

    /**
     * CUR 2.0 table configurations: hourly lines (split cost allocation data is computed per pod and hour), one line
     * per resource ({@code INCLUDE_RESOURCES} adds {@code line_item_resource_id}), and the split cost allocation
     * columns ({@code INCLUDE_SPLIT_COST_ALLOCATION_DATA}). Values are the strings the API takes. Changing any of them
     * replaces the export (the provider marks table configurations replace-on-change), which restarts its delivery.
     */
    public static Map<String, Map<String, String>> tableConfigurations() {
        var configuration = new LinkedHashMap<String, String>();
        configuration.put("TIME_GRANULARITY", "HOURLY");
        configuration.put("INCLUDE_RESOURCES", "TRUE");
        configuration.put("INCLUDE_SPLIT_COST_ALLOCATION_DATA", "TRUE");
        configuration.put("INCLUDE_MANUAL_DISCOUNT_COMPATIBILITY", "FALSE");
        return Map.of(TABLE, java.util.Collections.unmodifiableMap(configuration));
    }

    /**
     * One column of the CUR 2.0 table: its name, its Glue (Hive) type, and the table configuration that adds it (empty
     * for the base columns).
     */
    public record Column(String name, String glueType, String addedBy) {
    }

    /**
     * The columns the per-team view reads. CUR 2.0's schema is fixed, so an export that selects these and a Glue table
     * that declares them agree for every billing period (a Parquet reader matches columns by name).
     */
    public static final List<Column> COLUMNS = List.of(
            new Column("bill_billing_period_start_date", "timestamp", ""),
            new Column("line_item_usage_start_date", "timestamp", ""),
            new Column("line_item_usage_account_id", "string", ""),
            new Column("line_item_line_item_type", "string", ""),
            new Column("line_item_product_code", "string", ""),
            new Column("line_item_usage_type", "string", ""),
            new Column("line_item_usage_amount", "double", ""),
            new Column("line_item_unblended_cost", "double", ""),
            new Column("line_item_resource_id", "string", "INCLUDE_RESOURCES"),
            new Column("resource_tags", "map<string,string>", ""),
            new Column("split_line_item_parent_resource_id", "string", "INCLUDE_SPLIT_COST_ALLOCATION_DATA"),
            new Column("split_line_item_split_usage_ratio", "double", "INCLUDE_SPLIT_COST_ALLOCATION_DATA"),
            new Column("split_line_item_split_cost", "double", "INCLUDE_SPLIT_COST_ALLOCATION_DATA"),
            new Column("split_line_item_unused_cost", "double", "INCLUDE_SPLIT_COST_ALLOCATION_DATA"));

    /** The export's SQL: the {@link #COLUMNS}, every row of the table (Data Exports' SQL subset, no {@code *}). */
    public static String queryStatement() {
        return "SELECT " + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", ")) + " FROM " + TABLE;
    }

    private CurExport() {
    }

    /**
     * The export's name: {@code <project>-<stack>-cur2}. Exports are account-wide (all in us-east-1) and their names
     * unique per account, so the name comes from project and stack like every IAM role of the stack (which are
     * account-wide too): two stacks that can share an account already differ there.
     */
    public static String exportName(String physicalPrefix) {
        return physicalPrefix + "-cur2";
    }

    /** {@code s3://<bucket>/cur2/<export-name>/data/}: the table's location; partitions are {@code BILLING_PERIOD=YYYY-MM} below it. */
    public static String dataLocation(String bucketName, String exportName) {
        return "s3://" + bucketName + "/" + S3_PREFIX + "/" + exportName + "/data/";
    }

    /**
     * The Glue database of the stack's cost tables: Glue and Athena take lowercase letters, digits and underscores, so
     * the {@code <project>-<stack>} prefix is folded into them, and a short hash of the prefix itself keeps two
     * prefixes that fold alike ({@code a-b} and {@code a.b}) apart in one account and Region.
     */
    public static String databaseName(String physicalPrefix) {
        var folded = physicalPrefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return folded + "_cost_" + Hashing.sha256Hex(physicalPrefix, 6);
    }

    /**
     * The export ARN pattern of this stack's export: AWS names an export {@code export/<name>-<UUID>}
     * (e.g. {@code arn:aws:bcm-data-exports:us-east-1:123456789012:export/CostUsageReport-9f1c75f3-f982-4d9a-b936-1e7ecab814b7}
     * in the provider's import documentation). The bucket policy must exist before the export (the service checks it at
     * creation), so the ARN cannot be referenced: the pattern matches exactly one name and a UUID-shaped suffix
     * ({@code ?} matches one character in {@code StringLike}).
     */
    public static String exportArnPattern(String partition, String accountId, String exportName) {
        return "arn:" + partition + ":bcm-data-exports:" + EXPORT_REGION + ":" + accountId + ":export/" + exportName
                + "-????????-????-????-????-????????????";
    }

    /**
     * The grant the Data Exports service needs on the delivery bucket, narrowed from AWS's default policy to this
     * stack's export: it writes objects under the export's prefix and reads the bucket policy to confirm the bucket's
     * owner, only on behalf of this account ({@code aws:SourceAccount}) and this export ({@code aws:SourceArn}). The
     * legacy CUR principal {@code billingreports.amazonaws.com} of AWS's default policy is left out: this stack makes
     * no legacy report. https://docs.aws.amazon.com/cur/latest/userguide/dataexports-s3-bucket.html
     */
    public static List<Statement> deliveryStatements(String bucketArn, String partition, String accountId, String exportName) {
        var sourceArn = exportArnPattern(partition, accountId, exportName);
        return List.of(
                Statement.allow("DataExportsDelivery")
                        .principal("Service", SERVICE_PRINCIPAL)
                        .actions("s3:PutObject")
                        .resources(bucketArn + "/" + S3_PREFIX + "/" + exportName + "/*")
                        .condition("StringEquals", "aws:SourceAccount", accountId)
                        .condition("StringLike", "aws:SourceArn", sourceArn),
                Statement.allow("DataExportsBucketPolicyCheck")
                        .principal("Service", SERVICE_PRINCIPAL)
                        .actions("s3:GetBucketPolicy")
                        .resources(bucketArn)
                        .condition("StringEquals", "aws:SourceAccount", accountId)
                        .condition("StringLike", "aws:SourceArn", sourceArn));
    }
}
