package io.bigdatastack.config;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pulumi.yaml declares exactly the keys {@link ConfigKeys} reads, with the same types, defaults and descriptions. */
class PulumiYamlTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> project() throws IOException {
        return new Yaml().load(Files.readString(Path.of("Pulumi.yaml")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void declaresEveryKeyWithTypeDefaultAndDescription() throws IOException {
        var declared = (Map<String, Map<String, Object>>) project().get("config");
        assertEquals(ConfigKeys.ALL.stream().map(ConfigKey::name).collect(Collectors.toSet()), declared.keySet());
        for (var key : ConfigKeys.ALL) {
            var declaration = declared.get(key.name());
            assertEquals(key.type().yamlName, declaration.get("type"), key.name() + " type");
            assertEquals(key.defaultValue(), normalize(declaration.get("default")), key.name() + " default");
            // The description is declared once, in ConfigKeys; Pulumi.yaml repeats it word for word.
            assertEquals(key.description(), declaration.get("description"), key.name() + " description");
            if (key.type() == ConfigKey.Type.ARRAY) {
                assertEquals(Map.of("type", "string"), declaration.get("items"), key.name() + " items");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsThePrebuiltJar() throws IOException {
        var project = project();
        assertEquals("big-data-stack", project.get("name"));
        var runtime = (Map<String, Object>) project.get("runtime");
        assertEquals("java", runtime.get("name"));
        assertEquals(Map.of("binary", "target/big-data-stack.jar"), runtime.get("options"));
        assertEquals(true, Files.readString(Path.of("pom.xml")).contains("<finalName>big-data-stack</finalName>"));
    }

    private static Object normalize(Object value) {
        return value instanceof List<?> list ? List.copyOf(list) : value;
    }
}
