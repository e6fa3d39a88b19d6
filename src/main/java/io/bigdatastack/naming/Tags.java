package io.bigdatastack.naming;

import java.util.LinkedHashMap;
import java.util.Map;

/** Tag maps: the common tags plus the ones a resource needs of its own. */
public final class Tags {

    private Tags() {
    }

    /** {@code base} plus {@code extra} (alternating keys and values); extra wins on a clash. */
    public static Map<String, String> with(Map<String, String> base, String... extra) {
        if (extra.length % 2 != 0) {
            throw new IllegalArgumentException("tags come in key/value pairs");
        }
        var tags = new LinkedHashMap<>(base);
        for (int i = 0; i < extra.length; i += 2) {
            tags.put(extra[i], extra[i + 1]);
        }
        return Map.copyOf(tags);
    }
}
