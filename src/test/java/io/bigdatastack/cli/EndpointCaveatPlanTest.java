package io.bigdatastack.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code plan} prints the interactive endpoint's Kubernetes-version caveat when the endpoint is on, and only then. */
class EndpointCaveatPlanTest {

    private static String plan(Path dir, String stackFile, String... mode) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), stackFile);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var args = mode.length == 0 ? new String[]{"plan", "qa", "--project-dir", dir.toString()}
                : new String[]{"plan", mode[0], "--project-dir", dir.toString()};
        int code = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String BASE = "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n";

    @Test
    void endpointOnPrintsTheCaveat(@TempDir Path dir) throws Exception {
        var out = plan(dir, BASE + "  big-data-stack:studioEndpoint: true\n");
        assertTrue(out.contains("Caveats:"), out);
        // Caveats wrap at 120 columns: compare the words, not the line breaks.
        var words = out.replaceAll("\\s+", " ");
        assertTrue(words.contains("Kubernetes up to 1.30") && words.contains("this cluster runs 1.35"), out);
        assertTrue(out.contains("StudioEndpointId"), out);
    }

    @Test
    void allStacksModePrintsItToo(@TempDir Path dir) throws Exception {
        var out = plan(dir, BASE + "  big-data-stack:studioEndpoint: true\n", "--all");
        assertTrue(out.contains("caveat: studioEndpoint: AWS documents"), out);
    }

    @Test
    void endpointOffPrintsNone(@TempDir Path dir) throws Exception {
        var out = plan(dir, BASE + "  big-data-stack:loadBalancerController: true\n");
        assertFalse(out.contains("Caveats:"), out);
        assertFalse(out.contains("1.30"), out);
    }
}
