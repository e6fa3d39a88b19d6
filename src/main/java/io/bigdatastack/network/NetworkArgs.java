package io.bigdatastack.network;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link Network}.
 *
 * <ul>
 *   <li>{@code vpcCidr}: the VPC's IPv4 block, e.g. {@code 10.0.0.0/16}.</li>
 *   <li>{@code publicSubnetCidrs}, {@code privateSubnetCidrs}: one block per AZ, same length; the AZ count is their
 *       length. Public subnets hold NAT gateways and internet-facing load balancers; private ones hold the nodes,
 *       the EKS control-plane ENIs and EMR Studio.</li>
 *   <li>{@code natStrategy}: one NAT gateway for all AZs, or one per AZ.</li>
 *   <li>{@code region}: the Region, for the S3 gateway endpoint's service name.</li>
 *   <li>{@code namePrefix}: prefix of the {@code Name} tags the console shows, e.g. {@code big-data-stack-dev}.</li>
 *   <li>{@code tags}: tags for every resource (the common project/stack/managed-by tags).</li>
 * </ul>
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

    public static Builder builder() {
        return new Builder();
    }

    public String vpcCidr() { return vpcCidr; }
    public List<String> publicSubnetCidrs() { return publicSubnetCidrs; }
    public List<String> privateSubnetCidrs() { return privateSubnetCidrs; }
    public int azCount() { return privateSubnetCidrs.size(); }
    public NatStrategy natStrategy() { return natStrategy; }
    public String region() { return region; }
    public String namePrefix() { return namePrefix; }
    public Map<String, String> tags() { return tags; }

    public static final class Builder {
        private String vpcCidr;
        private List<String> publicSubnetCidrs = List.of();
        private List<String> privateSubnetCidrs = List.of();
        private NatStrategy natStrategy = NatStrategy.single;
        private String region;
        private String namePrefix;
        private Map<String, String> tags = Map.of();

        public Builder vpcCidr(String value) { this.vpcCidr = value; return this; }
        public Builder publicSubnetCidrs(List<String> value) { this.publicSubnetCidrs = value; return this; }
        public Builder privateSubnetCidrs(List<String> value) { this.privateSubnetCidrs = value; return this; }
        public Builder natStrategy(NatStrategy value) { this.natStrategy = value; return this; }
        public Builder region(String value) { this.region = value; return this; }
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        public NetworkArgs build() { return new NetworkArgs(this); }
    }
}
