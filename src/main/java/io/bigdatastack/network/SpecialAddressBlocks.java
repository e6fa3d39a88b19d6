package io.bigdatastack.network;

import java.util.List;
import java.util.Optional;

/**
 * IPv4 blocks that are not ordinary unicast space (IANA IPv4 Special-Purpose Address Registry, RFC 6890): a VPC
 * cannot use them, and an allow-list entry for them matches no client. VPC CIDRs may be private (RFC 1918, the
 * recommended space) or publicly routable; these blocks are neither
 * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
 */
public final class SpecialAddressBlocks {

    /** A special-purpose block and what it is for. */
    public record Block(Ipv4Cidr cidr, String purpose) {
    }

    public static final List<Block> ALL = List.of(
            new Block(Ipv4Cidr.parse("0.0.0.0/8"), "'this network' (RFC 791)"),
            new Block(Ipv4Cidr.parse("127.0.0.0/8"), "loopback (RFC 1122)"),
            new Block(Ipv4Cidr.parse("169.254.0.0/16"), "link-local (RFC 3927; AWS uses it for the instance metadata service and DNS)"),
            new Block(Ipv4Cidr.parse("224.0.0.0/4"), "multicast (RFC 5771)"),
            new Block(Ipv4Cidr.parse("240.0.0.0/4"), "reserved for future use and broadcast (RFC 1112, RFC 919)"));

    /** Private address space (RFC 1918). */
    public static final List<Ipv4Cidr> PRIVATE = List.of(
            Ipv4Cidr.parse("10.0.0.0/8"), Ipv4Cidr.parse("172.16.0.0/12"), Ipv4Cidr.parse("192.168.0.0/16"));

    private SpecialAddressBlocks() {
    }

    /** The special-purpose block {@code cidr} overlaps, if any. */
    public static Optional<Block> overlapping(Ipv4Cidr cidr) {
        return ALL.stream().filter(block -> block.cidr().overlaps(cidr)).findFirst();
    }

    /** The special-purpose block that holds all of {@code cidr}, if any (for allow-list entries). */
    public static Optional<Block> containing(Ipv4Cidr cidr) {
        return ALL.stream().filter(block -> block.cidr().contains(cidr)).findFirst();
    }

    /** Whether the whole of {@code cidr} lies in private (RFC 1918) space. */
    public static boolean isPrivate(Ipv4Cidr cidr) {
        return PRIVATE.stream().anyMatch(p -> p.contains(cidr));
    }
}
