package io.bigdatastack.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The policy pack judges the cluster's version with its own copy of the EKS version table (TypeScript cannot read the
 * Java one); the two must say the same, or the pack would pass a version the program refuses, or the reverse.
 */
class KubernetesVersionsPolicyDataTest {

    private static final Pattern ROW = Pattern.compile(
            "\\{\\s*minor:\\s*\"([^\"]+)\",\\s*endOfStandardSupport:\\s*\"([^\"]+)\",\\s*endOfExtendedSupport:\\s*\"([^\"]+)\"\\s*}");

    @Test
    void policyPackTableEqualsTheProgramsTable() throws IOException {
        var text = Files.readString(Path.of("policy", "data", "eks-versions.ts"));
        var policyRows = new ArrayList<String>();
        var matcher = ROW.matcher(text);
        while (matcher.find()) {
            policyRows.add(matcher.group(1) + " " + matcher.group(2) + " " + matcher.group(3));
        }
        List<String> programRows = KubernetesVersions.ALL.stream()
                .map(v -> v.minor() + " " + v.endOfStandardSupport() + " " + v.endOfExtendedSupport())
                .toList();
        assertEquals(programRows, policyRows);
    }
}
