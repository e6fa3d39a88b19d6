package io.bigdatastack.cli;

import io.bigdatastack.cluster.KubernetesVersions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan} prints, as a caveat, the warning {@code pulumi up} logs in a version's last
 * {@link KubernetesVersions#WARNING_DAYS} days of standard support (single stack and {@code --all}).
 */
class SupportWindowCaveatPlanTest {

    private static final String VERSION = "1.35";
    private static final LocalDate END = KubernetesVersions.find(VERSION).orElseThrow().endOfStandardSupport();
    private static final String BASE = "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n"
            + "  big-data-stack:kubernetesVersion: \"" + VERSION + "\"\n";

    private static String plan(Path dir, String stackFile, LocalDate today, String target) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), stackFile);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var clock = Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        int code = PlanCommand.run(new String[]{"plan", target, "--project-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), clock);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String WARNING = "Kubernetes " + VERSION + " leaves EKS standard support on ";

    @Test
    void inTheLastDaysOfStandardSupportPlanWarns(@TempDir Path dir) throws Exception {
        var out = plan(dir, BASE, END.minusDays(10), "qa");
        assertTrue(out.contains("Caveats:") && out.contains(WARNING + END), out);
        var all = plan(dir, BASE, END.minusDays(KubernetesVersions.WARNING_DAYS), "--all");
        assertTrue(all.contains("  caveat: " + WARNING + END), all);
    }

    @Test
    void earlierOrWithExtendedSupportItDoesNot(@TempDir Path dir) throws Exception {
        var early = plan(dir, BASE, END.minusDays(KubernetesVersions.WARNING_DAYS + 1), "qa");
        assertFalse(early.contains(WARNING), early);
        var extended = plan(dir, BASE + "  big-data-stack:kubernetesSupportType: EXTENDED\n", END.minusDays(10), "--all");
        assertFalse(extended.contains(WARNING), extended);
    }
}
