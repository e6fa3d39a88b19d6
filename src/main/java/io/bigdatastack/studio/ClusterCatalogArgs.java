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
 * <ul>
 *   <li>{@code scope}: partition, Region and account the policies are written for.</li>
 *   <li>{@code subnetIds}: the Studio's private subnets; launched clusters default to the first.</li>
 *   <li>{@code bucketName}, {@code bucketRegionalDomainName}: the Studio bucket; it receives the template under
 *       {@code servicecatalog/} and the clusters' logs under {@code emr-logs/}.</li>
 *   <li>{@code portfolioPrincipalArn}: the IAM principal given access to the portfolio (the Studio user role with
 *       SSO); empty for none.</li>
 *   <li>{@code project}, {@code stack}: tag values the launched clusters carry.</li>
 *   <li>{@code namePrefix}: prefix of physical names, e.g. {@code big-data-stack-dev}.</li>
 *   <li>{@code tags}: tags for every taggable resource.</li>
 * </ul>
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

    public static Builder builder() {
        return new Builder();
    }

    public Output<AwsScope> scope() { return scope; }
    public Output<String> bucketName() { return bucketName; }
    public Output<String> bucketRegionalDomainName() { return bucketRegionalDomainName; }
    public Output<List<String>> subnetIds() { return subnetIds; }
    public Optional<Output<String>> portfolioPrincipalArn() { return portfolioPrincipalArn; }
    public String project() { return project; }
    public String stack() { return stack; }
    public String namePrefix() { return namePrefix; }
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

        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        public Builder bucketName(Output<String> value) { this.bucketName = value; return this; }
        public Builder bucketRegionalDomainName(Output<String> value) { this.bucketRegionalDomainName = value; return this; }
        public Builder subnetIds(Output<List<String>> value) { this.subnetIds = value; return this; }
        public Builder portfolioPrincipalArn(Optional<Output<String>> value) { this.portfolioPrincipalArn = value; return this; }
        public Builder project(String value) { this.project = value; return this; }
        public Builder stack(String value) { this.stack = value; return this; }
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        public ClusterCatalogArgs build() { return new ClusterCatalogArgs(this); }
    }
}
