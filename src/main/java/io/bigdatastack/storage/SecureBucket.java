package io.bigdatastack.storage;

import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.bigdatastack.iam.PolicyDocument;
import io.bigdatastack.iam.PolicyDocument.Statement;
import io.bigdatastack.protection.Stateful;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one way this program makes a bucket: never public, encrypted, TLS only, versioned or not, and either
 * protected (kept on delete) or destroyable with its contents. The policy pack's S3 rules check exactly these
 * companions (https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html).
 *
 * @param bucket            the bucket
 * @param publicAccessBlock its public access block, for resources that must wait for it
 * @param policy            its one bucket policy, for resources a service creates only once the policy grants it access
 */
public record SecureBucket(BucketV2 bucket, BucketPublicAccessBlock publicAccessBlock, BucketPolicy policy) {

    /**
     * Creates the bucket and its companions as children of {@code parent}, named {@code <logicalName>-...}.
     *
     * @param bucketName physical name (globally unique: derive it from project, stack and account)
     * @param versioned  keep old object versions ({@code Enabled}), or not ({@code Suspended})
     * @param protect    {@code protect} + {@code retainOnDelete} on the bucket and its settings ({@link Stateful}); otherwise
     *                   {@code forceDestroy}, so {@code pulumi destroy} empties and deletes it
     * @param role         the bucket's entry in the list of stateful resources
     * @param settingsRole the entry of its companions (access block, encryption, versioning, policy)
     */
    public static SecureBucket create(String logicalName, Output<String> bucketName, boolean versioned, boolean protect,
                                      Stateful role, Stateful settingsRole, Map<String, String> tags, Resource parent) {
        return create(logicalName, bucketName, versioned, protect, role, settingsRole, tags, parent, Output.of(List.of()));
    }

    /**
     * As {@link #create(String, Output, boolean, boolean, Stateful, Stateful, Map, Resource)}, with more statements in the
     * bucket's one policy after the TLS-only deny (a bucket has a single policy: a second BucketPolicy would replace
     * it), e.g. the grant a delivering AWS service needs.
     *
     * @param moreStatements the statements to add (they name the bucket by its ARN, known from its name)
     */
    public static SecureBucket create(String logicalName, Output<String> bucketName, boolean versioned, boolean protect,
                                      Stateful role, Stateful settingsRole, Map<String, String> tags, Resource parent,
                                      Output<List<Statement>> moreStatements) {
        var stateful = settingsRole.options(protect, parent).build();
        var bucket = new BucketV2(logicalName, BucketV2Args.builder()
                .bucket(bucketName)
                .forceDestroy(!protect)
                .tags(tags)
                .build(), role.options(protect, parent).build());
        var publicAccessBlock = new BucketPublicAccessBlock(logicalName + "-public-access-block", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), stateful);
        new BucketServerSideEncryptionConfigurationV2(logicalName + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        // SSE-S3: encrypted at rest without a KMS key every reader would also need grants on.
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                .sseAlgorithm("AES256")
                                .build())
                        .build())
                .build(), stateful);
        new BucketVersioningV2(logicalName + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                        .status(versioned ? "Enabled" : "Suspended")
                        .build())
                .build(), stateful);
        var policy = new BucketPolicy(logicalName + "-tls-only", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(Output.tuple(bucket.arn(), moreStatements).applyValue(t -> {
                    var statements = new ArrayList<>(tlsOnlyPolicy(t.t1).statements());
                    statements.addAll(t.t2);
                    return PolicyDocument.of(statements).toJson();
                }))
                .build(), settingsRole.options(protect, parent)
                // S3 rejects a bucket policy while the public access block is being changed: one after the other.
                .dependsOn(publicAccessBlock)
                .build());
        return new SecureBucket(bucket, publicAccessBlock, policy);
    }

    /** Deny every request over plain HTTP. */
    public static PolicyDocument tlsOnlyPolicy(String bucketArn) {
        return PolicyDocument.of(Statement.deny("DenyInsecureTransport")
                .principal("AWS", "*")
                .actions("s3:*")
                .resources(bucketArn, bucketArn + "/*")
                .condition("Bool", "aws:SecureTransport", "false"));
    }
}
