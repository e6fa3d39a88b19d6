package io.bigdatastack.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's configuration table names every key Pulumi.yaml declares (PulumiYamlTest ties those to ConfigKeys). */
class ReadmeConfigTableTest {

    @Test
    void everyKeyHasARow() throws Exception {
        var readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        var table = readme.substring(start, readme.indexOf("\n## ", start + 1));
        var missing = new ArrayList<String>();
        for (var key : ConfigKeys.ALL) {
            // Node-group sizes share one row: `baseNodeMinSize` / `DesiredSize` / `MaxSize`.
            var sized = key.name().matches("(base|spot)Node(Min|Desired|Max)Size");
            var row = sized ? "| `" + key.name().replaceAll("(Min|Desired|Max)Size$", "MinSize") + "` / `DesiredSize` / `MaxSize` |"
                    : "| `" + key.name() + "` |";
            if (!table.contains(row)) {
                missing.add(key.name());
            }
        }
        assertEquals(java.util.List.of(), missing, "README configuration rows missing");
    }
}
