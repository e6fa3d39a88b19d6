package io.bigdatastack.config;

import io.bigdatastack.studio.StudioAccessLevel;
import io.bigdatastack.studio.StudioAuthMode;
import io.bigdatastack.studio.StudioMember;
import io.bigdatastack.testing.TestStacks;

import static io.bigdatastack.testing.TestStacks.assertOneProblem;
import static io.bigdatastack.testing.TestStacks.overrides;
import static io.bigdatastack.testing.TestStacks.problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EMR Studio keys: auth mode, admin user, and the studioUsers / studioGroups lists. */
class StudioConfigTest {




    @Test
    void defaultsAreSsoWithTheAdminOnly() {
        var studio = TestStacks.config(Map.of()).studio();
        assertEquals(StudioAuthMode.SSO, studio.authMode());
        assertEquals(Optional.of("jane"), studio.adminUser());
        assertEquals(List.of(), studio.users());
        assertEquals(List.of(), studio.groups());
    }

    @Test
    void ssoNeedsAnAdminUser() {
        assertOneProblem(overrides("studioAdminUser", null), "big-data-stack:studioAdminUser", "SSO", "pulumi config set studioAdminUser");
    }

    @Test
    void rejectsAMalformedAdminUser() {
        assertOneProblem(Map.of("studioAdminUser", "jane doe"), "big-data-stack:studioAdminUser", "'jane doe'", "Identity Center user name");
    }

    @Test
    void readsUsersAndGroupsWithTheirLevels() {
        var studio = TestStacks.config(Map.of(
                "studioUsers", "[\"ana@example.com\", \"bo:intermediate\", \"cy:basic\"]",
                "studioGroups", "[\"Data Engineers:intermediate\", \"analysts\"]")).studio();
        assertEquals(List.of(
                new StudioMember("ana@example.com", StudioAccessLevel.basic),
                new StudioMember("bo", StudioAccessLevel.intermediate),
                new StudioMember("cy", StudioAccessLevel.basic)), studio.users());
        assertEquals(List.of(
                new StudioMember("Data Engineers", StudioAccessLevel.intermediate),
                new StudioMember("analysts", StudioAccessLevel.basic)), studio.groups());
    }

    @Test
    void levelsAreCaseInsensitive() {
        var studio = TestStacks.config(Map.of("studioUsers", "[\"bo:Intermediate\"]")).studio();
        assertEquals(List.of(new StudioMember("bo", StudioAccessLevel.intermediate)), studio.users());
    }

    @Test
    void rejectsAnUnknownLevel() {
        assertOneProblem(Map.of("studioUsers", "[\"bo:expert\"]"), "big-data-stack:studioUsers", "'bo:expert'", "basic or intermediate");
    }

    @Test
    void advancedIsReservedForTheAdmin() {
        assertOneProblem(Map.of("studioGroups", "[\"ops:advanced\"]"), "big-data-stack:studioGroups", "'ops:advanced'", "reserved for studioAdminUser");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", ":basic", "", "a/b",
            "x234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"})
    void rejectsMalformedUserNames(String name) {
        assertOneProblem(Map.of("studioUsers", "[\"" + name + "\"]"), "big-data-stack:studioUsers", "Identity Center user name");
    }

    @Test
    void rejectsGroupNamesWithAColonOrNothing() {
        assertOneProblem(Map.of("studioGroups", "[\"team:a:basic\"]"), "big-data-stack:studioGroups", "'team:a:basic'", "no ':'");
        assertOneProblem(Map.of("studioGroups", "[\":intermediate\"]"), "big-data-stack:studioGroups", "Identity Center group name");
    }

    @Test
    void rejectsDuplicatesIgnoringCase() {
        assertOneProblem(Map.of("studioUsers", "[\"ana\", \"ANA:intermediate\"]"), "big-data-stack:studioUsers", "'ANA:intermediate'", "each name once");
        assertOneProblem(Map.of("studioGroups", "[\"ops\", \"Ops\"]"), "big-data-stack:studioGroups", "'Ops'", "each name once");
    }

    @Test
    void theAdminIsNotListedAgain() {
        assertOneProblem(Map.of("studioUsers", "[\"Jane:intermediate\"]"), "big-data-stack:studioUsers", "other than studioAdminUser");
    }

    @Test
    void aUserAndAGroupMayShareAName() {
        var studio = TestStacks.config(Map.of("studioUsers", "[\"ops\"]", "studioGroups", "[\"ops\"]")).studio();
        assertEquals(1, studio.users().size());
        assertEquals(1, studio.groups().size());
    }

    @Test
    void listsMustBeListsOfStrings() {
        assertOneProblem(Map.of("studioUsers", "ana"), "big-data-stack:studioUsers", "list of strings");
    }

    @Test
    void iamModeTakesNoSessionMappings() {
        var problems = problems(overrides("studioAuthMode", "IAM", "studioAdminUser", null,
                "studioUsers", "[\"ana\"]", "studioGroups", "[\"ops\"]"));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("big-data-stack:studioUsers") && problems.get(0).contains("only with SSO"), problems.get(0));
        assertTrue(problems.get(1).contains("big-data-stack:studioGroups") && problems.get(1).contains("only with SSO"), problems.get(1));
    }

    @Test
    void iamModeWithoutListsIsValid() {
        var studio = TestStacks.config(overrides("studioAuthMode", "IAM", "studioAdminUser", null)).studio();
        assertEquals(StudioAuthMode.IAM, studio.authMode());
        assertEquals(Optional.empty(), studio.adminUser());
    }

    @Test
    void everyBadEntryIsReportedAtOnce() {
        var problems = problems(Map.of("studioUsers", "[\"ok\", \"bad name\", \"x:expert\"]", "studioGroups", "[\"g:advanced\"]"));
        assertEquals(3, problems.size(), problems.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@example.com", "ana:basic", "ana:intermediate", "a+b=c,d.e_f-g"})
    void validUserEntries(String entry) {
        assertTrue(Validators.studioUserEntry(entry).isEmpty(), entry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Data Engineers", "Data Engineers:intermediate", "équipe-données", "team (EU)"})
    void validGroupEntries(String entry) {
        assertTrue(Validators.studioGroupEntry(entry).isEmpty(), entry);
    }
}
