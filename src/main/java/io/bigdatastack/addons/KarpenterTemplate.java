package io.bigdatastack.addons;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the program takes from Karpenter's published getting-started CloudFormation template
 * ({@link KarpenterVersions#template()}), read rather than retyped so that role, rules and controller version cannot
 * drift apart: the controller's IAM policies, the node role's AWS managed policies, and the EventBridge rules of the
 * interruption queue. CloudFormation's {@code !Sub}, {@code !GetAtt} and {@code !Ref} are read as their text; the
 * {@code ${...}} variables of a policy are filled in by {@link #controllerPolicies}, and a variable this program does
 * not know fails loudly (a new upstream variable must be looked at, not left in a policy).
 */
public final class KarpenterTemplate {

    /**
     * One controller policy of the template.
     *
     * @param logicalName the template's resource name, e.g. {@code NodeLifecyclePolicy}
     * @param document    the policy document, variables filled in
     */
    public record ControllerPolicy(String logicalName, String document) {
    }

    /**
     * One EventBridge rule of the template.
     *
     * @param logicalName  the template's resource name, e.g. {@code SpotInterruptionRule}
     * @param eventPattern the rule's event pattern as JSON
     */
    public record Rule(String logicalName, String eventPattern) {
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, Map<String, Object>> resources;

    private KarpenterTemplate(Map<String, Map<String, Object>> resources) {
        this.resources = resources;
    }

    /** The template of the pinned version. */
    public static KarpenterTemplate pinned() {
        return parse(KarpenterVersions.template());
    }

    @SuppressWarnings("unchecked")
    static KarpenterTemplate parse(String yaml) {
        Map<String, Object> root = new Yaml(new CloudFormationConstructor()).load(yaml);
        var resources = new LinkedHashMap<String, Map<String, Object>>();
        ((Map<String, Object>) root.get("Resources")).forEach((name, value) -> resources.put(name, (Map<String, Object>) value));
        return new KarpenterTemplate(resources);
    }

    /**
     * The controller's policies (every {@code AWS::IAM::ManagedPolicy}), in template order, for this cluster, its
     * node role and its queue.
     */
    @SuppressWarnings("unchecked")
    public List<ControllerPolicy> controllerPolicies(String partition, String region, String accountId, String clusterName,
                                                     String nodeRoleArn, String queueArn) {
        var values = Map.of(
                "AWS::Partition", partition,
                "AWS::Region", region,
                "AWS::AccountId", accountId,
                "ClusterName", clusterName,
                "KarpenterNodeRole.Arn", nodeRoleArn,
                "KarpenterInterruptionQueue.Arn", queueArn);
        return ofType("AWS::IAM::ManagedPolicy").entrySet().stream().map(entry -> {
            var properties = (Map<String, Object>) entry.getValue().get("Properties");
            var text = String.valueOf(properties.get("PolicyDocument"));
            var matcher = VARIABLE.matcher(text);
            var filled = new StringBuilder();
            while (matcher.find()) {
                var value = values.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalStateException("Karpenter template " + KarpenterVersions.VERSION + ": policy " + entry.getKey()
                            + " uses ${" + matcher.group(1) + "}, which this program does not fill in");
                }
                matcher.appendReplacement(filled, java.util.regex.Matcher.quoteReplacement(value));
            }
            matcher.appendTail(filled);
            return new ControllerPolicy(entry.getKey(), filled.toString());
        }).toList();
    }

    /**
     * {@code document} with upstream's {@code instance-profile/*} resources narrowed to the profiles Karpenter makes
     * for this cluster: it names each {@code <clusterName>_<hash>} (EC2NodeClass.InstanceProfileName,
     * pkg/apis/v1/ec2nodeclass.go of the pinned version). Upstream already conditions those statements on this
     * cluster's tags; the narrower resource also keeps iam:CreateInstanceProfile and iam:AddRoleToInstanceProfile off
     * every other profile of the account, whatever its tags.
     */
    public static String scopeInstanceProfiles(String document, String clusterName) {
        return document.replace(":instance-profile/*\"", ":instance-profile/" + clusterName + "_*\"");
    }

    /** The AWS managed policy names of the node role ({@code KarpenterNodeRole.ManagedPolicyArns}), in template order. */
    @SuppressWarnings("unchecked")
    public List<String> nodeManagedPolicies() {
        var properties = (Map<String, Object>) resources.get("KarpenterNodeRole").get("Properties");
        return ((List<Object>) properties.get("ManagedPolicyArns")).stream()
                .map(String::valueOf)
                .map(arn -> arn.substring(arn.lastIndexOf("policy/") + "policy/".length()))
                .toList();
    }

    /** The interruption queue's message retention in seconds ({@code KarpenterInterruptionQueue}). */
    @SuppressWarnings("unchecked")
    public int queueMessageRetentionSeconds() {
        var properties = (Map<String, Object>) resources.get("KarpenterInterruptionQueue").get("Properties");
        return ((Number) properties.get("MessageRetentionPeriod")).intValue();
    }

    /** Every EventBridge rule (every {@code AWS::Events::Rule}), in template order. */
    @SuppressWarnings("unchecked")
    public List<Rule> rules() {
        return ofType("AWS::Events::Rule").entrySet().stream().map(entry -> {
            var properties = (Map<String, Object>) entry.getValue().get("Properties");
            return new Rule(entry.getKey(), io.bigdatastack.support.Json.COMPACT.toJson(properties.get("EventPattern")));
        }).toList();
    }

    private Map<String, Map<String, Object>> ofType(String type) {
        var matching = new LinkedHashMap<String, Map<String, Object>>();
        resources.forEach((name, resource) -> {
            if (type.equals(resource.get("Type"))) {
                matching.put(name, resource);
            }
        });
        return matching;
    }

    /** Safe YAML plus CloudFormation's short-form functions, each read as its scalar text. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (var function : List.of("!Sub", "!GetAtt", "!Ref")) {
                yamlConstructors.put(new Tag(function), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return constructScalar((ScalarNode) node);
                    }
                });
            }
        }
    }
}
