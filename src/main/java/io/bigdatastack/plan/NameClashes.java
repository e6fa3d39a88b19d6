package io.bigdatastack.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names that two stacks of the project would both ask AWS for. Every physical name starts with {@code <project>-<stack>-},
 * but stack names and team names may both contain '-': stack {@code prod} with a team {@code eu} and a stack
 * {@code prod-eu} both ask for the role {@code big-data-stack-prod-eu-emr-job}. Deployed to one account, the second
 * {@code pulumi up} fails part-way with "already exists". Offline, only {@code plan --all} sees every stack file, so it
 * reports them; whether two stacks share an account is not in the stack files, so it warns rather than refuses.
 */
public final class NameClashes {

    /** Inputs that carry a name AWS keeps unique (per account and Region, per account, or globally for buckets). */
    public static final Set<String> UNIQUE_NAME_INPUTS = Set.of("name", "bucket");
    /** Inputs AWS completes with a unique suffix: the same prefix twice never fails, but still says whose it is. */
    public static final Set<String> NAME_PREFIX_INPUTS = Set.of("namePrefix", "bucketPrefix");
    /**
     * Types whose name lives inside another resource, not in the account: an inline role policy (in its role), a Studio
     * session mapping (in its Studio), a security group (in its VPC, which each stack has of its own).
     */
    public static final Set<String> SCOPED_TYPES = Set.of("aws:iam/rolePolicy:RolePolicy",
            "aws:emr/studioSessionMapping:StudioSessionMapping", "aws:ec2/securityGroup:SecurityGroup");

    /** A planned stack and the Region its provider deploys to. */
    public record PlannedStack(String stack, String region, Plan plan) {
    }

    private NameClashes() {
    }

    /** A name {@code resource} (its type and logical name) asks AWS for. */
    public record NameAsked(String name, String type, String resource) {

        /** Where AWS keeps the name unique: IAM per account, S3 buckets globally, the rest per account and Region. */
        String scope(String region) {
            if (type.startsWith("aws:iam/")) {
                return "account";
            }
            return type.startsWith("aws:s3/") ? "global" : region;
        }
    }

    /** The names the AWS resources of {@code plan} ask for in {@code inputs}, sorted by name. */
    public static List<NameAsked> namesAsked(Plan plan, Set<String> inputs) {
        var names = new ArrayList<NameAsked>();
        for (var r : plan.resources()) {
            if (!r.custom() || !r.type().startsWith("aws:") || SCOPED_TYPES.contains(r.type())) {
                continue;
            }
            for (var input : inputs) {
                r.input(input).filter(v -> v.isJsonPrimitive() && !Plan.SECRET.equals(v.getAsString()))
                        .ifPresent(v -> names.add(new NameAsked(v.getAsString(), r.type(), r.name())));
            }
        }
        names.sort(java.util.Comparator.comparing(NameAsked::name));
        return names;
    }

    /**
     * One line per name of one type that more than one stack asks for in the same scope ({@link NameAsked#scope}): two
     * stacks in different Regions share only their IAM and bucket names.
     */
    public static List<String> between(List<PlannedStack> stacks) {
        var askedBy = new TreeMap<String, List<String>>();
        var stacksAsking = new TreeMap<String, Set<String>>();
        for (var stack : stacks) {
            for (var asked : namesAsked(stack.plan(), UNIQUE_NAME_INPUTS)) {
                // Each type has its names to itself: a virtual cluster may share an EKS cluster's name.
                var key = asked.type() + " " + asked.name() + " (" + asked.scope(stack.region()) + ")";
                askedBy.computeIfAbsent(key, k -> new ArrayList<>()).add(stack.stack() + " (" + asked.resource() + ")");
                stacksAsking.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(stack.stack());
            }
        }
        var clashes = new ArrayList<String>();
        askedBy.forEach((name, resources) -> {
            if (stacksAsking.get(name).size() > 1) {
                clashes.add(name + " asked for by " + String.join(", ", resources));
            }
        });
        return clashes;
    }
}
