package io.bigdatastack.studio;

import java.util.Locale;
import java.util.Optional;

/**
 * The rules of EMR Studio access that relate several settings, as pure functions. {@code StackConfig} calls them once
 * while reading the keys (naming each key); {@link EmrStudioArgs} asserts the same functions, so a rule is written once.
 */
public final class StudioRules {

    private StudioRules() {
    }

    /**
     * An SSO Studio maps its admin user to the advanced session policy
     * (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-manage-users.html); an IAM Studio has none.
     */
    public static Optional<String> adminUser(StudioAuthMode mode, boolean adminUserSet) {
        return mode == StudioAuthMode.SSO && !adminUserSet
                ? Optional.of("an IAM Identity Center user name when studioAuthMode is SSO")
                : Optional.empty();
    }

    /** Session mappings (users and groups, the stack's or a team's) exist only with SSO authentication. */
    public static Optional<String> sessionMappings(StudioAuthMode mode) {
        return mode == StudioAuthMode.SSO ? Optional.empty()
                : Optional.of("no entries when studioAuthMode is " + mode + " (session mappings exist only with SSO)");
    }

    /**
     * The form under which two Identity Center names are the same identity: names are case-insensitive, and EMR maps
     * an identity to one session policy per Studio, so each may be mapped once.
     */
    public static String identity(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
