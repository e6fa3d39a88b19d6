package io.bigdatastack.emr;

import io.bigdatastack.iam.PolicyDocument;
import io.bigdatastack.iam.PolicyDocument.Statement;
import io.bigdatastack.naming.PhysicalNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The managed policy a team's people or CI attach to submit the team's jobs: start and watch jobs on the team's virtual
 * cluster with the team's execution role only, upload code to the team's code prefix, read the team's logs. Nothing
 * else: no other virtual cluster, role, prefix or log stream, no {@code iam:PassRole} (EMR on EKS does not need it: it
 * checks the execution role through the {@code emr-containers:ExecutionRoleArn} condition key instead).
 *
 * <p>Actions, resources and condition keys as the Service Authorization Reference lists them for EMR on EKS
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonemroneksemrcontainers.html):
 * StartJobRun acts on a virtual cluster and takes {@code emr-containers:ExecutionRoleArn} and
 * {@code emr-containers:JobTemplateArn}; DescribeJobRun and CancelJobRun act on job runs
 * ({@code .../virtualclusters/<id>/jobruns/<job>}); DescribeJobTemplate on the template. AWS's guide on job templates
 * (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/iam-job-template.html) warns that a template
 * alone does not fix the role when the role is a template parameter, so every StartJobRun statement pins the role.
 */
public final class SubmitterPolicies {

    private SubmitterPolicies() {
    }

    /** The managed policy's name: {@code <prefix>-<team>-job-submitter}, or {@code <prefix>-job-submitter} for the default team. */
    public static String policyName(String namePrefix, TeamSpec team) {
        return PhysicalNames.fit(namePrefix + (team.dataPrefix().isPresent() ? "-" + team.name() : "") + "-job-submitter",
                PhysicalNames.IAM_POLICY_NAME_MAX);
    }

    /**
     * The submitter document.
     *
     * @param virtualClusterArn the team's virtual cluster
     * @param executionRoleArn  the team's job execution role
     * @param jobTemplateArn    the team's job template, when the stack has one
     * @param bucketArn         the job bucket
     * @param logGroupArn       the job log group (without a trailing {@code :*})
     */
    public static PolicyDocument document(TeamSpec team, String virtualClusterArn, String executionRoleArn, Optional<String> jobTemplateArn,
                                          String bucketArn, String logGroupArn) {
        var statements = new ArrayList<Statement>();
        // Direct submissions (the sample command): the request names the role, and it must be the team's.
        statements.add(Statement.allow("StartJobsWithTheTeamRole")
                .actions("emr-containers:StartJobRun")
                .resources(virtualClusterArn)
                .condition("ArnEquals", "emr-containers:ExecutionRoleArn", executionRoleArn));
        jobTemplateArn.ifPresent(template -> {
            // Submissions from the team's template, whose role is fixed (not a parameter): a request that names a role
            // anyway must name the team's.
            statements.add(Statement.allow("StartJobsFromTheTeamTemplate")
                    .actions("emr-containers:StartJobRun")
                    .resources(virtualClusterArn)
                    .condition("ArnEquals", "emr-containers:JobTemplateArn", template)
                    .condition("ArnEqualsIfExists", "emr-containers:ExecutionRoleArn", executionRoleArn));
            statements.add(Statement.allow("ReadTheTeamTemplate")
                    .actions("emr-containers:DescribeJobTemplate")
                    .resources(template));
        });
        statements.add(Statement.allow("WatchTheTeamJobs")
                .actions("emr-containers:DescribeJobRun", "emr-containers:CancelJobRun")
                .resources(virtualClusterArn + "/jobruns/*"));
        statements.add(Statement.allow("ListTheTeamJobs")
                .actions("emr-containers:DescribeVirtualCluster", "emr-containers:ListJobRuns")
                .resources(virtualClusterArn));
        var logsPrefix = team.dataPrefix().orElse("") + EmrNames.LOGS_PREFIX;
        statements.add(Statement.allow("UploadTheTeamCode")
                .actions("s3:PutObject", "s3:GetObject")
                .resources(bucketArn + "/" + team.codePrefix() + "*"));
        statements.add(Statement.allow("ReadTheTeamS3Logs")
                .actions("s3:GetObject")
                .resources(bucketArn + "/" + logsPrefix + "*"));
        statements.add(Statement.allow("ListTheTeamPrefixes")
                .actions("s3:ListBucket")
                .resources(bucketArn)
                .condition("StringLike", "s3:prefix", List.of(team.codePrefix() + "*", logsPrefix + "*")));
        // GetLogEvents is granted per stream: the log group is shared by all teams, and FilterLogEvents (whole group)
        // would read theirs. DescribeLogStreams lists stream names only, so a user can find a job's streams.
        statements.add(Statement.allow("ReadTheTeamLogStreams")
                .actions("logs:GetLogEvents")
                .resources(logGroupArn + ":log-stream:" + team.logStreamPrefix() + "/*"));
        statements.add(Statement.allow("FindTheTeamLogStreams")
                .actions("logs:DescribeLogStreams")
                .resources(logGroupArn));
        return PolicyDocument.of(statements);
    }
}
