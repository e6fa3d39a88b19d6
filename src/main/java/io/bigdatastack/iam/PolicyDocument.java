package io.bigdatastack.iam;

import io.bigdatastack.support.Json;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM policy document built as data and serialized once, instead of JSON glued from strings.
 *
 * <pre>{@code
 * PolicyDocument.of(
 *     Statement.allow("ReadJobBucket").actions("s3:GetObject").resources(bucketArn + "/*"))
 *   .toJson();
 * }</pre>
 */
public final class PolicyDocument {

    private static final com.google.gson.Gson GSON = Json.COMPACT;

    private final List<Statement> statements;

    private PolicyDocument(List<Statement> statements) {
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a policy document needs at least one statement");
        }
        this.statements = List.copyOf(statements);
    }

    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument(List.of(statements));
    }

    public static PolicyDocument of(List<Statement> statements) {
        return new PolicyDocument(statements);
    }

    public List<Statement> statements() {
        return statements;
    }

    public Map<String, Object> toMap() {
        var document = new LinkedHashMap<String, Object>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements.stream().map(Statement::toMap).toList());
        return document;
    }

    public String toJson() {
        return GSON.toJson(toMap());
    }

    /**
     * Inline policies of one role may hold at most 10,240 characters together; a managed policy at most 6,144
     * (IAM and AWS STS quotas, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
     */
    public static final int MAX_ROLE_INLINE_POLICY_CHARACTERS = 10_240;
    public static final int MAX_MANAGED_POLICY_CHARACTERS = 6_144;

    /** The document's size as IAM counts it against those quotas: characters of its JSON, white space excluded. */
    public int iamSize() {
        return (int) toJson().codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    /** One statement; fluent, each call returns a new value. */
    public record Statement(String sid, String effect, Map<String, Object> principal, List<String> actions,
                            List<String> resources, Map<String, Map<String, Object>> conditions) {

        public static Statement allow(String sid) {
            return new Statement(sid, "Allow", Map.of(), List.of(), List.of(), Map.of());
        }

        public static Statement deny(String sid) {
            return new Statement(sid, "Deny", Map.of(), List.of(), List.of(), Map.of());
        }

        public Statement actions(String... values) {
            return new Statement(sid, effect, principal, List.of(values), resources, conditions);
        }

        public Statement actions(List<String> values) {
            return new Statement(sid, effect, principal, List.copyOf(values), resources, conditions);
        }

        public Statement resources(String... values) {
            return new Statement(sid, effect, principal, actions, List.of(values), conditions);
        }

        public Statement resources(List<String> values) {
            return new Statement(sid, effect, principal, actions, List.copyOf(values), conditions);
        }

        /** {@code "Principal": {type: value}}, e.g. {@code principal("Service", "eks.amazonaws.com")}. */
        public Statement principal(String type, Object value) {
            var merged = new LinkedHashMap<>(principal);
            merged.put(type, value);
            return new Statement(sid, effect, Map.copyOf(merged), actions, resources, conditions);
        }

        /** Adds {@code "Condition": {operator: {key: value}}}; value is a string or a list of strings. */
        public Statement condition(String operator, String key, Object value) {
            var merged = new LinkedHashMap<String, Map<String, Object>>();
            conditions.forEach((op, entries) -> merged.put(op, new LinkedHashMap<>(entries)));
            merged.computeIfAbsent(operator, k -> new LinkedHashMap<>()).put(key, value);
            return new Statement(sid, effect, principal, actions, resources, Map.copyOf(merged));
        }

        Map<String, Object> toMap() {
            if (actions.isEmpty()) {
                throw new IllegalStateException("statement " + sid + " has no actions");
            }
            var map = new LinkedHashMap<String, Object>();
            if (sid != null && !sid.isEmpty()) {
                map.put("Sid", sid);
            }
            map.put("Effect", effect);
            if (!principal.isEmpty()) {
                map.put("Principal", new java.util.TreeMap<>(principal));
            }
            map.put("Action", actions.size() == 1 ? actions.get(0) : actions);
            if (!resources.isEmpty()) {
                map.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
            }
            if (!conditions.isEmpty()) {
                var sorted = new java.util.TreeMap<String, Object>();
                conditions.forEach((op, entries) -> sorted.put(op, new java.util.TreeMap<>(entries)));
                map.put("Condition", sorted);
            }
            return map;
        }
    }

}
