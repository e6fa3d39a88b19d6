package io.bigdatastack.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quantity grammar of https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/. */
class KubernetesQuantityTest {

    @ParameterizedTest
    @CsvSource({
            "32, 32",
            "500m, 0.5",
            "1.5, 1.5",
            "'.5', 0.5",
            "'5.', 5",
            "+2, 2",
            "-2, -2",
            "1Ki, 1024",
            "128Gi, 137438953472",
            "1Ei, 1152921504606846976",
            "1k, 1000",
            "1M, 1000000",
            "2G, 2000000000",
            "1T, 1000000000000",
            "1P, 1000000000000000",
            "1E, 1000000000000000000",
            "1n, 0.000000001",
            "3u, 0.000003",
            "1e3, 1000",
            "1E3, 1000",
            "1.5e3, 1500",
            "1e-3, 0.001",
            "12e+2, 1200",
            "' 64Gi ', 68719476736",
    })
    void parsesEveryFormOfTheGrammar(String text, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(KubernetesQuantity.parse(text).value()), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "lots", "Infinity", "-Infinity", "NaN", "1e1.5", "12 Gi", "8Gb", "1KI", "1ki", "1mi", "1K",
            "0x10", "1_000", "--1", "+-1", "1e", "e3", ".", "1.2.3", "1Gi1", "32k8", "1e3Gi", "١٢"})
    void refusesWhatTheApiServerRefuses(String text) {
        var error = assertThrows(IllegalArgumentException.class, () -> KubernetesQuantity.parse(text));
        assertTrue(error.getMessage().contains("quantity"), error.getMessage());
        assertTrue(KubernetesQuantity.problem(text).isPresent());
    }

    @Test
    void refusesMagnitudesKubernetesWouldCapInsteadOfSilentlyChangingThem() {
        assertEquals(BigDecimal.valueOf(Long.MAX_VALUE), KubernetesQuantity.parse("9223372036854775807").value());
        for (var text : new String[] {"9223372036854775808", "-9223372036854775808", "8Ei", "1e19", "1e400", "1e99999999999"}) {
            var error = assertThrows(IllegalArgumentException.class, () -> KubernetesQuantity.parse(text), text);
            assertTrue(error.getMessage().contains("2^63-1"), error.getMessage());
        }
    }

    @Test
    void milliValuesRoundUpAsTheApiServerDoesAndMebibytesRoundDown() {
        assertEquals(BigInteger.ONE, KubernetesQuantity.parse("0.1m").milliValueRoundedUp());
        assertEquals(BigInteger.valueOf(2850), KubernetesQuantity.parse("2.85").milliValueRoundedUp());
        assertEquals(9830, KubernetesQuantity.parse("9830Mi").mebibytesRoundedDown());
        assertEquals(9829, KubernetesQuantity.parse("10307502079").mebibytesRoundedDown());
        assertTrue(KubernetesQuantity.parse("1Gi").compareTo(KubernetesQuantity.parse("1G")) > 0);
        assertEquals(KubernetesQuantity.parse("1024Mi"), KubernetesQuantity.parse("1Gi"));
        assertEquals("64Gi", KubernetesQuantity.parse(" 64Gi").text());
    }
}
