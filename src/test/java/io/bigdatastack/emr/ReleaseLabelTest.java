package io.bigdatastack.emr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleaseLabelTest {

    @ParameterizedTest
    @ValueSource(strings = {"emr-7.13.0-latest", "emr-7.0.0-latest", "emr-7.3.0-20240920", "emr-7.12.0-20251231",
            "emr-spark-8.0.0-latest", "emr-spark-8.0.0-20260115", "emr-10.0.0-latest"})
    void acceptsSupportedForms(String label) {
        assertEquals(label, ReleaseLabel.parse(label).orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7.13.0", "emr-7.13-latest", "emr-7.13.0", "emr-7.13.0-Latest", "emr-7.13.0-2024092",
            "emr-7.13.0-20241301", "emr-7.13.0-20240230", "EMR-7.13.0-latest", "emr-7.13.0-latest ", "emr-6.15.0-latest",
            "emr-5.36.0-latest", "emr-spark-7.0.0-latest", "emr-serverless-7.0.0-latest", "emr-7.13.0-java17-latest"})
    void rejectsOtherForms(String label) {
        assertTrue(ReleaseLabel.parse(label).isEmpty(), label);
    }

    @ParameterizedTest
    @CsvSource({"emr-7.0.0-latest, false", "emr-7.2.0-latest, false", "emr-7.2.9-20240801, false", "emr-7.3.0-latest, true",
            "emr-7.3.0-20240920, true", "emr-7.13.0-latest, true", "emr-8.0.0-latest, true", "emr-spark-8.0.0-latest, true"})
    void podIdentityArrivedWithEmr730(String label, boolean supported) {
        assertEquals(supported, ReleaseLabel.parse(label).orElseThrow().supportsPodIdentity(), label);
    }

    @Test
    void familyAndVersionAreParsed() {
        var label = ReleaseLabel.parse("emr-spark-8.0.1-20260115").orElseThrow();
        assertEquals(new ReleaseLabel("emr-spark", 8, 0, 1, "20260115"), label);
    }
}
