package io.bigdatastack.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ipv4CidrTest {

    @Test
    void parsesAndPrints() {
        assertEquals("10.0.0.0/16", Ipv4Cidr.parse("10.0.0.0/16").toString());
        assertEquals(65_536, Ipv4Cidr.parse("10.0.0.0/16").size());
    }

    @Test
    void rejectsHostBitsNamingTheNetwork() {
        var e = assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse("10.0.0.1/16"));
        assertTrue(e.getMessage().contains("10.0.0.0/16"), e.getMessage());
    }

    @Test
    void containmentAndOverlap() {
        var vpc = Ipv4Cidr.parse("10.0.0.0/16");
        assertTrue(vpc.contains(Ipv4Cidr.parse("10.0.32.0/19")));
        assertFalse(vpc.contains(Ipv4Cidr.parse("10.1.0.0/24")));
        assertTrue(Ipv4Cidr.parse("10.0.0.0/20").overlaps(Ipv4Cidr.parse("10.0.15.0/24")));
        assertFalse(Ipv4Cidr.parse("10.0.0.0/20").overlaps(Ipv4Cidr.parse("10.0.16.0/24")));
    }

    @Test
    void subnets() {
        var vpc = Ipv4Cidr.parse("10.0.0.0/16");
        assertEquals("10.0.224.0/19", vpc.subnet(19, 7).toString());
        assertThrows(IllegalArgumentException.class, () -> vpc.subnet(19, 8));
    }

    @Test
    void carvesDisjointSubnetsInsideTheVpc() {
        for (var vpcText : List.of("10.0.0.0/16", "172.16.0.0/18", "192.168.0.0/20")) {
            var vpc = Ipv4Cidr.parse(vpcText);
            var layout = SubnetLayout.carve(vpc, SubnetLayout.MAX_AZS);
            var all = new java.util.ArrayList<Ipv4Cidr>();
            layout.publicCidrs().forEach(c -> all.add(Ipv4Cidr.parse(c)));
            layout.privateCidrs().forEach(c -> all.add(Ipv4Cidr.parse(c)));
            for (int i = 0; i < all.size(); i++) {
                assertTrue(vpc.contains(all.get(i)), vpcText + " should contain " + all.get(i));
                for (int j = i + 1; j < all.size(); j++) {
                    assertFalse(all.get(i).overlaps(all.get(j)), all.get(i) + " overlaps " + all.get(j));
                }
            }
        }
    }
}
