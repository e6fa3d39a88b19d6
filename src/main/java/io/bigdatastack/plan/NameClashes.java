package io.bigdatastack.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Names that two stacks of the project would both ask AWS for. Every physical name starts with {@code <project>-<stack>-},
 * yet names of different stacks can meet: a stack name followed by a team name can spell another stack's name (stack
 * {@code prod} with a team {@code eu} and stack {@code prod-eu} both ask for the role {@code big-data-stack-prod-eu-emr-job}),
 * two stacks can set the same {@code clusterName}, IAM ignores case ({@code Prod} and {@code prod}), and names AWS
 * allows no '-' in turn it into '_'. In one account the second {@code pulumi up} then fails with "already exists" or,
 * for the services whose create call returns an existing resource of that name, quietly shares the first stack's.
 * Offline, only {@code plan --all} sees every stack file, so it reports them.
 */
public final class NameClashes {

    /** Where AWS keeps a name unique. */
    public enum Scope {
        /** Unique in the account, whatever the Region; compared without case where the service ignores it. */
        ACCOUNT,
        /** Unique across all accounts (S3 bucket names). */
        GLOBAL,
        /** Unique in the account and Region. */
        REGION
    }

    /** Where a type's own name is, and where AWS keeps it unique. */
    public record NameRule(String input, Scope scope, boolean ignoresCase) {
    }

    /**
     * The types of the program that ask AWS for a name unique in a scope, by type: IAM names are unique in the account
     * and "not distinguished by case" (IAM identifiers); bucket names are global; Budgets and CUR 2.0 exports are
     * account-wide (the export lives in us-east-1 whatever the stack's Region); the rest are per Region. SQS queues,
     * EventBridge rules and SNS topics do not fail on an existing name: CreateQueue returns the queue, PutRule
     * overwrites the rule, CreateTopic returns the topic.
     */
    public static final Map<String, NameRule> ACCOUNT_NAMES = Map.ofEntries(
            Map.entry("aws:iam/role:Role", new NameRule("name", Scope.ACCOUNT, true)),
            Map.entry("aws:iam/policy:Policy", new NameRule("name", Scope.ACCOUNT, true)),
            Map.entry("aws:iam/instanceProfile:InstanceProfile", new NameRule("name", Scope.ACCOUNT, true)),
            Map.entry("aws:budgets/budget:Budget", new NameRule("name", Scope.ACCOUNT, false)),
            Map.entry("aws:bcmdata/export:Export", new NameRule("export.name", Scope.ACCOUNT, false)),
            Map.entry("aws:s3/bucketV2:BucketV2", new NameRule("bucket", Scope.GLOBAL, false)),
            Map.entry("aws:eks/cluster:Cluster", new NameRule("name", Scope.REGION, false)),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", new NameRule("name", Scope.REGION, false)),
            Map.entry("aws:cloudformation/stack:Stack", new NameRule("name", Scope.REGION, false)),
            Map.entry("aws:glue/catalogDatabase:CatalogDatabase", new NameRule("name", Scope.REGION, false)),
            Map.entry("aws:athena/workgroup:Workgroup", new NameRule("name", Scope.REGION, false)),
            Map.entry("aws:sqs/queue:Queue", new NameRule("name", Scope.REGION, false)),
            Map.entry("aws:cloudwatch/eventRule:EventRule", new NameRule("name", Scope.REGION, false)),
            Map.entry("aws:sns/topic:Topic", new NameRule("name", Scope.REGION, false)));

    /**
     * Types with a name input that is not a name of their own in the account: a name inside a parent (an inline role
     * policy in its role, a session mapping in its Studio, a Glue table in its database), a name AWS completes with a
     * unique suffix (a security group's {@code namePrefix}), the bucket an S3 setting or object belongs to, or a name
     * the service does not require to be unique (EMR Studio, EMR on EKS virtual clusters, Service Catalog products and
     * portfolios, which have IDs). NameClashesTest holds every type of the plans to one of the two lists.
     */
    public static final Set<String> NOT_ACCOUNT_NAMES = Set.of(
            "aws:iam/rolePolicy:RolePolicy", "aws:emr/studioSessionMapping:StudioSessionMapping",
            "aws:glue/catalogTable:CatalogTable", "aws:ec2/securityGroup:SecurityGroup",
            "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "aws:s3/bucketObjectv2:BucketObjectv2",
            "aws:s3/bucketPolicy:BucketPolicy", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
            "aws:s3/bucketVersioningV2:BucketVersioningV2", "aws:emr/studio:Studio",
            "aws:emrcontainers/virtualCluster:VirtualCluster", "aws:servicecatalog/product:Product",
            "aws:servicecatalog/portfolio:Portfolio");

    /** A planned stack, the Region its provider deploys to, and its account when the stack file names one. */
    public record PlannedStack(String stack, String region, Optional<String> account, Plan plan) {
    }

    /** A name {@code resource} (its type and logical name) asks AWS for. */
    public record NameAsked(String name, String type, String resource) {
    }

    private NameClashes() {
    }

    /** The account of an IAM role ARN ({@code arn:<partition>:iam::<account>:role/...}). */
    public static Optional<String> accountOf(String roleArn) {
        var matcher = java.util.regex.Pattern.compile("^arn:[a-z-]+:iam::(\\d{12}):role/.+").matcher(roleArn);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The names the resources of {@code plan} ask for, by {@link #ACCOUNT_NAMES}, sorted by name. */
    public static List<NameAsked> namesAsked(Plan plan) {
        var names = new ArrayList<NameAsked>();
        for (var r : plan.resources()) {
            var rule = ACCOUNT_NAMES.get(r.type());
            if (rule == null || !r.custom()) {
                continue;
            }
            r.input(rule.input()).filter(v -> v.isJsonPrimitive() && !Plan.SECRET.equals(v.getAsString()))
                    .ifPresent(v -> names.add(new NameAsked(v.getAsString(), r.type(), r.name())));
        }
        names.sort(java.util.Comparator.comparing(NameAsked::name));
        return names;
    }

    /**
     * One line per name of one type that stacks which may share an account ask for in the same scope: two stacks whose
     * files name different accounts never clash, two in different Regions share only their account-wide and global names.
     */
    public static List<String> between(List<PlannedStack> stacks) {
        var askedBy = new TreeMap<String, List<String>>();
        var stacksAsking = new TreeMap<String, List<PlannedStack>>();
        for (var stack : stacks) {
            for (var asked : namesAsked(stack.plan())) {
                var rule = ACCOUNT_NAMES.get(asked.type());
                var name = rule.ignoresCase() ? asked.name().toLowerCase(Locale.ROOT) : asked.name();
                var scope = rule.scope() == Scope.REGION ? stack.region() : rule.scope().name().toLowerCase(Locale.ROOT);
                var key = asked.type() + " " + name + " (" + scope + ")";
                askedBy.computeIfAbsent(key, k -> new ArrayList<>()).add(stack.stack() + " (" + asked.resource() + ")");
                stacksAsking.computeIfAbsent(key, k -> new ArrayList<>()).add(stack);
            }
        }
        var clashes = new ArrayList<String>();
        askedBy.forEach((key, resources) -> {
            if (mayShareAnAccount(stacksAsking.get(key))) {
                clashes.add(key + " asked for by " + String.join(", ", resources));
            }
        });
        return clashes;
    }

    /** Two different stacks of which neither names an account, or both name the same one. */
    private static boolean mayShareAnAccount(List<PlannedStack> stacks) {
        var distinct = new TreeSet<String>();
        stacks.forEach(s -> distinct.add(s.stack()));
        if (distinct.size() < 2) {
            return false;
        }
        var unknown = stacks.stream().filter(s -> s.account().isEmpty()).map(PlannedStack::stack).distinct().count();
        var known = stacks.stream().filter(s -> s.account().isPresent()).toList();
        var knownAccounts = known.stream().map(s -> s.account().get()).distinct().count();
        var knownStacks = known.stream().map(PlannedStack::stack).distinct().count();
        return unknown > 0 || knownAccounts < knownStacks;
    }
}
