package io.bigdatastack.network;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link Network}.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
 */
public final class NetworkArgs {

    private final String vpcCidr;
    private final List<String> publicSubnetCidrs;
    private final List<String> privateSubnetCidrs;
    private final NatStrategy natStrategy;
    private final String region;
    private final String namePrefix;
    private final Map<String, String> tags;

    private NetworkArgs(Builder b) {
        this.vpcCidr = Objects.requireNonNull(b.vpcCidr, "vpcCidr");
        this.publicSubnetCidrs = List.copyOf(b.publicSubnetCidrs);
        this.privateSubnetCidrs = List.copyOf(b.privateSubnetCidrs);
        this.natStrategy = Objects.requireNonNull(b.natStrategy, "natStrategy");
        this.region = Objects.requireNonNull(b.region, "region");
        this.namePrefix = Objects.requireNonNull(b.namePrefix, "namePrefix");
        this.tags = Map.copyOf(b.tags);
        if (publicSubnetCidrs.isEmpty() || publicSubnetCidrs.size() != privateSubnetCidrs.size()) {
            throw new IllegalArgumentException("need one public and one private subnet CIDR per AZ, got "
                    + publicSubnetCidrs.size() + " public and " + privateSubnetCidrs.size() + " private");
        }
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** See {@link Builder#vpcCidr}. */
    public String vpcCidr() { return vpcCidr; }
    /** See {@link Builder#publicSubnetCidrs}. */
    public List<String> publicSubnetCidrs() { return publicSubnetCidrs; }
    /** See {@link Builder#privateSubnetCidrs}. */
    public List<String> privateSubnetCidrs() { return privateSubnetCidrs; }
    /** The number of AZs: the length of {@code privateSubnetCidrs}. */
    public int azCount() { return privateSubnetCidrs.size(); }
    /** See {@link Builder#natStrategy}. */
    public NatStrategy natStrategy() { return natStrategy; }
    /** See {@link Builder#region}. */
    public String region() { return region; }
    /** See {@link Builder#namePrefix}. */
    public String namePrefix() { return namePrefix; }
    /** See {@link Builder#tags}. */
    public Map<String, String> tags() { return tags; }

    public static final class Builder {
        private String vpcCidr;
        private List<String> publicSubnetCidrs = List.of();
        private List<String> privateSubnetCidrs = List.of();
        private NatStrategy natStrategy = NatStrategy.single;
        private String region;
        private String namePrefix;
        private Map<String, String> tags = Map.of();

        /**
         * The VPC's IPv4 block in CIDR form, e.g. {@code 10.0.0.0/16}. Changing it replaces the VPC and everything in
         * it (subnets, route tables, NAT gateways, security groups, node groups, EMR Studio).
         */
        public Builder vpcCidr(String value) { this.vpcCidr = value; return this; }
        /**
         * One CIDR block per AZ, inside {@code vpcCidr}, for the public subnets (NAT gateways, internet-facing load
         * balancers); as many as {@code privateSubnetCidrs}. Adding or removing one creates or deletes a subnet;
         * changing one replaces that subnet.
         */
        public Builder publicSubnetCidrs(List<String> value) { this.publicSubnetCidrs = value; return this; }
        /**
         * One CIDR block per AZ, inside {@code vpcCidr}, for the private subnets (nodes, EKS control-plane ENIs, EMR
         * Studio); their number is the AZ count. Adding or removing an AZ creates or deletes subnets and replaces the
         * node groups; the cluster's and Studio's subnet lists update in place.
         */
        public Builder privateSubnetCidrs(List<String> value) { this.privateSubnetCidrs = value; return this; }
        /**
         * One NAT gateway for all AZs ({@link NatStrategy#single}, the default) or one per AZ. Changing it creates or
         * deletes NAT gateways (with their Elastic IPs) and updates the private routes.
         */
        public Builder natStrategy(NatStrategy value) { this.natStrategy = value; return this; }
        /**
         * The Region code, e.g. {@code eu-west-1}: picks the AZs and names the S3 gateway endpoint's service ({@code
         * com.amazonaws.<region>.s3}). A stack does not move Region: a new one is a new stack.
         */
        public Builder region(String value) { this.region = value; return this; }
        /**
         * Prefix of the {@code Name} tags the console shows, e.g. {@code big-data-stack-dev}. Changing it updates the
         * tags in place.
         */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        /** Tags for every resource (the common project/stack/managed-by tags). Changing them updates in place. */
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public NetworkArgs build() { return new NetworkArgs(this); }
    }
}
