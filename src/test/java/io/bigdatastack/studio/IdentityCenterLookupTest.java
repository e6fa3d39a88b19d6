package io.bigdatastack.studio;

import io.bigdatastack.plan.AwsMockEngine;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.plan.PlanRunner;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Studio users and groups are looked up in the Region's Identity Store before their session mappings
 * (https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_GetUserId.html): invokes run at
 * preview, so a misspelt name fails there.
 */
class IdentityCenterLookupTest {

    private static final Map<String, String> MEMBERS = Map.of(
            "studioUsers", "[\"ana\", \"bo:intermediate\"]",
            "studioGroups", "[\"Data Engineers\"]");

    private static Plan plan(Set<String> missing) {
        var config = TestStacks.config(MEMBERS);
        return io.bigdatastack.cli.Planner.plan(config, "test", new AwsMockEngine("us-east-1", missing));
    }

    @Test
    void everyNameThatExistsIsMapped() {
        var names = plan(Set.of()).ofType("aws:emr/studioSessionMapping:StudioSessionMapping").stream()
                .map(m -> m.inputString("identityName")).sorted().toList();
        assertEquals(java.util.List.of("Data Engineers", "ana", "bo", "jane"), names);
    }

    @Test
    void aMissingUserFailsNamingTheKeyAndTheName() {
        var failure = assertThrows(PlanRunner.PlanFailedException.class, () -> plan(Set.of("bo")));
        assertTrue(failure.getMessage().contains("big-data-stack:studioUsers: IAM Identity Center user 'bo' was not found in identity store "
                + AwsMockEngine.IDENTITY_STORE_ID), failure.getMessage());
    }

    @Test
    void aMissingAdminOrGroupIsReportedUnderItsOwnKey() {
        var admin = assertThrows(PlanRunner.PlanFailedException.class, () -> plan(Set.of("jane")));
        assertTrue(admin.getMessage().contains("big-data-stack:studioAdminUser: IAM Identity Center user 'jane'"), admin.getMessage());
        var group = assertThrows(PlanRunner.PlanFailedException.class, () -> plan(Set.of("data engineers")));
        assertTrue(group.getMessage().contains("big-data-stack:studioGroups: IAM Identity Center group 'Data Engineers'"), group.getMessage());
    }
}
