package io.bigdatastack.config;

import io.bigdatastack.cli.StackFiles;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The teams key as a stack file writes it: a YAML list of maps, scalars typed or not (`pulumi config set --path`). */
class TeamsConfigTest {

    @TempDir
    Path project;

    @Test
    void aYamlListOfMapsInTheStackFileBecomesTeams() throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.t.yaml"), """
                config:
                  aws:region: us-east-1
                  big-data-stack:studioAdminUser: jane
                  big-data-stack:teams:
                    - name: analytics
                      cpuQuota: 32
                      memoryQuota: 128Gi
                      readBuckets:
                        - raw-events
                    - name: ml
                      glueCatalogAccess: true
                    - name: bi
                      glueCatalogAccess: "false"
                """);
        var config = StackConfig.load(StackFiles.read(project, "t"), TestStacks.CLOCK);
        assertTrue(config.teamsConfigured());
        assertEquals(List.of("analytics", "ml", "bi"), config.teams().stream().map(Team::name).toList());
        var analytics = config.teams().get(0);
        assertEquals(Optional.of("32"), analytics.cpuQuota());
        assertEquals(Optional.of("128Gi"), analytics.memoryQuota());
        assertEquals(List.of("raw-events"), analytics.readBuckets());
        assertEquals("teams/analytics/", analytics.dataPrefix());
        assertTrue(config.teams().get(1).glueCatalogAccess());
        assertFalse(config.teams().get(2).glueCatalogAccess());
        assertFalse(config.teams().get(2).hasQuota());
    }

    @Test
    void withoutTeamsOneTeamFromTodaysKeys() {
        var config = TestStacks.config(java.util.Map.of("emrNamespace", "spark", "jobReadBuckets", "[\"lake\"]", "glueCatalogAccess", "true"));
        assertFalse(config.teamsConfigured());
        var team = config.teams().get(0);
        assertEquals("spark", team.namespace());
        assertEquals(List.of("lake"), team.readBuckets());
        assertTrue(team.glueCatalogAccess());
    }
}
