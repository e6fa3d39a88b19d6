package io.bigdatastack.emr;

import java.util.List;
import java.util.Optional;

/**
 * What the EMR component builds for one data team.
 *
 * @param name             the team's name (renaming a team replaces its namespace, virtual cluster, role and template)
 * @param namespace        its Kubernetes namespace
 * @param jobRoleName      its job execution role
 * @param dataPrefix       its prefix of the job bucket ({@code teams/<team>/}); empty for the one default team of a
 *                         stack without {@code teams}, which keeps today's whole-bucket access and log locations
 * @param readBuckets      other buckets its jobs read (changing them updates its role's policy in place)
 * @param glueCatalogAccess whether its jobs may use this account's Glue Data Catalog in the Region (an update in place)
 * @param secretReadBuckets whether {@code readBuckets} came from a secret (the policy document stays secret)
 * @param cpuQuota         ResourceQuota {@code requests.cpu} as a Kubernetes quantity, e.g. {@code 32}, when given (no
 *                         quota on {@code limits.cpu}: Spark is sized by requests, a CPU limit only throttles)
 * @param memoryQuota      ResourceQuota {@code requests.memory} and {@code limits.memory} as a Kubernetes quantity, e.g.
 *                         {@code 128Gi}, when given (quotas update in place)
 * @param cpuQuotaMillis   {@code cpuQuota}'s value in millicores (parsed by the configuration), for the job defaults
 * @param memoryQuotaMebibytes {@code memoryQuota}'s value in MiB, rounded down
 * @param studioGroups     Identity Center groups whose Studio session reaches only this team's virtual cluster
 * @param glueReadDatabases Glue databases its jobs may read besides its own (a policy update in place)
 */
public record TeamSpec(String name, String namespace, String jobRoleName, Optional<String> dataPrefix, List<String> readBuckets,
                       boolean glueCatalogAccess, boolean secretReadBuckets, Optional<String> cpuQuota, Optional<String> memoryQuota,
                       List<String> studioGroups, List<String> glueReadDatabases, java.util.OptionalLong cpuQuotaMillis, java.util.OptionalLong memoryQuotaMebibytes) {

    public TeamSpec {
        if (cpuQuota.isPresent() != cpuQuotaMillis.isPresent() || memoryQuota.isPresent() != memoryQuotaMebibytes.isPresent()) {
            throw new IllegalArgumentException("team " + name + ": a quota needs both its text and its value");
        }
        readBuckets = List.copyOf(readBuckets);
        studioGroups = List.copyOf(studioGroups);
        glueReadDatabases = List.copyOf(glueReadDatabases);
    }

    /** The team's own Glue database: the stack's for the default team, {@code <stack>__<team>} for a team of {@code teams}. */
    public String glueDatabase(String namePrefix) {
        return EmrNames.glueDatabaseName(namePrefix, dataPrefix.isPresent() ? Optional.of(name) : Optional.empty());
    }

    /** What the team's role may do in the Glue Data Catalog; empty without {@code glueCatalogAccess}. */
    public Optional<JobRolePolicies.GlueGrant> glueGrant(String namePrefix) {
        return glueCatalogAccess ? Optional.of(new JobRolePolicies.GlueGrant(glueDatabase(namePrefix), glueReadDatabases)) : Optional.empty();
    }

    /** CloudWatch stream prefix of the team's jobs: today's {@code spark} for the default team, else the team's name. */
    public String logStreamPrefix() {
        return dataPrefix.isPresent() ? name : SampleSparkJob.LOG_STREAM_PREFIX;
    }

    /** Where the team uploads its job code in the job bucket: {@code teams/<team>/jobs/}, or {@code jobs/} for the default team. */
    public String codePrefix() {
        return dataPrefix.orElse("") + "jobs/";
    }
}
