package io.bigdatastack.studio;

import com.pulumi.core.Output;

import java.util.List;

/**
 * Identity Center groups tied to one data team: their Studio session policy names only that team's virtual cluster
 * (and so only the interactive endpoints on it), not the stack's first one.
 *
 * @param team             the team's name (used in logical and policy names)
 * @param virtualClusterId the team's virtual cluster
 * @param groups           the groups and their levels (basic or intermediate)
 */
public record TeamStudioAccess(String team, Output<String> virtualClusterId, List<StudioMember> groups) {

    public TeamStudioAccess {
        groups = List.copyOf(groups);
    }
}
