package io.bigdatastack.emr;

import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.iam.PolicyDocument;
import io.bigdatastack.iam.PolicyDocument.Statement;
import io.bigdatastack.iam.TrustPolicies;

import java.util.ArrayList;
import java.util.List;

/**
 * The job execution role's documents, as pure functions of names and ARNs (the component calls them inside
 * {@code applyValue} once the ARNs are known; tests call them directly).
 *
 * <p>Least privilege, unlike the reference app's four {@code *FullAccess} policies: the stack's job bucket, the
 * buckets named in {@code jobReadBuckets} read-only, the stack's log group, and the Glue Data Catalog of this account
 * and Region only when asked for.
 */
public final class JobRolePolicies {

    /** The Spark components EMR creates service accounts for (client = spark-submit pod, driver, executor). */
    public static final List<String> SPARK_COMPONENTS = List.of("client", "driver", "executor");

    private JobRolePolicies() {
    }

    /**
     * The subject pattern {@code aws emr-containers update-role-trust-policy} writes: any EMR-managed service account of
     * this account and role in the namespace (EMR creates them at job submission).
     * https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/iam-execution-role.html
     */
    public static String irsaSubjectPattern(String namespace, String accountId, String roleName) {
        return "system:serviceaccount:" + namespace + ":emr-containers-sa-*-*-" + accountId + "-" + Base36.encode(roleName);
    }

    /**
     * The service accounts {@code aws emr-containers create-role-associations} associates for Spark:
     * {@code emr-containers-sa-spark-<component>-<account>-<base36(role name)>}.
     * https://docs.aws.amazon.com/cli/latest/reference/emr-containers/create-role-associations.html
     */
    public static List<String> podIdentityServiceAccounts(String accountId, String roleName) {
        var encoded = Base36.encode(roleName);
        return SPARK_COMPONENTS.stream().map(c -> "emr-containers-sa-spark-" + c + "-" + accountId + "-" + encoded).toList();
    }

    /**
     * Trust: the IRSA statement exactly as the CLI writes it plus the {@code aud} check (the reference app had
     * {@code sts.amazon.com}), and/or the Pod Identity statement limited to this cluster, namespace and EMR's Spark
     * service accounts. Nothing else: no EC2 principal.
     *
     * @param oidcIssuerUrl the cluster's issuer, with or without {@code https://}
     * @param clusterArn    the EKS cluster's ARN, as Pod Identity tags the session with it
     */
    public static PolicyDocument trust(JobRoleBinding binding, String oidcProviderArn, String oidcIssuerUrl, String namespace,
                                       String accountId, String roleName, String clusterArn) {
        var statements = new ArrayList<Statement>();
        if (binding.usesIrsa()) {
            statements.addAll(TrustPolicies.webIdentityLike(oidcProviderArn, TrustPolicies.issuerHostPath(oidcIssuerUrl),
                    irsaSubjectPattern(namespace, accountId, roleName)).statements());
        }
        if (binding.usesPodIdentity()) {
            statements.addAll(TrustPolicies.podIdentity(clusterArn, namespace, podIdentityServiceAccounts(accountId, roleName)).statements());
        }
        return PolicyDocument.of(statements);
    }

    /**
     * What a Spark job may do.
     *
     * @param jobBucketArn      the stack's bucket (scripts, outputs, logs): read and write
     * @param readBucketNames   other buckets jobs read input from
     * @param logGroupArn       the job log group's ARN as CloudWatch Logs returns it (no trailing {@code :*})
     * @param glueCatalogAccess whether jobs use the Glue Data Catalog as their metastore
     * @param scope             the stack's partition, Region and account (the read buckets' and Glue's ARNs)
     */
    public static PolicyDocument permissions(String jobBucketArn, List<String> readBucketNames, String logGroupArn,
                                             boolean glueCatalogAccess, AwsScope scope) {
        return permissions(jobBucketArn, java.util.Optional.empty(), readBucketNames, logGroupArn, glueCatalogAccess, scope);
    }

    /**
     * As above, with the job bucket limited to {@code dataPrefix} (a team's {@code teams/<team>/}) when present: objects
     * only under the prefix, listing only with an {@code s3:prefix} under it (the condition key ListBucket supports,
     * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html#amazons3-policy-keys).
     */
    public static PolicyDocument permissions(String jobBucketArn, java.util.Optional<String> dataPrefix, List<String> readBucketNames,
                                             String logGroupArn, boolean glueCatalogAccess, AwsScope scope) {
        var statements = new ArrayList<Statement>();
        if (dataPrefix.isEmpty()) {
            statements.add(Statement.allow("ListJobBucket")
                    .actions("s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads")
                    .resources(jobBucketArn));
        } else {
            statements.add(Statement.allow("LocateJobBucket")
                    .actions("s3:GetBucketLocation")
                    .resources(jobBucketArn));
            statements.add(Statement.allow("ListTeamPrefix")
                    .actions("s3:ListBucket")
                    .resources(jobBucketArn)
                    .condition("StringLike", "s3:prefix", List.of(dataPrefix.get() + "*")));
        }
        statements.add(Statement.allow(dataPrefix.isEmpty() ? "ReadWriteJobBucketObjects" : "ReadWriteTeamObjects")
                .actions("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts")
                .resources(jobBucketArn + "/" + dataPrefix.orElse("") + "*"));
        if (!readBucketNames.isEmpty()) {
            var bucketArns = readBucketNames.stream().map(scope::bucketArn).toList();
            statements.add(Statement.allow("ListReadBuckets")
                    .actions("s3:ListBucket", "s3:GetBucketLocation")
                    .resources(bucketArns));
            statements.add(Statement.allow("ReadReadBucketObjects")
                    .actions("s3:GetObject")
                    .resources(bucketArns.stream().map(arn -> arn + "/*").toList()));
        }
        // EMR's log shipper creates one stream per container in the existing group and appends to it
        // (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/creating-job-execution-role.html).
        statements.add(Statement.allow("WriteJobLogs")
                .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
                .resources(logGroupArn, logGroupArn + ":log-stream:*"));
        // The shipper looks its group up first. DescribeLogGroups is a list call without a resource type in the
        // Service Authorization Reference, so it only matches "*"; it reveals names, not contents.
        statements.add(Statement.allow("FindJobLogGroup")
                .actions("logs:DescribeLogGroups")
                .resources("*"));
        if (glueCatalogAccess) {
            // Spark's Glue catalog client (Hive metastore API): databases, tables, partitions and functions.
            // No DeleteDatabase: dropping a whole database is an administrator's act, not a job's.
            var glue = scope.arn("glue", "");
            statements.add(Statement.allow("UseGlueDataCatalog")
                    .actions("glue:GetDatabase", "glue:GetDatabases", "glue:CreateDatabase", "glue:UpdateDatabase",
                            "glue:GetTable", "glue:GetTables", "glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable",
                            "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition", "glue:CreatePartition",
                            "glue:BatchCreatePartition", "glue:UpdatePartition", "glue:DeletePartition", "glue:BatchDeletePartition",
                            "glue:GetUserDefinedFunction", "glue:GetUserDefinedFunctions")
                    .resources(glue + "catalog", glue + "database/*", glue + "table/*/*", glue + "userDefinedFunction/*/*"));
        }
        return PolicyDocument.of(statements);
    }
}
