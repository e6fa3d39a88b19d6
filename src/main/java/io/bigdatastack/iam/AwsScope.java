package io.bigdatastack.iam;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.core.Output;

/**
 * Partition, Region and account a policy is written for, and the ARNs built from them, so documents name this
 * account's resources instead of {@code arn:aws:<service>:*:*:...}. ARN formats follow the Service Authorization
 * Reference (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 *
 * <p>One per stack: {@code BigDataStack} calls {@link #lookup} once and hands the result to every component that writes
 * an ARN; nothing else calls {@code getPartition} or {@code getCallerIdentity}, and no code writes {@code arn:aws:}.
 *
 * @param partition the AWS partition, e.g. {@code aws}, {@code aws-cn}, {@code aws-us-gov}
 * @param region    the Region code, e.g. {@code eu-west-1}
 * @param accountId the 12-digit account ID the stack deploys to
 */
public record AwsScope(String partition, String region, String accountId) {

    /** The partition of every Region this program accepts (config refuses GovCloud and China Regions). */
    public static final String COMMERCIAL_PARTITION = "aws";

    /** Partition and account from the AWS provider's credentials, Region from config: the stack's one lookup. */
    public static Output<AwsScope> lookup(String region) {
        var partition = AwsFunctions.getPartition(GetPartitionArgs.builder().build());
        var identity = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build());
        return Output.tuple(partition, identity).applyValue(t -> new AwsScope(t.t1.partition(), region, t.t2.accountId()));
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}, e.g. {@code arn("ec2", "subnet/*")}. */
    public String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    /** IAM is global: {@code arn:<partition>:iam::<account>:<resource>}. */
    public String iamArn(String resource) {
        return "arn:" + partition + ":iam::" + accountId + ":" + resource;
    }

    /** AWS managed policies live in the {@code aws} account: {@code arn:<partition>:iam::aws:policy/<path and name>}. */
    public String awsManagedPolicyArn(String pathAndName) {
        return "arn:" + partition + ":iam::aws:policy/" + pathAndName;
    }

    /** EKS access policies are AWS's: {@code arn:<partition>:eks::aws:cluster-access-policy/<name>}. */
    public String eksAccessPolicyArn(String name) {
        return "arn:" + partition + ":eks::aws:cluster-access-policy/" + name;
    }

    /** S3 bucket ARNs carry neither Region nor account. */
    public String bucketArn(String bucketName) {
        return "arn:" + partition + ":s3:::" + bucketName;
    }

    /** Every resource of one service in this Region and account: the {@code aws:SourceArn} pattern of service trusts. */
    public String anyResourceOf(String service) {
        return arn(service, "*");
    }
}
