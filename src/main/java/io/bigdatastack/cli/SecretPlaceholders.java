package io.bigdatastack.cli;

import io.bigdatastack.config.ConfigKeys;
import io.bigdatastack.config.StackConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for {@code secure:} values in a stack file. {@code pulumi config set --secret} stores a value as
 * {@code key: {secure: v1:…}}, and with {@code --path} the {@code secure:} object can sit at one list element or map
 * leaf (https://www.pulumi.com/docs/iac/concepts/secrets/, https://www.pulumi.com/docs/iac/concepts/config/#structured-configuration).
 * The ciphertext can only be decrypted by the stack's secrets provider, which {@code plan} (offline, no Pulumi CLI)
 * does not have. So the key is marked secret (the program then carries everything derived from it as a Pulumi secret,
 * printed {@code [secret]}) and the ciphertext is replaced by a value the key's validation accepts, chosen per key
 * below. A placeholder never claims to be the real value: it only ever flows into secret outputs, and {@code plan}
 * says which keys were planned with placeholders ({@link #caveat}).
 *
 * <p>A key that may not be secret ({@link StackConfig#SECRET_CAPABLE_KEYS}) gets the text {@code [secret]} and is
 * refused by {@link StackConfig#load} with its usual message.
 */
final class SecretPlaceholders {

    /** An IAM role name (1-64 of letters, digits and +=,.@_-). */
    static final String ROLE_NAME = "offline-placeholder-role";
    /** An IAM Identity Center user name. */
    static final String USER_NAME = "offline-placeholder-user";
    /** An AWS CLI profile name. */
    static final String PROFILE = "offline-placeholder-profile";
    /** An aws:assumeRole role ARN, in the commercial partition StackConfig accepts and the mock engine's account. */
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/offline-placeholder";
    /** Any other key: refused as a secret, or not ours to validate. */
    static final String OTHER = "[secret]";

    private SecretPlaceholders() {
    }

    /**
     * {@code value} with every {@code {secure: …}} object replaced by the placeholder for {@code qualifiedKey};
     * calls {@code foundSecret} when there was one (Pulumi then treats the whole key as secret).
     */
    static Object substitute(String project, String qualifiedKey, Object value, Runnable foundSecret) {
        var key = qualifiedKey.startsWith(project + ":") ? qualifiedKey.substring(project.length() + 1) : qualifiedKey;
        return substitute(key, value, null, foundSecret);
    }

    private static Object substitute(String key, Object value, Object position, Runnable foundSecret) {
        if (isSecure(value)) {
            foundSecret.run();
            return placeholder(key, position);
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(substitute(key, list.get(i), i, foundSecret));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<Object, Object>();
            map.forEach((k, v) -> copy.put(k, substitute(key, v, String.valueOf(k), foundSecret)));
            return copy;
        }
        return value;
    }

    /** {@code {secure: <ciphertext>}}, as the Pulumi CLI writes an encrypted value. */
    private static boolean isSecure(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.get("secure") instanceof String;
    }

    /**
     * The placeholder for the whole value of {@code key} ({@code position} null), its list element {@code position}
     * (an Integer) or its map leaf {@code position} (a String).
     */
    private static Object placeholder(String key, Object position) {
        if (key.equals(ConfigKeys.ENDPOINT_PUBLIC_ACCESS_CIDRS.name())) {
            // 203.0.113.0/24 is TEST-NET-3 (RFC 5737): documentation space, never a real client, yet a public IPv4
            // range as the endpoint checks require; one /32 per element so that elements stay distinct.
            var cidr = "203.0.113." + (position instanceof Integer i ? i % 256 : 0) + "/32";
            return position == null ? List.of(cidr) : cidr;
        }
        if (key.equals(ConfigKeys.JOB_READ_BUCKETS.name())) {
            // A syntactically valid S3 bucket name; distinct per element.
            var bucket = "offline-placeholder-bucket-" + (position instanceof Integer i ? i : 0);
            return position == null ? List.of(bucket) : bucket;
        }
        if (key.equals(ConfigKeys.EKS_ADMIN_ROLE_NAME.name())) {
            return ROLE_NAME;
        }
        if (key.equals(ConfigKeys.STUDIO_ADMIN_USER.name())) {
            return USER_NAME;
        }
        if (key.equals(ConfigKeys.AWS_PROFILE)) {
            return PROFILE;
        }
        if (key.equals(ConfigKeys.AWS_ASSUME_ROLE)) {
            return position == null ? Map.of("roleArn", ROLE_ARN) : "roleArn".equals(position) ? ROLE_ARN : OTHER;
        }
        return OTHER;
    }

    /** What {@code plan} prints when a stack file had secure values. */
    static String caveat(java.util.Collection<String> secretKeys) {
        return "secret values (" + String.join(", ", new java.util.TreeSet<>(secretKeys)) + ") cannot be decrypted offline: this plan used placeholder"
                + " values for them, not the real ones; everything derived from them shows as [secret]";
    }
}
