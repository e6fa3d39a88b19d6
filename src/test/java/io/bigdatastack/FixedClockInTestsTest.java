package io.bigdatastack;

import com.pulumi.Context;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.bigdatastack.cli.Commands;
import io.bigdatastack.cli.PlanCommand;
import io.bigdatastack.cli.Planner;
import io.bigdatastack.cli.ReadmeCommand;
import io.bigdatastack.config.ConfigSource;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.support.WallClock;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Tests judge Kubernetes support windows by {@code TestStacks.CLOCK}, never by today's date: otherwise the suite
 * starts failing the day a committed stack's version leaves standard support. (The build's {@code plan --all} and the
 * policy check do use the real date on purpose: a committed stack past standard support must be fixed.)
 */
class FixedClockInTestsTest {

    @Test
    void testsNeverCallAnEntryPointThatReadsTheWallClock() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("io.bigdatastack");
        assertFalse(tests.isEmpty());
        noClasses().should().callMethod(WallClock.class, "get")
                .orShould().callMethod(StackConfig.class, "load", ConfigSource.class)
                .orShould().callMethod(Planner.class, "load", Path.class, String.class)
                .orShould().callMethod(PlanCommand.class, "run", String[].class, PrintStream.class, PrintStream.class)
                .orShould().callMethod(ReadmeCommand.class, "run", String[].class, PrintStream.class, PrintStream.class)
                .orShould().callMethod(Commands.class, "run", String[].class, PrintStream.class, PrintStream.class)
                .orShould().callMethod(App.class, "run", Context.class, ConfigSource.class)
                .because("tests pass TestStacks.CLOCK (the overloads taking a Clock), so they pass on any date")
                .check(tests);
    }
}
