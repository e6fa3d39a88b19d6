package io.bigdatastack.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stack files read as the Pulumi CLI reads them (YAML 1.2 core schema, namespaced keys), and hostile ones refused
 * quickly: exit 2, file and line, never a stack trace, a hang or an out-of-memory.
 */
class HostileStackFileTest {

    private static final String BASE = "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n";

    private record Run(int exitCode, String out, String err) {
    }

    private static Run plan(Path dir, String stackFile) throws Exception {
        if (!Files.exists(dir.resolve("Pulumi.yaml"))) {
            Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        }
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), stackFile);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = PlanCommand.run(new String[]{"plan", "qa", "--project-dir", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String laughs(boolean scalar) {
        var yaml = new StringBuilder("config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n  big-data-stack:teams:\n");
        yaml.append("    - name: a\n      readBuckets: &l0 [").append(scalar ? "&s \"" + "x".repeat(2000) + "\"" : "\"lol\"").append(", ")
                .append(scalar ? "*s" : "\"lol\"").append("]\n");
        for (int i = 1; i < (scalar ? 20 : 12); i++) {
            yaml.append("    - name: t").append(i).append("\n      readBuckets: &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append(scalar ? "*s" : "*l" + (i - 1));
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    /** Hostile files, each with a fragment its refusal must contain. */
    static Map<String, String> hostileFiles() {
        var files = new LinkedHashMap<String, String>();
        files.put(laughs(false), "alias");
        files.put(laughs(true), "alias");
        files.put(BASE + "  big-data-stack:teams: &t [{name: a, readBuckets: *t}]\n", "recursive");
        files.put(BASE + "  big-data-stack:teams: &t {name: *t}\n", "recursive");
        files.put(BASE + "  big-data-stack:teams: [{name: a, cpuQuota: .inf}]\n", "big-data-stack:teams[0].cpuQuota");
        files.put(BASE + "  big-data-stack:teams: [{name: a, extra: {deep: [1, .NaN]}}]\n", "big-data-stack:teams[0].extra.deep[1]");
        files.put(BASE + "  big-data-stack:jobReadBuckets: [a-bucket, 1e400]\n", "big-data-stack:jobReadBuckets[1]");
        files.put(BASE + "  big-data-stack:azCount: -.Inf\n", "not finite");
        files.put(BASE + "  azCount: 3\n", "key 'azCount': expected <namespace>:<name>");
        files.put(BASE + "  :azCount: 3\n", "expected <namespace>:<name>");
        files.put(BASE + "  \"big-data-stack:\": 3\n", "expected <namespace>:<name>");
        files.put(BASE + "  ? [a, b]\n  : c\n", "a key that is a list or map");
        files.put(BASE + "  big-data-stack:teams: [{name: !!binary aGVsbG8=}]\n", "tag");
        files.put(BASE + "  big-data-stack:teams: [{name: !custom x}]\n", "tag");
        files.put(BASE + "  big-data-stack:teams: [{name: a, cpuQuota: !!int abc}]\n", "!!int");
        files.put("config: [a, b]\n", "config: expected a map");
        files.put("config: 3\n", "config: expected a map");
        files.put("- a\n- b\n", "the top level must be a map");
        files.put(BASE + "  big-data-stack:azCount: [3\n", "malformed YAML");
        files.put(BASE + "  big-data-stack:teams: " + "[".repeat(200) + "]".repeat(200) + "\n", "nested deeper");
        files.put(BASE + "  big-data-stack:azCount: *nowhere\n", "malformed YAML");
        files.put(BASE + "  big-data-stack:azCount: 2\n  big-data-stack:azCount: 3\n", "duplicate key");
        files.put(BASE + "  big-data-stack:teams: [{name: a, name: b}]\n", "duplicate key");
        files.put(BASE + "  big-data-stack:teams: [{name: a}, ~]\n", "has no value");
        files.put(BASE + "  big-data-stack:azCount:\n", "has no value");
        files.put(BASE + "  big-data-stack:protectStatefulResources: yes\n", "got 'yes', expected true or false");
        files.put(BASE + "  big-data-stack:teams: [{name: a, glueCatalogAccess: on}]\n", "got 'on', expected true or false");
        files.put(BASE + "  big-data-stack:azCount: 1:30\n", "got '1:30'");
        files.put(BASE + "  big-data-stack:azCont: 3\n", "did you mean 'big-data-stack:azCount'?");
        files.put(BASE + "  big-data-stack:teams: [{name: a, readBucket: [x]}]\n", "did you mean 'readBuckets'?");
        files.put(BASE + "  big-data-stack:teams: [{name: a, cpuQuota: {a: 1}}]\n", "cpuQuota");
        files.put(BASE + "  big-data-stack:teams: \"[{\\\"name\\\": [1e999]}]\"\n", "big-data-stack:teams[0].name");
        files.put(BASE + "  big-data-stack:teams: {secure: }\n", "has no value");
        files.put(BASE + "  big-data-stack:jobReadBuckets: \"[\\\"a\\\",\"\n", "big-data-stack:jobReadBuckets");
        files.put(BASE + "  big-data-stack:teams: [{name: A_B}]\n", "teams[0].name");
        files.put("\t" + BASE, "malformed YAML");
        files.put(BASE + "  big-data-stack:azCount: \"\u0000\"\n", "malformed YAML: special characters are not allowed");
        files.put("%YAML 1.1\n---\n" + BASE + "---\nconfig: {}\n", "expected a single document");
        return files;
    }

    @Test
    void everyHostileFileIsRefusedWithFileLineAndNoStackTrace(@TempDir Path dir) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (var file : hostileFiles().entrySet()) {
                var run = plan(dir, file.getKey());
                var shown = file.getKey().length() > 300 ? file.getKey().substring(0, 300) + "..." : file.getKey();
                assertEquals(2, run.exitCode(), shown + "\n" + run.out() + run.err());
                assertTrue(run.err().contains(file.getValue()), "'" + run.err() + "' should contain '" + file.getValue() + "' for\n" + shown);
                assertTrue(run.err().contains("Pulumi.qa.yaml"), "names the file: " + run.err());
                assertFalse(run.err().contains("Exception") || run.err().contains("at io.") || run.err().contains("\tat "), run.err());
                assertFalse(Files.exists(dir.resolve("target/plan/qa.json")), "nothing written for\n" + shown);
            }
        });
    }

    @Test
    void refusalsNameTheLine(@TempDir Path dir) throws Exception {
        var run = plan(dir, BASE + "  big-data-stack:teams:\n    - name: a\n      cpuQuota: .nan\n");
        assertTrue(run.err().contains("Pulumi.qa.yaml:6: big-data-stack:teams[0].cpuQuota"), run.err());
        var unknown = plan(dir, BASE + "  big-data-stack:azCont: 3\n");
        assertTrue(unknown.err().contains("Pulumi.qa.yaml:4: big-data-stack:azCont: unknown key"), unknown.err());
        var value = plan(dir, BASE + "  big-data-stack:azCount: 12\n");
        assertTrue(value.err().contains("Pulumi.qa.yaml:4: big-data-stack:azCount: got '12'"), value.err());
    }

    @Test
    void valuesAreReadByTheYaml12CoreSchema(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), BASE + """
                  big-data-stack:clusterName: 1:30
                  big-data-stack:studioUsers: [yes, no, on, off, 2001-12-14, 1:30]
                  big-data-stack:azCount: 0x3
                  big-data-stack:teams: [{name: a, readBuckets: [b-1], glueCatalogAccess: true, cpuQuota: 010}]
                  big-data-stack:baseNodeMaxSize: &max 6
                  big-data-stack:spotNodeMaxSize: *max
                """);
        var source = StackFiles.read(dir, "qa");
        // A single value reaches the program as written, as the CLI keeps it.
        assertEquals("1:30", source.get("big-data-stack:clusterName").orElseThrow());
        assertEquals("0x3", source.get("big-data-stack:azCount").orElseThrow());
        assertEquals("6", source.get("big-data-stack:spotNodeMaxSize").orElseThrow());
        // Inside a list, YAML 1.1's booleans, sexagesimals and timestamps stay strings.
        assertEquals("[\"yes\",\"no\",\"on\",\"off\",\"2001-12-14\",\"1:30\"]", source.get("big-data-stack:studioUsers").orElseThrow());
        assertEquals("[{\"name\":\"a\",\"readBuckets\":[\"b-1\"],\"glueCatalogAccess\":true,\"cpuQuota\":10}]",
                source.get("big-data-stack:teams").orElseThrow());
        assertEquals(java.util.Optional.of("Pulumi.qa.yaml:7"), source.location("big-data-stack:teams"));
    }

    @Test
    void mergeKeysApplyAsTheCliAppliesThem(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), BASE + """
                  big-data-stack:teams:
                    - &base {name: a, cpuQuota: "8"}
                    - <<: *base
                      name: b
                """);
        assertEquals("[{\"name\":\"a\",\"cpuQuota\":\"8\"},{\"name\":\"b\",\"cpuQuota\":\"8\"}]",
                sortedTeams(StackFiles.read(dir, "qa").get("big-data-stack:teams").orElseThrow()));
    }

    /** Merged keys come first in SnakeYAML's output; order within a team map is not significant. */
    private static String sortedTeams(String json) {
        var array = com.google.gson.JsonParser.parseString(json).getAsJsonArray();
        var out = new com.google.gson.JsonArray();
        for (var element : array) {
            var sorted = new com.google.gson.JsonObject();
            element.getAsJsonObject().entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.equals("name") ? -1 : b.equals("name") ? 1 : a.compareTo(b)))
                    .forEach(e -> sorted.add(e.getKey(), e.getValue()));
            out.add(sorted);
        }
        return out.toString();
    }
}
