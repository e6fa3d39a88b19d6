package io.bigdatastack.iam;

/**
 * Partition, Region and account a policy is written for, and the ARNs built from them, so documents name this
 * account's resources instead of {@code arn:aws:<service>:*:*:...}. ARN formats follow the Service Authorization
 * Reference (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 */
public record AwsScope(String partition, String region, String accountId) {

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

    /** S3 bucket ARNs carry neither Region nor account. */
    public String bucketArn(String bucketName) {
        return "arn:" + partition + ":s3:::" + bucketName;
    }

    /** Every resource of one service in this Region and account: the {@code aws:SourceArn} pattern of service trusts. */
    public String anyResourceOf(String service) {
        return arn(service, "*");
    }
}
