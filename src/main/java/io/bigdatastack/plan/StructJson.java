package io.bigdatastack.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

/**
 * Turns the protobuf Struct of a RegisterResourceRequest into plain JSON, the way a provider would see the values:
 * secrets become {@link Plan#SECRET}, resource references their URN, assets and archives their path or hash.
 *
 * <p>The special-value signatures are the Pulumi wire format's
 * (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/sig/sig.go).
 */
final class StructJson {

    private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    private static final String OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    private static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private StructJson() {
    }

    static JsonObject toJson(Struct struct) {
        var object = new JsonObject();
        struct.getFieldsMap().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> object.add(e.getKey(), toJson(e.getValue())));
        return object;
    }

    static JsonElement toJson(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> JsonNull.INSTANCE;
            case BOOL_VALUE -> new JsonPrimitive(value.getBoolValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> UNKNOWN.equals(value.getStringValue())
                    ? new JsonPrimitive("[unknown]") : new JsonPrimitive(value.getStringValue());
            case LIST_VALUE -> {
                var array = new JsonArray();
                value.getListValue().getValuesList().forEach(v -> array.add(toJson(v)));
                yield array;
            }
            case STRUCT_VALUE -> special(value.getStructValue());
        };
    }

    private static JsonElement special(Struct struct) {
        var fields = struct.getFieldsMap();
        var sig = fields.get(SIG_KEY);
        if (sig == null) {
            return toJson(struct);
        }
        var kind = sig.getStringValue();
        if (SECRET_SIG.equals(kind)) {
            return new JsonPrimitive(Plan.SECRET);
        }
        if (OUTPUT_VALUE_SIG.equals(kind)) {
            if (fields.containsKey("secret") && fields.get("secret").getBoolValue()) {
                return new JsonPrimitive(Plan.SECRET);
            }
            return fields.containsKey("value") ? toJson(fields.get("value")) : new JsonPrimitive("[unknown]");
        }
        if (RESOURCE_REFERENCE_SIG.equals(kind)) {
            return new JsonPrimitive(fields.get("urn").getStringValue());
        }
        // Assets and archives: keep whatever identifies them (path, text hash) without the signature.
        var copy = toJson(struct);
        copy.remove(SIG_KEY);
        return copy;
    }

    private static JsonPrimitive number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return new JsonPrimitive((long) d);
        }
        return new JsonPrimitive(d);
    }
}
