package io.bigdatastack.plan;

import io.bigdatastack.support.Hashing;

import com.pulumi.test.Mocks;
import io.bigdatastack.aws.AwsRegions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers resource registrations and invokes the way AWS and the providers would: IDs with the right prefixes,
 * ARNs in the stack's Region and a fixed account, an EKS endpoint, CA and OIDC issuer, autonamed names, and the
 * data sources the program reads. Everything is derived from the logical name, so runs are reproducible.
 *
 * <p>An invoke the engine does not know fails loudly: Pulumi's mock layer would otherwise return null and the
 * program would carry on with empty data.
 */
public final class AwsMockEngine implements Mocks {

    public static final String ACCOUNT_ID = "123456789012";

    /** The Identity Store of the mock account's IAM Identity Center instance. */
    public static final String IDENTITY_STORE_ID = "d-9067000000";

    private final String region;
    private final java.util.Set<String> missingIdentities;

    public AwsMockEngine(String region) {
        this(region, java.util.Set.of());
    }

    /**
     * @param missingIdentities Identity Center user names and group display names the Identity Store does not hold
     *                          (every other name exists), so tests can see how a typo is reported
     */
    public AwsMockEngine(String region, java.util.Set<String> missingIdentities) {
        this.region = region;
        this.missingIdentities = java.util.Set.copyOf(missingIdentities);
    }

    /** The same engine for another Region-independent use (PlanRunner needs two instances). */
    public AwsMockEngine copy() {
        return new AwsMockEngine(region, missingIdentities);
    }

    public String region() {
        return region;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var state = new HashMap<String, Object>(args.inputs);
        String id = respond(args.type, args.name, state);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> done(availabilityZones(args.args));
            case "aws:index/getCallerIdentity:getCallerIdentity" -> done(Map.of(
                    "accountId", ACCOUNT_ID,
                    "arn", "arn:aws:iam::" + ACCOUNT_ID + ":user/plan",
                    "userId", "AIDAPLANEXAMPLE00000",
                    "id", ACCOUNT_ID));
            case "aws:index/getPartition:getPartition" -> done(Map.of(
                    "partition", "aws", "dnsSuffix", "amazonaws.com", "reverseDnsPrefix", "com.amazonaws", "id", "aws"));
            case "aws:iam/getRole:getRole" -> {
                // An existing role of the account, at the root path.
                var roleName = String.valueOf(args.args.get("name"));
                var role = new HashMap<String, Object>();
                role.put("name", roleName);
                role.put("id", roleName);
                role.put("path", "/");
                role.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":role/" + roleName);
                role.put("uniqueId", "AROA" + hex("role/" + roleName).substring(0, 17).toUpperCase());
                role.put("assumeRolePolicy", "{}");
                role.put("createDate", "2026-01-01T00:00:00Z");
                role.put("description", "");
                role.put("maxSessionDuration", 3600);
                role.put("permissionsBoundary", "");
                role.put("roleLastUseds", List.of());
                role.put("tags", Map.of());
                yield done(role);
            }
            case "aws:ssoadmin/getInstances:getInstances" -> done(Map.of(
                    "arns", List.of("arn:aws:sso:::instance/ssoins-" + hex("sso/" + region).substring(0, 16)),
                    "identityStoreIds", List.of(IDENTITY_STORE_ID),
                    "id", region));
            case "aws:identitystore/getUser:getUser" -> identity(args.args, "UserName", name -> {
                var user = new HashMap<String, Object>();
                var userId = uuid(hex("user/" + name));
                user.put("id", userId);
                user.put("userId", userId);
                user.put("identityStoreId", IDENTITY_STORE_ID);
                user.put("userName", name);
                user.put("displayName", name);
                for (var key : List.of("locale", "nickname", "preferredLanguage", "profileUrl", "timezone", "title", "userType")) {
                    user.put(key, "");
                }
                for (var key : List.of("addresses", "emails", "externalIds", "names", "phoneNumbers")) {
                    user.put(key, List.of());
                }
                return user;
            });
            case "aws:identitystore/getGroup:getGroup" -> identity(args.args, "DisplayName", name -> {
                var groupId = uuid(hex("group/" + name));
                return Map.of("id", groupId, "groupId", groupId, "identityStoreId", IDENTITY_STORE_ID, "displayName", name,
                        "description", "", "externalIds", List.of());
            });
            // The default version of an EKS add-on for a Kubernetes version, in EKS's v<x.y.z>-eksbuild.<n> form: the mock
            // derives it from the Kubernetes version, so that a version change shows as an add-on update.
            case "aws:eks/getAddonVersion:getAddonVersion" -> done(Map.of(
                    "addonName", String.valueOf(args.args.get("addonName")),
                    "kubernetesVersion", String.valueOf(args.args.get("kubernetesVersion")),
                    "mostRecent", false,
                    "version", "v" + args.args.get("kubernetesVersion") + ".0-eksbuild.1",
                    "id", String.valueOf(args.args.get("addonName"))));
            case "aws:index/getRegion:getRegion" -> done(Map.of(
                    "name", region, "id", region, "endpoint", "ec2." + region + ".amazonaws.com",
                    "description", region));
            default -> CompletableFuture.failedFuture(new UnsupportedOperationException(
                    "the plan's mock engine has no answer for invoke '" + args.token + "'; teach AwsMockEngine.callAsync"));
        };
    }

    /**
     * AZs as the Region table lists them ({@link AwsRegions}, shared with configuration validation), honouring the
     * invoke's {@code excludeZoneIds} and {@code excludeNames}. Here name and ID follow the same order; in a real
     * account the mapping is shuffled, which is why exclusions must name zone IDs.
     */
    private Map<String, Object> availabilityZones(Map<String, Object> args) {
        var zoneIds = AwsRegions.find(region).orElseThrow(() -> new IllegalArgumentException(
                "the plan's Region table has no Region '" + region + "' (io.bigdatastack.aws.AwsRegions)")).zoneIds();
        var excludedIds = stringList(args.get("excludeZoneIds"));
        var excludedNames = stringList(args.get("excludeNames"));
        var names = new java.util.ArrayList<String>();
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < zoneIds.size(); i++) {
            var name = region + (char) ('a' + i);
            var id = zoneIds.get(i);
            if (!excludedIds.contains(id) && !excludedNames.contains(name)) {
                names.add(name);
                ids.add(id);
            }
        }
        return Map.of("names", names, "zoneIds", ids, "state", "available", "id", region, "groupNames", List.of(region));
    }

    /**
     * An Identity Store lookup by unique attribute, failing as the provider does when nothing matches
     * ("no Identity Store ... found matching criteria").
     */
    private CompletableFuture<Map<String, Object>> identity(Map<String, Object> args, String attributePath,
                                                            java.util.function.Function<String, Map<String, Object>> found) {
        var alternate = args.get("alternateIdentifier") instanceof Map<?, ?> m ? m : Map.of();
        var unique = alternate.get("uniqueAttribute") instanceof Map<?, ?> m ? m : Map.of();
        if (!attributePath.equals(unique.get("attributePath"))) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("the mock Identity Store looks up by " + attributePath
                    + " only, got " + args));
        }
        var name = String.valueOf(unique.get("attributeValue"));
        if (missingIdentities.stream().anyMatch(missing -> missing.equalsIgnoreCase(name))) {
            return CompletableFuture.failedFuture(new IllegalStateException("no Identity Store "
                    + (attributePath.equals("UserName") ? "User" : "Group") + " found matching criteria; try different search"));
        }
        return done(found.apply(name));
    }

    private static List<String> stringList(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** Fills in computed attributes and returns the resource's ID. */
    private String respond(String type, String name, Map<String, Object> state) {
        String hex = hex(type + "/" + name);
        if (type.startsWith("pulumi:providers:")) {
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20, 32);
        }
        if (type.startsWith("kubernetes:")) {
            return kubernetes(type, name, state);
        }
        if (type.indexOf('/') < 0) {
            return name; // A component resource (bigdata:<module>:<Type>): the engine keeps no state for it.
        }
        String physicalName = autoname(name, state, "name");
        String service = type.substring(type.indexOf(':') + 1, type.indexOf('/'));
        String arnPrefix = "arn:aws:" + service + ":" + region + ":" + ACCOUNT_ID + ":";
        var kind = ResourceType.of(type);
        return switch (kind) {
            case EC2_VPC, EC2_SUBNET, EC2_INTERNET_GATEWAY, EC2_NAT_GATEWAY, EC2_EIP, EC2_ROUTE_TABLE, EC2_ROUTE_TABLE_ASSOCIATION,
                 EC2_ROUTE, EC2_VPC_ENDPOINT, EC2_SECURITY_GROUP, EC2_LAUNCH_TEMPLATE, VPC_SECURITY_GROUP_INGRESS_RULE,
                 VPC_SECURITY_GROUP_EGRESS_RULE, EC2_TAG
                    -> network(kind, name, state, hex, physicalName, arnPrefix);
            case IAM_ROLE, IAM_POLICY, IAM_INSTANCE_PROFILE, IAM_OIDC_PROVIDER, KMS_KEY, KMS_ALIAS, IAM_ROLE_POLICY
                    -> identity(kind, name, state, hex, physicalName, arnPrefix);
            case EKS_CLUSTER, EKS_NODE_GROUP, EKS_POD_IDENTITY_ASSOCIATION
                    -> eks(kind, name, state, hex, physicalName, arnPrefix);
            case S3_BUCKET_V2, S3_BUCKET, CLOUDWATCH_LOG_GROUP, ATHENA_WORKGROUP, GLUE_CATALOG_DATABASE, GLUE_CATALOG_TABLE
                    -> storage(kind, name, state, hex, physicalName, arnPrefix);
            case EMR_VIRTUAL_CLUSTER, EMR_JOB_TEMPLATE, EMR_STUDIO, CLOUDCONTROL_RESOURCE, CLOUDFORMATION_STACK,
                 SERVICECATALOG_PORTFOLIO, SERVICECATALOG_PRODUCT
                    -> emr(kind, name, state, hex, physicalName, arnPrefix);
            case SQS_QUEUE, EVENTS_RULE, EVENTS_TARGET, BCMDATA_EXPORT, COST_ALLOCATION_TAG, BUDGET, SNS_TOPIC, SNS_TOPIC_POLICY
                    -> messagingAndBilling(kind, name, state, hex, physicalName, arnPrefix);
            default -> unmodelled(type, name, state, hex, arnPrefix);
        };
    }

    /** Answers the network: VPC, subnets, gateways, routes, endpoints, security groups and rules, launch templates, EC2 tags. */
    private String network(ResourceType kind, String name, Map<String, Object> state, String hex, String physicalName, String arnPrefix) {
        String id;
        switch (kind) {
            case EC2_VPC -> id = ec2(state, "vpc", hex, arnPrefix);
            case EC2_SUBNET -> id = ec2(state, "subnet", hex, arnPrefix);
            case EC2_INTERNET_GATEWAY -> id = ec2(state, "igw", hex, arnPrefix);
            case EC2_NAT_GATEWAY -> {
                id = ec2(state, "nat", hex, arnPrefix);
                state.put("publicIp", "203.0.113." + (Integer.parseInt(hex.substring(0, 2), 16) % 250 + 1));
            }
            case EC2_EIP -> {
                id = "eipalloc-" + hex.substring(0, 17);
                state.put("allocationId", id);
                state.put("publicIp", "198.51.100." + (Integer.parseInt(hex.substring(0, 2), 16) % 250 + 1));
                state.put("arn", arnPrefix + "elastic-ip/" + id);
            }
            case EC2_ROUTE_TABLE -> id = ec2(state, "rtb", hex, arnPrefix);
            case EC2_ROUTE_TABLE_ASSOCIATION -> id = "rtbassoc-" + hex.substring(0, 17);
            case EC2_ROUTE -> id = "r-rtb-" + hex.substring(0, 17) + "1080289494";
            case EC2_VPC_ENDPOINT -> id = ec2(state, "vpce", hex, arnPrefix);
            case EC2_SECURITY_GROUP -> id = ec2(state, "security-group", "sg", hex, arnPrefix);
            case EC2_LAUNCH_TEMPLATE -> {
                id = ec2(state, "launch-template", "lt", hex, arnPrefix);
                state.put("latestVersion", 1);
            }
            case VPC_SECURITY_GROUP_INGRESS_RULE, VPC_SECURITY_GROUP_EGRESS_RULE -> {
                id = "sgr-" + hex.substring(0, 17);
                state.put("securityGroupRuleId", id);
                state.put("arn", "arn:aws:ec2:" + region + ":" + ACCOUNT_ID + ":security-group-rule/" + id);
            }
            case EC2_TAG -> id = state.get("resourceId") + "," + state.get("key");
            default -> throw new IllegalArgumentException("not a type of this group: " + kind);
        }
        return id;
    }

    /** Answers IAM (roles, policies, instance profiles, the OIDC provider, inline policies) and KMS (keys, aliases). */
    private String identity(ResourceType kind, String name, Map<String, Object> state, String hex, String physicalName, String arnPrefix) {
        String id;
        switch (kind) {
            case IAM_ROLE -> {
                id = physicalName;
                state.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":role/" + id);
                state.put("uniqueId", "AROA" + hex.substring(0, 17).toUpperCase());
            }
            case IAM_POLICY -> {
                id = "arn:aws:iam::" + ACCOUNT_ID + ":policy/" + physicalName;
                state.put("arn", id);
                state.put("policyId", "ANPA" + hex.substring(0, 17).toUpperCase());
            }
            case IAM_INSTANCE_PROFILE -> {
                id = physicalName;
                state.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":instance-profile/" + id);
            }
            case IAM_OIDC_PROVIDER -> {
                String url = String.valueOf(state.getOrDefault("url", "")).replaceFirst("^https://", "");
                id = "arn:aws:iam::" + ACCOUNT_ID + ":oidc-provider/" + url;
                state.put("arn", id);
            }
            case KMS_KEY -> {
                id = uuid(hex);
                state.put("keyId", id);
                state.put("arn", arnPrefix + "key/" + id);
            }
            case KMS_ALIAS -> {
                id = String.valueOf(state.getOrDefault("name", "alias/" + name));
                state.put("arn", arnPrefix + id);
            }
            case IAM_ROLE_POLICY -> id = state.get("role") + ":" + physicalName;
            default -> throw new IllegalArgumentException("not a type of this group: " + kind);
        }
        return id;
    }

    /** Answers EKS: the cluster (endpoint, CA, OIDC issuer), node groups (with their Auto Scaling group), Pod Identity associations. */
    private String eks(ResourceType kind, String name, Map<String, Object> state, String hex, String physicalName, String arnPrefix) {
        String id;
        switch (kind) {
            case EKS_CLUSTER -> id = eksCluster(state, physicalName, hex, arnPrefix);
            case EKS_NODE_GROUP -> {
                String nodeGroupName = autoname(name, state, "nodeGroupName");
                String cluster = String.valueOf(state.get("clusterName"));
                id = cluster + ":" + nodeGroupName;
                state.put("arn", arnPrefix + "nodegroup/" + cluster + "/" + nodeGroupName + "/" + uuid(hex));
                state.put("status", "ACTIVE");
                state.put("resources", List.of(Map.of("autoscalingGroups", List.of(Map.of("name", "eks-" + nodeGroupName + "-" + uuid(hex))))));
            }
            case EKS_POD_IDENTITY_ASSOCIATION -> {
                String associationId = "a-" + base36ish(hex, 17);
                String cluster = String.valueOf(state.get("clusterName"));
                id = cluster + "," + associationId;
                state.put("associationId", associationId);
                state.put("associationArn", arnPrefix + "podidentityassociation/" + cluster + "/" + associationId);
            }
            default -> throw new IllegalArgumentException("not a type of this group: " + kind);
        }
        return id;
    }

    /** Answers where data and logs live: S3 buckets, CloudWatch log groups, the Athena workgroup, Glue databases and tables. */
    private String storage(ResourceType kind, String name, Map<String, Object> state, String hex, String physicalName, String arnPrefix) {
        String id;
        switch (kind) {
            case S3_BUCKET_V2, S3_BUCKET -> {
                id = state.containsKey("bucket") ? String.valueOf(state.get("bucket"))
                        : state.getOrDefault("bucketPrefix", name + "-") + hex.substring(0, 12);
                state.put("bucket", id);
                state.put("arn", "arn:aws:s3:::" + id);
                state.put("bucketDomainName", id + ".s3.amazonaws.com");
                state.put("bucketRegionalDomainName", id + ".s3." + region + ".amazonaws.com");
                state.put("region", region);
            }
            case CLOUDWATCH_LOG_GROUP -> {
                id = physicalName;
                state.put("arn", "arn:aws:logs:" + region + ":" + ACCOUNT_ID + ":log-group:" + id);
            }
            case ATHENA_WORKGROUP -> {
                id = physicalName;
                state.put("arn", arnPrefix + "workgroup/" + id);
            }
            case GLUE_CATALOG_DATABASE -> {
                id = ACCOUNT_ID + ":" + physicalName;
                state.put("catalogId", ACCOUNT_ID);
                state.put("arn", arnPrefix + "database/" + physicalName);
            }
            case GLUE_CATALOG_TABLE -> {
                var database = String.valueOf(state.get("databaseName"));
                id = ACCOUNT_ID + ":" + database + ":" + physicalName;
                state.put("catalogId", ACCOUNT_ID);
                state.put("arn", arnPrefix + "table/" + database + "/" + physicalName);
            }
            default -> throw new IllegalArgumentException("not a type of this group: " + kind);
        }
        return id;
    }

    /** Answers EMR (virtual clusters, job templates, Studio) and what holds its resources: Cloud Control, CloudFormation, Service Catalog. */
    private String emr(ResourceType kind, String name, Map<String, Object> state, String hex, String physicalName, String arnPrefix) {
        String id;
        switch (kind) {
            case EMR_VIRTUAL_CLUSTER -> {
                id = base36ish(hex, 25);
                state.put("arn", "arn:aws:emr-containers:" + region + ":" + ACCOUNT_ID + ":/virtualclusters/" + id);
            }
            case EMR_JOB_TEMPLATE -> {
                id = base36ish(hex, 25);
                state.put("arn", "arn:aws:emr-containers:" + region + ":" + ACCOUNT_ID + ":/jobtemplates/" + id);
            }
            case EMR_STUDIO -> {
                id = "es-" + base36ish(hex, 25).toUpperCase();
                state.put("arn", "arn:aws:elasticmapreduce:" + region + ":" + ACCOUNT_ID + ":studio/" + id);
                state.put("url", "https://" + id + ".emrstudio-prod." + region + ".amazonaws.com");
            }
            case CLOUDCONTROL_RESOURCE -> {
                // What Cloud Control reads back: the desired state plus the type's read-only identifiers
                // (for AWS::EMRContainers::Endpoint: Id, 25 lowercase alphanumerics like every EMR on EKS ID, and Arn,
                // the primary identifier, which is also the resource's ID).
                var properties = com.google.gson.JsonParser.parseString(String.valueOf(state.getOrDefault("desiredState", "{}"))).getAsJsonObject();
                String resourceId = base36ish(hex, 25);
                String typeName = String.valueOf(state.get("typeName"));
                String arn = typeName.equals("AWS::EMRContainers::Endpoint") && properties.has("VirtualClusterId")
                        ? "arn:aws:emr-containers:" + region + ":" + ACCOUNT_ID + ":/virtualclusters/" + properties.get("VirtualClusterId").getAsString()
                        + "/endpoints/" + resourceId
                        : "arn:aws:" + typeName.split("::")[1].toLowerCase() + ":" + region + ":" + ACCOUNT_ID + ":" + resourceId;
                properties.addProperty("Id", resourceId);
                properties.addProperty("Arn", arn);
                id = arn;
                state.put("properties", properties.toString());
            }
            case CLOUDFORMATION_STACK -> {
                id = arnPrefix + "stack/" + physicalName + "/" + uuid(hex);
                state.put("outputs", cloudFormationOutputs(String.valueOf(state.getOrDefault("templateBody", "{}")), hex));
            }
            case SERVICECATALOG_PORTFOLIO -> {
                id = "port-" + base36ish(hex, 13);
                state.put("arn", "arn:aws:catalog:" + region + ":" + ACCOUNT_ID + ":portfolio/" + id);
            }
            case SERVICECATALOG_PRODUCT -> {
                id = "prod-" + base36ish(hex, 13);
                state.put("arn", "arn:aws:catalog:" + region + ":" + ACCOUNT_ID + ":product/" + id);
            }
            default -> throw new IllegalArgumentException("not a type of this group: " + kind);
        }
        return id;
    }

    /** Answers messaging and billing: SQS, EventBridge rules and targets, SNS topics, budgets, the data export, cost allocation tags. */
    private String messagingAndBilling(ResourceType kind, String name, Map<String, Object> state, String hex, String physicalName, String arnPrefix) {
        String id;
        switch (kind) {
            case SQS_QUEUE -> {
                // SQS: the queue URL is the ID; the ARN has no resource-type segment.
                id = "https://sqs." + region + ".amazonaws.com/" + ACCOUNT_ID + "/" + physicalName;
                state.put("url", id);
                state.put("arn", "arn:aws:sqs:" + region + ":" + ACCOUNT_ID + ":" + physicalName);
            }
            case EVENTS_RULE -> {
                id = physicalName;
                state.put("arn", "arn:aws:events:" + region + ":" + ACCOUNT_ID + ":rule/" + physicalName);
            }
            case EVENTS_TARGET -> id = "default-" + state.get("rule") + "-" + state.get("targetId");
            case BCMDATA_EXPORT -> {
                // Data Exports lives in us-east-1 whatever the stack's Region; AWS appends a UUID to the export's name.
                @SuppressWarnings("unchecked")
                var export = new HashMap<String, Object>((Map<String, Object>) state.getOrDefault("export", Map.of()));
                id = "arn:aws:bcm-data-exports:us-east-1:" + ACCOUNT_ID + ":export/" + export.getOrDefault("name", name) + "-" + uuid(hex);
                export.put("exportArn", id);
                state.put("export", export);
            }
            case COST_ALLOCATION_TAG -> {
                id = String.valueOf(state.get("tagKey"));
                state.put("type", id.startsWith("aws:") ? "AWSGenerated" : "UserDefined");
            }
            case BUDGET -> {
                // Budgets are global: no Region in the ARN.
                id = ACCOUNT_ID + ":" + physicalName;
                state.put("accountId", ACCOUNT_ID);
                state.put("arn", "arn:aws:budgets::" + ACCOUNT_ID + ":budget/" + physicalName);
            }
            case SNS_TOPIC -> {
                id = arnPrefix + physicalName;
                state.put("arn", id);
                state.put("owner", ACCOUNT_ID);
            }
            case SNS_TOPIC_POLICY -> id = String.valueOf(state.get("arn"));
            default -> throw new IllegalArgumentException("not a type of this group: " + kind);
        }
        return id;
    }

    /** Answers a type the engine models nothing specific of: an ID from the logical name, an ARN from the type. */
    private static String unmodelled(String type, String name, Map<String, Object> state, String hex, String arnPrefix) {
        String id = name + "-" + hex.substring(0, 8);
        state.putIfAbsent("arn", arnPrefix + type.substring(type.lastIndexOf(':') + 1).toLowerCase() + "/" + id);
        return id;
    }

    /**
     * What CloudFormation would return for a template's outputs: its {@code Id} and {@code Arn} attributes made up
     * like those of the resources they name (EMR on EKS IDs are 25 lowercase alphanumerics).
     */
    private Map<String, String> cloudFormationOutputs(String templateBody, String hex) {
        var outputs = new java.util.TreeMap<String, String>();
        var declared = com.google.gson.JsonParser.parseString(templateBody).getAsJsonObject().getAsJsonObject("Outputs");
        if (declared == null) {
            return outputs;
        }
        String id = base36ish(hex, 25);
        for (var name : declared.keySet()) {
            outputs.put(name, name.endsWith("Arn")
                    ? "arn:aws:emr-containers:" + region + ":" + ACCOUNT_ID + ":/jobtemplates/" + id
                    : id);
        }
        return outputs;
    }

    private String ec2(Map<String, Object> state, String prefix, String hex, String arnPrefix) {
        return ec2(state, prefix, prefix, hex, arnPrefix);
    }

    private String ec2(Map<String, Object> state, String arnResource, String idPrefix, String hex, String arnPrefix) {
        String id = idPrefix + "-" + hex.substring(0, 17);
        state.put("arn", arnPrefix + arnResource + "/" + id);
        state.put("ownerId", ACCOUNT_ID);
        return id;
    }

    private String eksCluster(Map<String, Object> state, String clusterName, String hex, String arnPrefix) {
        String endpointId = hex.substring(0, 32).toUpperCase();
        state.put("arn", arnPrefix + "cluster/" + clusterName);
        state.put("endpoint", "https://" + endpointId + ".gr7." + region + ".eks.amazonaws.com");
        String pem = "-----BEGIN CERTIFICATE-----\nMIIC/plan-mock-certificate-for-" + clusterName + "\n-----END CERTIFICATE-----\n";
        state.put("certificateAuthority", Map.of("data", Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))));
        state.put("identities", List.of(Map.of("oidcs", List.of(Map.of(
                "issuer", "https://oidc.eks." + region + ".amazonaws.com/id/" + endpointId)))));
        state.put("status", "ACTIVE");
        state.put("platformVersion", "eks.1");
        @SuppressWarnings("unchecked")
        var vpcConfig = new HashMap<String, Object>((Map<String, Object>) state.getOrDefault("vpcConfig", Map.of()));
        vpcConfig.put("clusterSecurityGroupId", "sg-" + hex.substring(17, 34));
        vpcConfig.put("vpcId", "vpc-" + hex.substring(0, 17));
        state.put("vpcConfig", vpcConfig);
        return clusterName;
    }

    private String kubernetes(String type, String name, Map<String, Object> state) {
        if (ResourceType.of(type) == ResourceType.K8S_HELM_RELEASE) {
            String releaseName = String.valueOf(state.getOrDefault("name", name));
            state.put("name", releaseName);
            state.put("status", Map.of("name", releaseName, "namespace", state.getOrDefault("namespace", "default"),
                    "status", "deployed", "version", state.getOrDefault("version", ""), "chart", state.getOrDefault("chart", ""),
                    "revision", 1));
            return state.getOrDefault("namespace", "default") + "/" + releaseName;
        }
        @SuppressWarnings("unchecked")
        var metadata = new HashMap<String, Object>((Map<String, Object>) state.getOrDefault("metadata", Map.of()));
        metadata.putIfAbsent("name", name);
        state.put("metadata", metadata);
        var namespace = metadata.get("namespace");
        return namespace == null ? String.valueOf(metadata.get("name")) : namespace + "/" + metadata.get("name");
    }

    /** Pulumi autonaming: the logical name plus a random suffix, when no physical name is given. */
    private static String autoname(String logicalName, Map<String, Object> state, String property) {
        var given = state.get(property);
        if (given instanceof String s && !s.isEmpty()) {
            return s;
        }
        String physical = logicalName + "-" + hex("autoname/" + logicalName).substring(0, 7);
        state.put(property, physical);
        return physical;
    }

    private static String uuid(String hex) {
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    private static String base36ish(String hex, int length) {
        var digits = new java.math.BigInteger(hex, 16).toString(36);
        return (digits + digits).substring(0, length);
    }

    private static String hex(String seed) {
        return Hashing.sha256Hex(seed);
    }

    private static CompletableFuture<Map<String, Object>> done(Map<String, Object> value) {
        return CompletableFuture.completedFuture(value);
    }
}
