package io.bigdatastack.studio;

import io.bigdatastack.support.ClasspathResources;
import io.bigdatastack.support.Hashing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Service Catalog product's CloudFormation template, shipped in the jar as {@value #RESOURCE}. Its
 * {@code Mappings} hold {@code @TOKEN@} placeholders for what differs per stack (role and bucket names); {@link #render}
 * fills them before upload, and refuses a template with a token it was not given a value for (or a value with none).
 */
public final class ClusterTemplate {

    public static final String RESOURCE = "servicecatalog/emr-cluster.yaml";

    private static final Pattern TOKEN = Pattern.compile("@([A-Z_]+)@");

    /** The stack-specific values the template needs. */
    public record Wiring(String clusterServiceRoleName, String instanceProfileName, String logUri, String project, String stack,
                         List<String> studioSubnetIds) {

        Map<String, String> tokens() {
            if (studioSubnetIds.isEmpty()) {
                throw new IllegalArgumentException("the Studio has no subnets");
            }
            var tokens = new LinkedHashMap<String, String>();
            // A Workspace attaches to clusters in the Studio's (private) subnets; default to the first of them so a
            // user who accepts the defaults never launches into a public subnet.
            tokens.put("STUDIO_SUBNET", studioSubnetIds.get(0));
            tokens.put("STUDIO_SUBNETS", String.join(", ", studioSubnetIds));
            tokens.put("EMR_SERVICE_ROLE", clusterServiceRoleName);
            tokens.put("EMR_INSTANCE_PROFILE", instanceProfileName);
            tokens.put("EMR_LOG_URI", logUri);
            tokens.put("PROJECT", project);
            tokens.put("STACK", stack);
            return tokens;
        }
    }

    private ClusterTemplate() {
    }

    /** The template as it lives in the repository. */
    public static String source() {
        return ClasspathResources.read("/" + RESOURCE);
    }

    /** The template with this stack's values in place of its tokens. */
    public static String render(Wiring wiring) {
        return render(source(), wiring.tokens());
    }

    static String render(String template, Map<String, String> values) {
        var matcher = TOKEN.matcher(template);
        var used = new HashSet<String>();
        var out = new StringBuilder();
        while (matcher.find()) {
            String token = matcher.group(1);
            String value = values.get(token);
            if (value == null) {
                throw new IllegalArgumentException("cluster template token @" + token + "@ has no value");
            }
            if (value.contains("\"") || value.contains("\\") || value.contains("\n")) {
                throw new IllegalArgumentException("value of @" + token + "@ would break the YAML string it goes into: " + value);
            }
            used.add(token);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        var unused = new TreeSet<>(values.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("cluster template has no token for " + unused);
        }
        return out.toString();
    }

    /** First 12 hex digits of the SHA-256 of {@code text}: versions the uploaded object and the product artifact. */
    public static String shortHash(String text) {
        return Hashing.sha256Hex(text, 12);
    }
}
