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
 * buckets named in {@code jobReadBuckets} read-only, the stack's log group, and, only when asked for, the team's own
 * Glue database (read/write tables) plus the databases its config names (read-only).
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
     * @param glue              the team's Glue Data Catalog grant when its jobs use the catalog as their metastore
     * @param scope             the stack's partition, Region and account (the read buckets' and Glue's ARNs)
     */
    public static PolicyDocument permissions(String jobBucketArn, List<String> readBucketNames, String logGroupArn,
                                             java.util.Optional<GlueGrant> glue, AwsScope scope) {
        return permissions(jobBucketArn, java.util.Optional.empty(), readBucketNames, logGroupArn, glue, scope);
    }

    /**
     * As above, with the job bucket limited to {@code dataPrefix} (a team's {@code teams/<team>/}) when present: objects
     * only under the prefix, listing only with an {@code s3:prefix} under it (the condition key ListBucket supports,
     * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html#amazons3-policy-keys).
     */
    public static PolicyDocument permissions(String jobBucketArn, java.util.Optional<String> dataPrefix, List<String> readBucketNames,
                                             String logGroupArn, java.util.Optional<GlueGrant> glue, AwsScope scope) {
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
        glue.ifPresent(grant -> statements.addAll(glueStatements(grant, scope)));
        return PolicyDocument.of(statements);
    }

    /**
     * A team's place in the Glue Data Catalog: the one database it writes (created by the stack for it) and the
     * databases it may only read ({@code glueReadDatabases}).
     *
     * @param database      the team's own database ({@link EmrNames#glueDatabaseName})
     * @param readDatabases other databases of the account's catalog its jobs read, never write
     */
    public record GlueGrant(String database, List<String> readDatabases) {
        public GlueGrant {
            readDatabases = List.copyOf(readDatabases);
        }
    }

    /** The Glue actions Spark's catalog client (Hive metastore API) uses to read tables, partitions and functions. */
    static final List<String> GLUE_READ_ACTIONS = List.of("glue:GetTable", "glue:GetTables", "glue:GetTableVersion",
            "glue:GetTableVersions", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition",
            "glue:GetUserDefinedFunction", "glue:GetUserDefinedFunctions");

    /** What writing tables and partitions adds to reading them; no database-level write (the stack owns the databases). */
    static final List<String> GLUE_WRITE_ACTIONS = List.of("glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable",
            "glue:BatchDeleteTable", "glue:CreatePartition", "glue:BatchCreatePartition", "glue:UpdatePartition",
            "glue:BatchUpdatePartition", "glue:DeletePartition", "glue:BatchDeletePartition");

    /**
     * Glue checks an action on the resource and every ancestor: a table action needs the table, its database and the
     * catalog (https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html). So a statement naming
     * the catalog and one database's ARNs reaches that database only: writing to another team's database would need
     * its database and table ARNs, which no statement of this role names.
     */
    private static List<Statement> glueStatements(GlueGrant grant, AwsScope scope) {
        var glue = scope.arn("glue", "");
        var catalog = glue + "catalog";
        var statements = new ArrayList<Statement>();
        var visible = new ArrayList<String>(List.of(catalog, glue + "database/" + DEFAULT_DATABASE, glue + "database/" + grant.database()));
        grant.readDatabases().forEach(database -> visible.add(glue + "database/" + database));
        // Spark's session catalog looks up the `default` database when it starts, and `SHOW DATABASES` lists the
        // catalog (GetDatabases is an action on the catalog); both reveal names, not tables.
        statements.add(Statement.allow("FindGlueDatabases")
                .actions("glue:GetDatabase", "glue:GetDatabases")
                .resources(visible));
        var writeActions = new ArrayList<>(GLUE_READ_ACTIONS);
        writeActions.addAll(GLUE_WRITE_ACTIONS);
        statements.add(Statement.allow("WriteOwnGlueDatabase")
                .actions(writeActions)
                .resources(catalog, glue + "database/" + grant.database(), glue + "table/" + grant.database() + "/*",
                        glue + "userDefinedFunction/" + grant.database() + "/*"));
        if (!grant.readDatabases().isEmpty()) {
            var readResources = new ArrayList<String>(List.of(catalog));
            for (var database : grant.readDatabases()) {
                readResources.add(glue + "database/" + database);
                readResources.add(glue + "table/" + database + "/*");
                readResources.add(glue + "userDefinedFunction/" + database + "/*");
            }
            statements.add(Statement.allow("ReadGrantedGlueDatabases")
                    .actions(GLUE_READ_ACTIONS)
                    .resources(readResources));
        }
        return statements;
    }

    /** The database Spark and Hive use when a query names none; looked up at session start. */
    public static final String DEFAULT_DATABASE = "default";
}
