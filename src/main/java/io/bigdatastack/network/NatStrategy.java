package io.bigdatastack.network;

/** How many NAT gateways the private subnets share. */
public enum NatStrategy {
    /** One NAT gateway in the first AZ: cheapest, but egress from every AZ stops if that AZ fails. */
    single,
    /** One NAT gateway per AZ: each AZ keeps its own egress; costs one gateway and one public IPv4 per AZ. */
    perAz
}
