package io.bigdatastack.studio;

import com.pulumi.core.Output;
import io.bigdatastack.iam.AwsScope;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link ClusterCatalog}.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
 */
public final class ClusterCatalogArgs {

    private final Output<AwsScope> scope;
    private final Output<String> bucketName;
    private final Output<String> bucketRegionalDomainName;
    private final Output<List<String>> subnetIds;
    private final Optional<Output<String>> portfolioPrincipalArn;
    private final String project;
    private final String stack;
    private final String namePrefix;
    private final Map<String, String> tags;

    private ClusterCatalogArgs(Builder b) {
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.bucketName = Objects.requireNonNull(b.bucketName, "bucketName");
        this.bucketRegionalDomainName = Objects.requireNonNull(b.bucketRegionalDomainName, "bucketRegionalDomainName");
        this.subnetIds = Objects.requireNonNull(b.subnetIds, "subnetIds");
        this.portfolioPrincipalArn = Objects.requireNonNull(b.portfolioPrincipalArn, "portfolioPrincipalArn");
        this.project = Objects.requireNonNull(b.project, "project");
        this.stack = Objects.requireNonNull(b.stack, "stack");
        this.namePrefix = Objects.requireNonNull(b.namePrefix, "namePrefix");
        this.tags = Map.copyOf(b.tags);
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** See {@link Builder#scope}. */
    public Output<AwsScope> scope() { return scope; }
    /** See {@link Builder#bucketName}. */
    public Output<String> bucketName() { return bucketName; }
    /** See {@link Builder#bucketRegionalDomainName}. */
    public Output<String> bucketRegionalDomainName() { return bucketRegionalDomainName; }
    /** See {@link Builder#subnetIds}. */
    public Output<List<String>> subnetIds() { return subnetIds; }
    /** See {@link Builder#portfolioPrincipalArn}. */
    public Optional<Output<String>> portfolioPrincipalArn() { return portfolioPrincipalArn; }
    /** See {@link Builder#project}. */
    public String project() { return project; }
    /** See {@link Builder#stack}. */
    public String stack() { return stack; }
    /** See {@link Builder#namePrefix}. */
    public String namePrefix() { return namePrefix; }
    /** See {@link Builder#tags}. */
    public Map<String, String> tags() { return tags; }

    public static final class Builder {
        private Output<AwsScope> scope;
        private Output<String> bucketName;
        private Output<String> bucketRegionalDomainName;
        private Output<List<String>> subnetIds;
        private Optional<Output<String>> portfolioPrincipalArn = Optional.empty();
        private String project;
        private String stack;
        private String namePrefix;
        private Map<String, String> tags = Map.of();

        /** The stack's partition, Region and account ({@link AwsScope#lookup}) the policies are written for. */
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        /**
         * Name of the Studio bucket; it receives the template under {@code servicecatalog/} and the clusters' logs
         * under {@code emr-logs/}. A new bucket replaces the template object and the product.
         */
        public Builder bucketName(Output<String> value) { this.bucketName = value; return this; }
        /**
         * The Studio bucket's Region-qualified host name ({@code <bucket>.s3.<region>.amazonaws.com}), for the
         * product's template URL.
         */
        public Builder bucketRegionalDomainName(Output<String> value) { this.bucketRegionalDomainName = value; return this; }
        /**
         * Subnet IDs of the Studio's private subnets; launched clusters default to the first. Changing them changes the
         * template, which replaces the product.
         */
        public Builder subnetIds(Output<List<String>> value) { this.subnetIds = value; return this; }
        /**
         * The IAM principal given access to the portfolio (the Studio user role with SSO); empty for none. Changing it
         * replaces the principal association.
         */
        public Builder portfolioPrincipalArn(Optional<Output<String>> value) { this.portfolioPrincipalArn = value; return this; }
        /**
         * Project name, a tag value the launched clusters carry. Changing it changes the template, which replaces the
         * product.
         */
        public Builder project(String value) { this.project = value; return this; }
        /**
         * Stack name, a tag value the launched clusters carry. Changing it changes the template, which replaces the
         * product.
         */
        public Builder stack(String value) { this.stack = value; return this; }
        /**
         * Prefix of physical names (portfolio, product, roles), e.g. {@code big-data-stack-dev}. Changing it replaces
         * the roles and the product.
         */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        /** Tags for every taggable resource. Changing them updates in place. */
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public ClusterCatalogArgs build() { return new ClusterCatalogArgs(this); }
    }
}
