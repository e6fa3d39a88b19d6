package io.bigdatastack.network;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The default way a VPC is carved when no subnet CIDRs are configured.
 *
 * <p>The VPC is cut in eight equal blocks. Private subnets take one block each (a /19 of a /16: 8,190 addresses per
 * AZ, because the VPC CNI gives every Spark pod a VPC address). The last block is cut in 32 and public subnets take
 * one of those each (a /24 of a /16): they only hold NAT gateways and load balancers.
 */
public record SubnetLayout(List<String> publicCidrs, List<String> privateCidrs) {

    /** Widest VPC prefix we carve automatically; a /20 VPC gives /23 private and /28 public subnets (AWS's minimum). */
    public static final int MAX_VPC_PREFIX = 20;
    public static final int MAX_AZS = 6;

    public static SubnetLayout carve(Ipv4Cidr vpc, int azCount) {
        if (vpc.prefix() > MAX_VPC_PREFIX) {
            throw new IllegalArgumentException("a /" + vpc.prefix() + " VPC is too small to carve; use /16 to /" + MAX_VPC_PREFIX);
        }
        if (azCount < 1 || azCount > MAX_AZS) {
            throw new IllegalArgumentException("can carve 1 to " + MAX_AZS + " AZs, not " + azCount);
        }
        int privatePrefix = vpc.prefix() + 3;
        Ipv4Cidr publicBlock = vpc.subnet(privatePrefix, 7);
        var privates = IntStream.range(0, azCount).mapToObj(i -> vpc.subnet(privatePrefix, i).toString()).toList();
        var publics = IntStream.range(0, azCount).mapToObj(i -> publicBlock.subnet(vpc.prefix() + 8, i).toString()).toList();
        return new SubnetLayout(publics, privates);
    }
}
