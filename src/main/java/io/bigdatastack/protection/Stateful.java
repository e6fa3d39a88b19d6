package io.bigdatastack.protection;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one list of what this program creates that a team cannot get back once it is gone: data, history, people's
 * work. With {@code protectStatefulResources: true} every resource of this list is {@code protect}ed, so a change that
 * would replace or delete it stops at {@code pulumi preview}/{@code up} with Pulumi's protect error; where leaving it
 * in AWS is the safe outcome it is also {@code retainOnDelete}, so even a deliberate unprotect-and-destroy leaves it
 * in the account (https://www.pulumi.com/docs/iac/concepts/options/protect/,
 * https://www.pulumi.com/docs/iac/concepts/options/retainondelete/).
 *
 * <p>A resource belongs to the list by its Pulumi type and the component type of its parent, so {@code plan}'s change
 * review ({@code io.bigdatastack.plan.PlanDiff}) marks the same resources in plans written before or without
 * protection. A new stateful resource joins by one entry here and one {@link #options} call where it is created;
 * the README's configuration table names this list.
 */
public enum Stateful {

    EKS_CLUSTER("the EKS cluster", "its Kubernetes objects, secrets and every workload on it",
            "bigdata:cluster:EksCluster", false, "aws:eks/cluster:Cluster"),
    // Not retained: a retained control plane keeps billing ($0.10/h) and blocks a same-named replacement; protect
    // alone stops every replacement and delete.
    EKS_SECRETS_KEY("the EKS secrets KMS key", "the Kubernetes secrets encrypted with it (unreadable without the key)",
            "bigdata:cluster:EksCluster", true, "aws:kms/key:Key"),
    CONTROL_PLANE_LOGS("the EKS control-plane (audit) log group", "the cluster's API and audit history",
            "bigdata:cluster:EksCluster", true, "aws:cloudwatch/logGroup:LogGroup"),
    TEAM_NAMESPACE("a team's namespace", "every pod, config map and secret of the team's jobs",
            "bigdata:emr:Team", true, "kubernetes:core/v1:Namespace"),
    TEAM_VIRTUAL_CLUSTER("a team's EMR virtual cluster", "its job-run history and the ID the team's job submitters use",
            "bigdata:emr:Team", true, "aws:emrcontainers/virtualCluster:VirtualCluster"),
    // Deleting a Glue database deletes its table and partition definitions (not the S3 data they point at).
    TEAM_GLUE_DATABASE("a team's Glue database", "its table and partition definitions (the data in S3 stays)",
            "bigdata:emr:Team", true, "aws:glue/catalogDatabase:CatalogDatabase"),
    JOB_LOGS("the EMR job log group", "Spark driver and executor logs",
            "bigdata:emr:EmrOnEks", true, "aws:cloudwatch/logGroup:LogGroup"),
    JOB_BUCKET("the EMR job bucket", "job scripts, outputs and S3 job logs",
            "bigdata:emr:EmrOnEks", true, "aws:s3/bucketV2:BucketV2"),
    JOB_BUCKET_SETTINGS("the EMR job bucket's settings", "the bucket's protection (access block, encryption, TLS, versioning, lifecycle)",
            "bigdata:emr:EmrOnEks", true, Types.BUCKET_SETTINGS),
    STUDIO("the EMR Studio", "its Workspaces and their settings (people's notebooks)",
            "bigdata:studio:EmrStudio", true, "aws:emr/studio:Studio"),
    STUDIO_BUCKET("the EMR Studio bucket", "Workspace backups, the cluster template, catalog cluster logs",
            "bigdata:studio:EmrStudio", true, "aws:s3/bucketV2:BucketV2"),
    STUDIO_BUCKET_SETTINGS("the EMR Studio bucket's settings", "the bucket's protection (access block, encryption, TLS, versioning)",
            "bigdata:studio:EmrStudio", true, Types.BUCKET_SETTINGS),
    // The reports of past months: an export delivers from the month it is created, so a deleted bucket's history comes
    // back only through an AWS Support backfill request (https://docs.aws.amazon.com/cur/latest/userguide/dataexports-export-delivery.html).
    COST_BUCKET("the cost report bucket", "the delivered Cost and Usage Reports of past months and the Athena results",
            "bigdata:cost:CostReports", true, "aws:s3/bucketV2:BucketV2"),
    COST_BUCKET_SETTINGS("the cost report bucket's settings", "the bucket's protection (access block, encryption, TLS, the Data Exports grant, versioning)",
            "bigdata:cost:CostReports", true, Types.BUCKET_SETTINGS);

    private static final class Types {
        static final String[] BUCKET_SETTINGS = {
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "aws:s3/bucketVersioningV2:BucketVersioningV2",
                "aws:s3/bucketPolicy:BucketPolicy",
                "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"};
    }

    private final String description;
    private final String whatIsLost;
    private final String componentType;
    private final boolean retainOnDelete;
    private final List<String> resourceTypes;

    Stateful(String description, String whatIsLost, String componentType, boolean retainOnDelete, String... resourceTypes) {
        this.description = description;
        this.whatIsLost = whatIsLost;
        this.componentType = componentType;
        this.retainOnDelete = retainOnDelete;
        this.resourceTypes = List.of(resourceTypes);
    }

    /** E.g. "the EKS cluster". */
    public String description() { return description; }

    /** The generated block of docs/deploy.md that lists these ({@code readme} writes it, {@code readme --check} holds it). */
    public static final String TABLE_BLOCK = "protection:stateful";

    /** The Markdown table of every entry: what it is, what is lost, and whether it is kept once unprotected. */
    public static String table() {
        var rows = new StringBuilder("| Resource | Lost when replaced or deleted | Unprotected and deleted |\n|---|---|---|\n");
        for (var entry : values()) {
            rows.append("| ").append(Character.toUpperCase(entry.description.charAt(0))).append(entry.description.substring(1))
                    .append(" | ").append(entry.whatIsLost).append(" | ")
                    .append(entry.retainOnDelete ? "kept (retainOnDelete)" : "deleted").append(" |\n");
        }
        return rows.toString();
    }

    /** What deleting or replacing it loses (reads after "loses"). */
    public String whatIsLost() { return whatIsLost; }

    /** The component type ({@code bigdata:<module>:<Type>}) whose child it is. */
    public String componentType() { return componentType; }

    /** Whether it stays in AWS when Pulumi deletes it (only when protected). */
    public boolean retainOnDelete() { return retainOnDelete; }

    /** Pulumi resource types of this entry. */
    public List<String> resourceTypes() { return resourceTypes; }

    /**
     * Options for a stateful child of {@code parent}: {@code protect} (and {@code retainOnDelete} where safe) when
     * {@code protect} is set, plain otherwise. Callers may add more (dependsOn, deleteBeforeReplace) before build().
     */
    public CustomResourceOptions.Builder options(boolean protect, Resource parent) {
        return CustomResourceOptions.builder().parent(parent).protect(protect).retainOnDelete(protect && retainOnDelete);
    }

    /** The entry a resource of {@code resourceType} under a component of {@code parentComponentType} belongs to. */
    public static Optional<Stateful> of(String resourceType, String parentComponentType) {
        return Arrays.stream(values())
                .filter(s -> s.componentType.equals(parentComponentType) && s.resourceTypes.contains(resourceType))
                .findFirst();
    }
}
