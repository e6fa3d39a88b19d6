package io.bigdatastack.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 5737 documentation ranges in the API allow-list: nobody connects from them, so plan and pulumi up warn. */
class DocumentationRangeTest {

    private static final String KEY = "big-data-stack:endpointPublicAccessCidrs";

    @Test
    void everyTestNetIsDocumentationAndNeighboursAreNot() {
        for (var cidr : List.of("192.0.2.0/24", "198.51.100.7/32", "203.0.113.0/25", "203.0.113.255/32")) {
            assertTrue(SpecialAddressBlocks.isDocumentation(Ipv4Cidr.parse(cidr)), cidr);
        }
        for (var cidr : List.of("203.0.112.0/24", "203.0.0.0/16", "198.51.101.0/24", "192.0.3.1/32", "0.0.0.0/0")) {
            assertFalse(SpecialAddressBlocks.isDocumentation(Ipv4Cidr.parse(cidr)), cidr);
        }
    }

    @Test
    void onlyDocumentationRangesMeanNobodyReachesTheCluster() {
        var warning = SpecialAddressBlocks.documentationOnlyWarning(KEY, List.of("203.0.113.0/24")).orElseThrow();
        assertTrue(warning.startsWith(KEY + ": 203.0.113.0/24 is documentation-only") && warning.contains("RFC 5737")
                && warning.contains("nobody can reach"), warning);
        var mixed = SpecialAddressBlocks.documentationOnlyWarning(KEY, List.of("198.51.100.0/24", "81.2.69.0/24")).orElseThrow();
        assertTrue(mixed.contains("198.51.100.0/24") && !mixed.contains("81.2.69.0/24") && mixed.contains("admit nobody"), mixed);
        assertFalse(SpecialAddressBlocks.documentationOnlyWarning(KEY, List.of("81.2.69.0/24", "not a cidr")).isPresent());
        var secret = SpecialAddressBlocks.documentationOnlyWarning(KEY, List.of("203.0.113.9/32"), true).orElseThrow();
        assertFalse(secret.contains("203.0.113"), "a secret's value stays out of the log: " + secret);
    }
}
