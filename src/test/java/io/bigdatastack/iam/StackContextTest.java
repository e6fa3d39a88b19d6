package io.bigdatastack.iam;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One stack-wide context: partition and account are looked up once ({@link AwsScope#lookup}) and every ARN the program
 * writes comes from {@link AwsScope}. Scans the program's sources, so a new {@code "arn:aws:..."} literal or a second
 * {@code getCallerIdentity} fails the build.
 */
class StackContextTest {

    private static final Path MAIN = Path.of("src/main/java/io/bigdatastack");

    /** Code lines (not comments) of every main source file, as "file:line: text". */
    private static List<String> codeLinesContaining(String needle, List<String> exemptFiles) {
        var hits = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                var relative = MAIN.relativize(file).toString().replace('\\', '/');
                if (exemptFiles.contains(relative)) {
                    continue;
                }
                var lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    var line = lines.get(i).trim();
                    if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                        continue;
                    }
                    if (line.contains(needle)) {
                        hits.add(relative + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    @Test
    void noArnIsWrittenWithAHardCodedPartition() {
        // Exempt: the mock engine answers as AWS does in the commercial partition, and StackConfig checks a user's
        // aws:assumeRole ARN against the only partition it accepts (it refuses GovCloud and China Regions), so the
        // offline placeholder for a secret aws:assumeRole ARN is written in that partition too.
        assertEquals(List.of(), codeLinesContaining("arn:aws:",
                List.of("plan/AwsMockEngine.java", "config/StackConfig.java", "cli/SecretPlaceholders.java")));
    }

    @Test
    void partitionAndAccountAreLookedUpOnce() {
        var exempt = List.of("iam/AwsScope.java", "plan/AwsMockEngine.java");
        assertEquals(List.of(), codeLinesContaining("getCallerIdentity", exempt));
        assertEquals(List.of(), codeLinesContaining("getPartition", exempt));
        assertEquals(1, codeLinesContaining("AwsScope.lookup(", List.of()).size(), "BigDataStack looks the scope up once");
    }

    @Test
    void everyRoleIsMadeByTheOneFactory() {
        assertEquals(List.of(), codeLinesContaining("new Role(", List.of("iam/IamRole.java")));
        assertEquals(List.of(), codeLinesContaining("new RolePolicy(", List.of("iam/IamRole.java")));
    }
}
