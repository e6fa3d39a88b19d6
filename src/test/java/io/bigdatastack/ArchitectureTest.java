package io.bigdatastack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The package graph (README, Layout): commands at the edge ({@code cli}), libraries that know nothing of the program
 * ({@code plan}, {@code insight}, {@code aws}), infrastructure components that know nothing of the commands or of
 * how configuration is read, and no cycle anywhere.
 */
class ArchitectureTest {

    private static final String[] INFRASTRUCTURE = {
            "io.bigdatastack.network..", "io.bigdatastack.cluster..", "io.bigdatastack.addons..", "io.bigdatastack.emr..",
            "io.bigdatastack.studio..", "io.bigdatastack.storage..", "io.bigdatastack.iam..", "io.bigdatastack.naming..",
            "io.bigdatastack.protection.."};

    private static JavaClasses program;

    @BeforeAll
    static void importProgram() {
        program = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.bigdatastack");
        assertFalse(program.isEmpty());
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.bigdatastack.(*)..").should().beFreeOfCycles().check(program);
    }

    @Test
    void infrastructureDoesNotKnowCommandsLibrariesOrConfiguration() {
        noClasses().that().resideInAnyPackage(INFRASTRUCTURE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.bigdatastack.plan..", "io.bigdatastack.insight..", "io.bigdatastack.cli..", "io.bigdatastack.config..")
                .check(program);
    }

    @Test
    void planAndInsightAreLibrariesThatImportNothingOfTheProgram() {
        var program = new String[INFRASTRUCTURE.length + 3];
        System.arraycopy(INFRASTRUCTURE, 0, program, 0, INFRASTRUCTURE.length);
        program[INFRASTRUCTURE.length] = "io.bigdatastack.config..";
        program[INFRASTRUCTURE.length + 1] = "io.bigdatastack.cli..";
        program[INFRASTRUCTURE.length + 2] = "io.bigdatastack"; // BigDataStack, App
        noClasses().that().resideInAnyPackage("io.bigdatastack.plan..", "io.bigdatastack.insight..")
                .should().dependOnClassesThat().resideInAnyPackage(program)
                .check(ArchitectureTest.program);
    }

    @Test
    void awsFactsAndSupportHelpersImportNothingOfTheProgram() {
        noClasses().that().resideInAnyPackage("io.bigdatastack.aws..", "io.bigdatastack.support..")
                .should().dependOnClassesThat().resideInAnyPackage("io.bigdatastack")
                .orShould().dependOnClassesThat().resideOutsideOfPackages("io.bigdatastack.aws..", "io.bigdatastack.support..",
                        "java..", "com.google.gson..")
                .check(program);
    }

    @Test
    void onlyTheCommandsAndTheEntryPointUseTheCommands() {
        noClasses().that().resideOutsideOfPackages("io.bigdatastack.cli..", "io.bigdatastack")
                .should().dependOnClassesThat().resideInAnyPackage("io.bigdatastack.cli..")
                .check(program);
    }
}
