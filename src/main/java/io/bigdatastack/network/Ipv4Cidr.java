package io.bigdatastack.network;

import java.util.regex.Pattern;

/**
 * An IPv4 network in CIDR notation, aligned on its prefix (AWS rejects a VPC or subnet CIDR with host bits set).
 * Just enough arithmetic to carve subnets out of a VPC and to check containment and overlap.
 */
public record Ipv4Cidr(long address, int prefix) {

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length must be 0-32, got " + prefix);
        }
        if ((address & ~mask(prefix) & 0xFFFFFFFFL) != 0) {
            throw new IllegalArgumentException("host bits are set; the network is " + new Ipv4Cidr(address & mask(prefix), prefix));
        }
    }

    /**
     * Parses {@code a.b.c.d/n}.
     *
     * @throws IllegalArgumentException with a reason a user can act on
     */
    public static Ipv4Cidr parse(String text) {
        var m = SHAPE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not of the form a.b.c.d/n");
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("octet " + octet + " is over 255");
            }
            address = (address << 8) | octet;
        }
        return new Ipv4Cidr(address, Integer.parseInt(m.group(5)));
    }

    /** True when {@code text} parses. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public boolean contains(Ipv4Cidr other) {
        return other.prefix >= prefix && (other.address & mask(prefix)) == address;
    }

    public boolean overlaps(Ipv4Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The {@code index}-th block of prefix length {@code newPrefix} inside this network. */
    public Ipv4Cidr subnet(int newPrefix, int index) {
        if (newPrefix < prefix || newPrefix > 32) {
            throw new IllegalArgumentException("cannot split /" + prefix + " into /" + newPrefix);
        }
        long count = 1L << (newPrefix - prefix);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("/" + prefix + " holds " + count + " blocks of /" + newPrefix + ", not " + (index + 1));
        }
        return new Ipv4Cidr(address + index * (1L << (32 - newPrefix)), newPrefix);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    @Override
    public String toString() {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "." + (address & 0xFF)
                + "/" + prefix;
    }
}
