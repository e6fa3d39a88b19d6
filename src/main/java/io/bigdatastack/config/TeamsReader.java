package io.bigdatastack.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.bigdatastack.emr.EmrNames;
import io.bigdatastack.naming.StackNaming;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the structured {@code teams} key. The Pulumi CLI hands a structured value (set in the stack file as a YAML list
 * of maps, or with {@code pulumi config set --path 'teams[0].name' analytics}) to the program as JSON text, and
 * {@code plan}'s StackFiles does the same, so one parser serves both. Every problem names its key path, e.g.
 * {@code big-data-stack:teams[1].name}, in the notation {@code --path} uses.
 */
final class TeamsReader {

    static final Set<String> FIELDS = Set.of("name", "cpuQuota", "memoryQuota", "readBuckets", "glueCatalogAccess", "studioGroups",
            "monthlyBudget", "budgetEmails", "glueReadDatabases");

    private TeamsReader() {
    }

    /**
     * The teams of the stack: those of {@code teams} when it is set, otherwise one team from today's keys.
     *
     * @param defaultTeam the team built from {@code emrNamespace}, {@code jobReadBuckets}, {@code glueCatalogAccess}
     */
    static List<Team> read(ConfigReader reader, StackNaming naming, String region, Team defaultTeam) {
        var key = ConfigKeys.TEAMS;
        var raw = reader.raw(key);
        if (raw.isEmpty()) {
            return List.of(defaultTeam);
        }
        var path = reader.qualified(key);
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(raw.get());
        } catch (JsonParseException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isJsonArray() || parsed.getAsJsonArray().isEmpty()) {
            reader.reject(key, raw.get(), "a non-empty list of teams, each a map with at least a name, e.g. [{name: analytics}]");
            return List.of(defaultTeam);
        }
        var teams = new ArrayList<Team>();
        var seen = new HashSet<String>();
        var array = parsed.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            var at = path + "[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                reader.problem(at + ": got '" + array.get(i) + "', expected a map with at least a name");
                continue;
            }
            var object = array.get(i).getAsJsonObject();
            object.keySet().stream().filter(f -> !FIELDS.contains(f)).sorted().forEach(f ->
                    reader.problem(at + "." + f + ": unknown field" + ConfigNamespaces.suggestion(f, FIELDS) + "; a team has "
                            + String.join(", ", FIELDS.stream().sorted().toList())));
            var name = string(reader, object, at, "name").orElse("");
            if (name.isEmpty()) {
                reader.problem(at + ".name: is missing, expected the team's name (an RFC 1123 label)");
            } else {
                boolean valid = expect(reader, at + ".name", name, Validators.dns1123Label(name))
                        && expect(reader, at + ".name", name, ConfigNamespaces.emrNamespaceOwner(name));
                if (!seen.add(name)) {
                    reader.problem(at + ".name: got '" + name + "', expected a name no other team has");
                }
                if (valid) {
                    checkDerivedNames(reader, at + ".name", name, naming.physical(""));
                }
            }
            var cpu = quota(reader, object, at, "cpuQuota", true);
            var memory = quota(reader, object, at, "memoryQuota", false);
            var readBuckets = strings(reader, object, at, "readBuckets");
            for (int b = 0; b < readBuckets.size(); b++) {
                expect(reader, at + ".readBuckets[" + b + "]", readBuckets.get(b), Validators.s3BucketName(readBuckets.get(b)));
            }
            var glue = bool(reader, object, at, "glueCatalogAccess");
            var glueReadDatabases = strings(reader, object, at, "glueReadDatabases");
            for (int d = 0; d < glueReadDatabases.size(); d++) {
                expect(reader, at + ".glueReadDatabases[" + d + "]", glueReadDatabases.get(d), Validators.glueDatabaseName(glueReadDatabases.get(d)));
            }
            if (!glue && !glueReadDatabases.isEmpty()) {
                reader.problem(at + ".glueReadDatabases: got " + glueReadDatabases + ", expected no databases unless the team's"
                        + " glueCatalogAccess is true (jobs without the catalog read none)");
            }
            if (!name.isEmpty()) {
                var grant = glue ? Optional.of(new io.bigdatastack.emr.JobRolePolicies.GlueGrant(
                        EmrNames.glueDatabaseName(naming.physical(""), Optional.of(name)), glueReadDatabases))
                        : Optional.<io.bigdatastack.emr.JobRolePolicies.GlueGrant>empty();
                checkPolicySize(reader, at, name, readBuckets, grant, naming.physical(""), region);
            }
            var groups = new ArrayList<String>();
            var groupEntries = strings(reader, object, at, "studioGroups");
            for (int g = 0; g < groupEntries.size(); g++) {
                if (expect(reader, at + ".studioGroups[" + g + "]", groupEntries.get(g), Validators.studioGroupEntry(groupEntries.get(g)))) {
                    groups.add(groupEntries.get(g));
                }
            }
            // The team's budget (io.bigdatastack.cost.TeamBudgets): an amount in USD and who is alerted.
            var amount = string(reader, object, at, "monthlyBudget");
            Optional<java.math.BigDecimal> budget = Optional.empty();
            if (amount.isPresent() && expect(reader, at + ".monthlyBudget", amount.get(), Validators.usdAmount(amount.get()))) {
                budget = Optional.of(new java.math.BigDecimal(amount.get()));
            }
            var emails = strings(reader, object, at, "budgetEmails");
            StackConfig.checkBudgetEmails(reader, at + ".budgetEmails", emails, amount.isPresent(), at + ".monthlyBudget");
            teams.add(new Team(name, name, cpu, memory, readBuckets, glue, groups, true, budget, emails, glueReadDatabases));
        }
        return teams.isEmpty() ? List.of(defaultTeam) : List.copyOf(teams);
    }

    /**
     * Team groups need SSO (session mappings exist only there), may not repeat a group of {@code studioGroups} or of
     * another team (EMR maps an identity to one session policy per Studio), and their session policies must fit the
     * user role's quota of attached managed policies: 10 by default
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html), three of which the stack-wide levels use.
     */
    static void checkStudioGroups(ConfigReader reader, List<Team> teams, io.bigdatastack.studio.StudioAuthMode mode,
                                  List<io.bigdatastack.studio.StudioMember> stackGroups) {
        var path = reader.qualified(ConfigKeys.TEAMS);
        var seen = new HashSet<String>();
        stackGroups.forEach(member -> seen.add(io.bigdatastack.studio.StudioRules.identity(member.name())));
        int teamPolicies = 0;
        for (int i = 0; i < teams.size(); i++) {
            var team = teams.get(i);
            if (team.studioGroups().isEmpty()) {
                continue;
            }
            var ssoOnly = io.bigdatastack.studio.StudioRules.sessionMappings(mode);
            if (ssoOnly.isPresent()) {
                reader.problem(path + "[" + i + "].studioGroups: got " + team.studioGroups() + ", expected " + ssoOnly.get());
                continue;
            }
            var levels = new HashSet<io.bigdatastack.studio.StudioAccessLevel>();
            for (int g = 0; g < team.studioGroups().size(); g++) {
                var member = io.bigdatastack.studio.StudioMember.parse(team.studioGroups().get(g));
                levels.add(member.level());
                if (!seen.add(io.bigdatastack.studio.StudioRules.identity(member.name()))) {
                    reader.problem(path + "[" + i + "].studioGroups[" + g + "]: got '" + team.studioGroups().get(g)
                            + "', expected a group not already in studioGroups or another team (EMR maps an identity to one session policy)");
                }
            }
            teamPolicies += levels.size();
        }
        if (3 + teamPolicies > MAX_USER_ROLE_POLICIES) {
            reader.problem(path + ": team studioGroups need " + teamPolicies + " session policies on the Studio user role besides the 3 stack-wide"
                    + " ones, expected at most " + (MAX_USER_ROLE_POLICIES - 3) + " (IAM's default quota of " + MAX_USER_ROLE_POLICIES
                    + " managed policies per role)");
        }
    }

    static final int MAX_USER_ROLE_POLICIES = 10;

    /**
     * As StackConfig does for {@code jobReadBuckets}: the team role's inline policy grows with its read buckets, and IAM
     * refuses it past its size quota only mid-deploy, so it is built here as the component builds it (any account's
     * ARNs have the same length).
     */
    private static void checkPolicySize(ConfigReader reader, String at, String name, List<String> readBuckets,
                                        Optional<io.bigdatastack.emr.JobRolePolicies.GlueGrant> glue, String prefix, String region) {
        if (readBuckets.isEmpty() && glue.map(g -> g.readDatabases().isEmpty()).orElse(true)) {
            return;
        }
        var anyAccount = "000000000000";
        var scope = new io.bigdatastack.iam.AwsScope(io.bigdatastack.iam.AwsScope.COMMERCIAL_PARTITION, region, anyAccount);
        var document = io.bigdatastack.emr.JobRolePolicies.permissions(scope.bucketArn(EmrNames.jobBucketName(prefix, anyAccount)),
                Optional.of("teams/" + name + "/"), readBuckets,
                scope.arn("logs", "log-group:" + EmrNames.jobLogGroupName(prefix)), glue, scope);
        int size = document.iamSize();
        if (size > io.bigdatastack.iam.PolicyDocument.MAX_ROLE_INLINE_POLICY_CHARACTERS) {
            int databases = glue.map(g -> g.readDatabases().size()).orElse(0);
            reader.problem(at + ".readBuckets: got " + readBuckets.size() + " buckets" + (databases == 0 ? "" : " and " + databases
                    + " glueReadDatabases") + ", expected a list whose job-role policy fits IAM's "
                    + io.bigdatastack.iam.PolicyDocument.MAX_ROLE_INLINE_POLICY_CHARACTERS + " characters of inline policy per role: it would be "
                    + size + " characters");
        }
    }

    /** The role and virtual cluster names a team's name ends up in must fit IAM's and EMR's limits. */
    private static void checkDerivedNames(ConfigReader reader, String at, String name, String prefix) {
        var roleName = EmrNames.teamJobRoleName(prefix, name);
        Validators.iamRoleName(roleName).ifPresent(expected -> reader.problem(at + ": got '" + name + "', expected a name short enough"
                + " that the team's job role name '" + roleName + "' is " + expected));
        var virtualClusterName = EmrNames.virtualClusterName(prefix, name);
        if (virtualClusterName.length() > EmrNames.MAX_VIRTUAL_CLUSTER_NAME) {
            reader.problem(at + ": got '" + name + "', expected a name short enough that the virtual cluster name '" + virtualClusterName
                    + "' fits EMR's " + EmrNames.MAX_VIRTUAL_CLUSTER_NAME + " characters");
        }
    }

    private static boolean expect(ConfigReader reader, String at, String value, Optional<String> expected) {
        expected.ifPresent(e -> reader.problem(at + ": got '" + value + "', expected " + e));
        return expected.isEmpty();
    }

    private static Optional<String> string(ConfigReader reader, JsonObject object, String at, String field) {
        var element = object.get(field);
        if (element == null || element.isJsonNull()) {
            return Optional.empty();
        }
        if (!element.isJsonPrimitive()) {
            reader.problem(at + "." + field + ": got '" + element + "', expected a single value");
            return Optional.empty();
        }
        return Optional.of(element.getAsString().trim());
    }

    /**
     * A quota, parsed by the Kubernetes quantity grammar (KubernetesQuantity) and refused when it could not admit one job
     * at the job defaults: one driver, the job submitter and one executor (SparkJobDefaults). A quota below that looks
     * fine in the plan and then refuses every pod at admission.
     *
     * @param cpu {@code cpuQuota} (cores; bounds requests.cpu) or {@code memoryQuota} (bytes; bounds requests.memory and
     *            limits.memory)
     */
    private static Optional<String> quota(ConfigReader reader, JsonObject object, String at, String field, boolean cpu) {
        var value = string(reader, object, at, field);
        if (value.isEmpty()) {
            return value;
        }
        KubernetesQuantity quantity;
        try {
            quantity = KubernetesQuantity.parse(value.get());
        } catch (IllegalArgumentException e) {
            reader.problem(at + "." + field + ": got '" + value.get() + "', expected " + e.getMessage());
            return Optional.empty();
        }
        var minimum = cpu ? KubernetesQuantity.millis(io.bigdatastack.emr.SparkJobDefaults.minimumCpuQuotaMillis())
                : KubernetesQuantity.mebibytes(io.bigdatastack.emr.SparkJobDefaults.minimumMemoryQuotaMebibytes());
        if (quantity.compareTo(minimum) < 0) {
            reader.problem(at + "." + field + ": got '" + value.get() + "', expected at least " + minimum.text()
                    + (cpu ? " (CPU requests" : " (memory requests and limits") + " of one Spark job at the job defaults: driver, job submitter"
                    + " and one executor, each with EMR's logging container; a smaller quota refuses every job's pods at admission)");
            return Optional.empty();
        }
        return value;
    }

    private static boolean bool(ConfigReader reader, JsonObject object, String at, String field) {
        // `pulumi config set --path` stores scalars as strings unless given --type; YAML stack files keep booleans.
        var value = string(reader, object, at, field);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                reader.problem(at + "." + field + ": got '" + value.get() + "', expected true or false");
                yield false;
            }
        };
    }

    private static List<String> strings(ConfigReader reader, JsonObject object, String at, String field) {
        var element = object.get(field);
        if (element == null || element.isJsonNull()) {
            return List.of();
        }
        if (!element.isJsonArray()) {
            reader.problem(at + "." + field + ": got '" + element + "', expected a list of strings, e.g. [\"a\", \"b\"]");
            return List.of();
        }
        var values = new ArrayList<String>();
        var array = element.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            var item = array.get(i);
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                reader.problem(at + "." + field + "[" + i + "]: got '" + item + "', expected a string");
                continue;
            }
            values.add(item.getAsString().trim());
        }
        return List.copyOf(values);
    }
}
