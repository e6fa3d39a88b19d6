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

    /**
     * The documentation ranges TEST-NET-1/2/3 (RFC 5737, https://www.rfc-editor.org/rfc/rfc5737): reserved for examples,
     * never assigned to a network, so no client connects from them. An allow-list of only these admits nobody.
     */
    public static final List<Ipv4Cidr> DOCUMENTATION = List.of(
            Ipv4Cidr.parse("192.0.2.0/24"), Ipv4Cidr.parse("198.51.100.0/24"), Ipv4Cidr.parse("203.0.113.0/24"));

    private SpecialAddressBlocks() {
    }

    /** Whether the whole of {@code cidr} lies in an RFC 5737 documentation range. */
    public static boolean isDocumentation(Ipv4Cidr cidr) {
        return DOCUMENTATION.stream().anyMatch(d -> d.contains(cidr));
    }

    /**
     * The warning for an API allow-list with documentation-only entries (the committed prod example's
     * {@code 203.0.113.0/24}), naming {@code key}; empty when every entry is a real range.
     */
    public static Optional<String> documentationOnlyWarning(String key, List<String> cidrs) {
        return documentationOnlyWarning(key, cidrs, false);
    }

    /** As above; {@code secret} leaves the values out of the message (a secret stays out of logs). */
    public static Optional<String> documentationOnlyWarning(String key, List<String> cidrs, boolean secret) {
        var documentation = cidrs.stream().filter(c -> {
            try {
                return isDocumentation(Ipv4Cidr.parse(c.trim()));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }).toList();
        if (documentation.isEmpty()) {
            return Optional.empty();
        }
        var reach = documentation.size() == cidrs.size()
                ? "nobody can reach the cluster's Kubernetes API endpoint (kubectl, Helm, Pulumi's Kubernetes provider) and `pulumi up` would fail at the first Kubernetes object"
                : "those entries admit nobody";
        return Optional.of(key + ": " + (secret ? documentation.size() + " entries" : String.join(", ", documentation)) + " is documentation-only address space (RFC 5737):"
                + " no client ever has such an address, so " + reach + ". Replace it with your office or VPN egress range"
                + " (`pulumi config set --path '" + key.substring(key.indexOf(':') + 1) + "[0]' <cidr>`).");
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
