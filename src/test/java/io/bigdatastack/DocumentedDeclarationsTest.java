package io.bigdatastack;

import com.pulumi.resources.ComponentResource;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java counterpart of terraform-aws-modules' documented-variables check: every input of a component (each public
 * method of a {@code *Args} class and of its {@code Builder}) and every public output (each public method of a
 * {@code ComponentResource} subclass returning a {@code com.pulumi.core.Output}) has a Javadoc comment directly above
 * its declaration, and each component of a record an Args builder takes has an {@code @param}. The classes are found
 * from the compiled program (so a new component cannot be missed) and their sources are scanned, since Javadoc is
 * not in the bytecode. A source scan, not the javadoc tool's doclint: it adds no plugin and no time to the build.
 */
class DocumentedDeclarationsTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** The compiled program, imported once (an ArchUnit import takes seconds). */
    private static JavaClasses program;

    @BeforeAll
    static void importProgram() {
        program = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bigdatastack");
    }

    /** A public method (not a constructor, class, record, enum or interface): group 1 its return type, 2 its name. */
    private static final Pattern PUBLIC_METHOD = Pattern.compile(
            "^\\s*public\\s+(?:static\\s+|final\\s+|synchronized\\s+)*(?!class\\b|record\\b|enum\\b|interface\\b)"
                    + "([\\w.<>\\[\\]?, ]+?)\\s+(\\w+)\\s*\\(");

    @Test
    void everyComponentInputAndOutputIsDocumentedWhereDeclared() throws IOException {
        var argsFiles = new TreeSet<Path>();
        var componentFiles = new TreeSet<Path>();
        for (JavaClass c : program) {
            if (c.isTopLevelClass() && c.getSimpleName().endsWith("Args")) {
                argsFiles.add(sourceOf(c));
            } else if (c.isTopLevelClass() && c.isAssignableTo(ComponentResource.class)) {
                componentFiles.add(sourceOf(c));
            }
        }
        // Not vacuous: the nine Args classes and ten components of the program as of this test.
        assertTrue(argsFiles.size() >= 9, "Args classes found: " + argsFiles);
        assertTrue(componentFiles.size() >= 10, "components found: " + componentFiles);

        var undocumented = new ArrayList<String>();
        for (Path file : argsFiles) {
            undocumented.addAll(undocumented(file.toString(), Files.readAllLines(file), false));
        }
        for (Path file : componentFiles) {
            undocumented.addAll(undocumented(file.toString(), Files.readAllLines(file), true));
        }
        assertEquals(List.of(), undocumented,
                "document each input (Args / Args.Builder public method) and output (Output accessor of a component) "
                        + "with a Javadoc comment directly above it: what it is, its unit or form, what changing it "
                        + "does");
    }

    /**
     * The records an Args builder takes (e.g. {@code NodeGroupSpec}, {@code TeamSpec}, directly or as a list's
     * elements) are inputs too: each of their components has an {@code @param} in the record's Javadoc.
     */
    @Test
    void everyComponentOfARecordTheArgsTakeIsDocumented() throws Exception {
        var records = new TreeSet<String>();
        for (JavaClass c : program) {
            if (c.getName().endsWith("Args$Builder")) {
                for (Method setter : Class.forName(c.getName()).getMethods()) {
                    for (Type parameter : setter.getGenericParameterTypes()) {
                        collectProgramRecords(parameter, records);
                    }
                }
            }
        }
        assertTrue(records.contains("io.bigdatastack.cluster.NodeGroupSpec"), "input records found: " + records);
        assertTrue(records.contains("io.bigdatastack.emr.TeamSpec"), "input records found: " + records);

        var undocumented = new ArrayList<String>();
        for (String name : records) {
            var record = Class.forName(name);
            var top = record;
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            var source = Files.readString(SOURCES.resolve(top.getName().replace('.', '/') + ".java"));
            var declaration = source.indexOf("record " + record.getSimpleName() + "(");
            var javadoc = source.substring(Math.max(0, source.lastIndexOf("/**", declaration)), declaration);
            for (RecordComponent component : record.getRecordComponents()) {
                if (!Pattern.compile("@param\\s+" + component.getName() + "\\s").matcher(javadoc).find()) {
                    undocumented.add(record.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertEquals(List.of(), undocumented, "document each component with an @param in the record's Javadoc");
    }

    private static void collectProgramRecords(Type type, Set<String> records) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectProgramRecords(argument, records);
            }
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                collectProgramRecords(bound, records);
            }
        } else if (type instanceof Class<?> c && c.isRecord() && c.getName().startsWith("io.bigdatastack.")) {
            records.add(c.getName());
        }
    }

    @Test
    void theScanFindsAMissingCommentAndAcceptsAPresentOne() {
        var source = List.of(
                "public final class FooArgs {",
                "    /** The bucket's name; changing it replaces the bucket. */",
                "    public String bucketName() { return bucketName; }",
                "    public int retentionDays() { return retentionDays; }",
                "    /**",
                "     * Multi-line.",
                "     */",
                "    @Deprecated",
                "    public static Builder builder() { return new Builder(); }",
                "    // a line comment is not Javadoc",
                "    public Builder tags(Map<String, String> value) { return this; }",
                "    /* nor is a block comment */",
                "    public Output<String> vpcId() { return vpcId; }",
                "    public static final class Builder {",
                "    public FooArgs(Builder b) {",
                "}");
        assertEquals(List.of("Foo.java:4 retentionDays", "Foo.java:11 tags", "Foo.java:13 vpcId"),
                undocumented("Foo.java", source, false));
        assertEquals(List.of("Foo.java:13 vpcId"), undocumented("Foo.java", source, true));
    }

    /** {@code file:line name} of each public method without Javadoc (Output-returning ones if {@code outputsOnly}). */
    static List<String> undocumented(String file, List<String> lines, boolean outputsOnly) {
        var missing = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            var m = PUBLIC_METHOD.matcher(lines.get(i));
            if (!m.find() || (outputsOnly && !m.group(1).matches(".*\\bOutput<.*"))) {
                continue;
            }
            if (!javadocAbove(lines, i)) {
                missing.add(file + ":" + (i + 1) + " " + m.group(2));
            }
        }
        return missing;
    }

    /** Whether the nearest non-blank, non-annotation line above {@code index} ends a comment that is Javadoc. */
    private static boolean javadocAbove(List<String> lines, int index) {
        int j = index - 1;
        while (j >= 0 && (lines.get(j).isBlank() || lines.get(j).strip().startsWith("@"))) {
            j--;
        }
        if (j < 0 || !lines.get(j).strip().endsWith("*/")) {
            return false;
        }
        while (j >= 0 && !lines.get(j).contains("/*")) {
            j--;
        }
        return j >= 0 && lines.get(j).contains("/**");
    }

    private static Path sourceOf(JavaClass c) {
        var path = SOURCES.resolve(c.getPackageName().replace('.', '/')).resolve(c.getSimpleName() + ".java");
        assertTrue(Files.isRegularFile(path), "no source for " + c.getName() + " at " + path);
        return path;
    }
}
