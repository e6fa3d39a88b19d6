package io.bigdatastack.support;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HashingTest {

    @Test
    void sha256OfTheStandardTestVector() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashing.sha256Hex("abc"));
        assertEquals("ba7816bf8f01", Hashing.sha256Hex("abc", 12));
    }

    @Test
    void jsonKeepsCharactersHtmlEscapingWouldHide() {
        assertEquals("{\"conf\":\"spark.a=b's\"}", Json.COMPACT.toJson(java.util.Map.of("conf", "spark.a=b's")));
    }
}
