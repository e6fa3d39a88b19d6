package io.bigdatastack;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package graph (docs/architecture.md): commands at the edge ({@code cli}), libraries that know nothing of the program
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

    /**
     * Every top-level package under {@code root} is a slice, and {@code root} itself is one more: ArchUnit's
     * {@code matching("root.(*)..")} leaves the root package's classes (App) out, so a cycle through them went unseen.
     */
    static ArchRule packagesUnderFormNoCycle(String root) {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                var pkg = javaClass.getPackageName();
                if (pkg.equals(root)) {
                    return SliceIdentifier.of("(root package " + root + ")");
                }
                if (pkg.startsWith(root + ".")) {
                    return SliceIdentifier.of(pkg.substring(root.length() + 1).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages under " + root + ", its root package included";
            }
        }).should().beFreeOfCycles();
    }

    @Test
    void packagesFormNoCycleRootPackageIncluded() {
        packagesUnderFormNoCycle("io.bigdatastack").check(program);
    }

    @Test
    void theCycleRuleCatchesACyclePlantedThroughARootPackage() {
        var fixture = new ClassFileImporter().importPackages("io.bigdatastack.testing.cyclefixture");
        assertEquals(2, fixture.size(), "the fixture's two classes");
        var failure = assertThrows(AssertionError.class,
                () -> packagesUnderFormNoCycle("io.bigdatastack.testing.cyclefixture").check(fixture));
        assertTrue(failure.getMessage().contains("root package io.bigdatastack.testing.cyclefixture")
                && failure.getMessage().contains("inner"), failure.getMessage());
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
        var program = new String[INFRASTRUCTURE.length + 4];
        System.arraycopy(INFRASTRUCTURE, 0, program, 0, INFRASTRUCTURE.length);
        program[INFRASTRUCTURE.length] = "io.bigdatastack.config..";
        program[INFRASTRUCTURE.length + 1] = "io.bigdatastack.cli..";
        program[INFRASTRUCTURE.length + 2] = "io.bigdatastack"; // App
        program[INFRASTRUCTURE.length + 3] = "io.bigdatastack.stack.."; // BigDataStack, the composition root
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
