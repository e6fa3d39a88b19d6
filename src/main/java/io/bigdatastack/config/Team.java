package io.bigdatastack.config;

import java.util.List;
import java.util.Optional;

/**
 * One data team of the platform: its Kubernetes namespace (named for the team), quotas, and what its job role may
 * read besides its own prefix of the job bucket.
 *
 * @param name              RFC 1123 label, unique in the stack; also the namespace name for a team of {@code teams}
 * @param namespace         the team's Kubernetes namespace
 * @param cpuQuota          the namespace ResourceQuota's {@code requests.cpu} (a Kubernetes quantity; no {@code limits.cpu} quota)
 * @param memoryQuota       the namespace ResourceQuota's {@code requests.memory} and {@code limits.memory}
 * @param readBuckets       other buckets the team's jobs read (read-only), as {@code jobReadBuckets}
 * @param glueCatalogAccess whether the team's jobs use the Glue Data Catalog
 * @param studioGroups      IAM Identity Center groups whose Studio session policy reaches only this team's virtual cluster
 * @param monthlyBudget     the team's monthly AWS Budgets limit in USD ({@code teams[i].monthlyBudget}), if it has one
 * @param budgetEmails      addresses the team's budget alerts go to besides the stack's budget topic
 * @param glueReadDatabases Glue databases the team's jobs read besides their own (with {@code glueCatalogAccess})
 * @param fromTeamsKey      false for the one team built from {@code emrNamespace}/{@code jobReadBuckets}/{@code glueCatalogAccess}
 *                          when {@code teams} is not set: that team keeps today's resources, names and whole-bucket access
 */
public record Team(String name, String namespace, Optional<String> cpuQuota, Optional<String> memoryQuota,
                   List<String> readBuckets, boolean glueCatalogAccess, List<String> studioGroups, boolean fromTeamsKey,
                   Optional<java.math.BigDecimal> monthlyBudget, List<String> budgetEmails,
                   List<String> glueReadDatabases) {

    public Team {
        readBuckets = List.copyOf(readBuckets);
        studioGroups = List.copyOf(studioGroups);
        budgetEmails = List.copyOf(budgetEmails);
        glueReadDatabases = List.copyOf(glueReadDatabases);
    }

    /** The S3 key prefix of the team's scripts, data and logs in the job bucket ({@code teams/<team>/}). */
    public String dataPrefix() {
        return "teams/" + name + "/";
    }

    public boolean hasQuota() {
        return cpuQuota.isPresent() || memoryQuota.isPresent();
    }
}
