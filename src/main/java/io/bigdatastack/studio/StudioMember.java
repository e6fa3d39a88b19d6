package io.bigdatastack.studio;

import java.util.Locale;
import java.util.Objects;

/**
 * An IAM Identity Center user or group given access to the Studio with one session policy.
 *
 * <p>Config form (the {@code studioUsers} and {@code studioGroups} lists): {@code "<name>"} for the basic level or
 * {@code "<name>:<level>"}, e.g. {@code "ana"}, {@code "data-engineers:intermediate"}. The name is everything before
 * the last colon, so names themselves cannot contain one. Validation lives in
 * {@link io.bigdatastack.config.Validators}; {@link #parse} expects a validated entry.
 *
 * @param name  the Identity Center user or group name (compared case-insensitively); changing it replaces the session
 *              mapping
 * @param level the session policy it is mapped with; changing it updates the mapping in place
 */
public record StudioMember(String name, StudioAccessLevel level) {

    public static final String LEVEL_SEPARATOR = ":";

    public StudioMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
    }

    /** {@code "ana"} is basic, {@code "ana:intermediate"} intermediate. */
    public static StudioMember parse(String entry) {
        int separator = entry.lastIndexOf(LEVEL_SEPARATOR);
        if (separator < 0) {
            return new StudioMember(entry.trim(), StudioAccessLevel.basic);
        }
        var level = StudioAccessLevel.valueOf(entry.substring(separator + 1).trim().toLowerCase(Locale.ROOT));
        return new StudioMember(entry.substring(0, separator).trim(), level);
    }
}
