package io.bigdatastack.aws;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The one dated table of commercial AWS Regions and their Availability Zones, read by configuration validation
 * ({@code aws:region}, {@code azCount}) and by the plan's mock engine (which answers {@code getAvailabilityZones}
 * from it), so both agree on what a Region can hold.
 *
 * <p>Sources, recorded 2026-11-29: Regions and their AZ IDs from "AWS Regions" and "AZ IDs for your AWS resources"
 * (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html,
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html); AZ IDs where EKS cannot place a
 * cluster's control-plane network interfaces from the EKS network requirements
 * (https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html). Local Zones and Wavelength Zones are not
 * listed: EKS control planes cannot use them.
 *
 * <p>Each Region lists every AZ ID some account can see (a few legacy IDs, such as {@code use1-az3}, are visible to
 * older accounts only), so the table never refuses a count an account could hold; the lookup at deploy time
 * ({@link Network}) still checks the account's own AZs. Update the table when AWS opens a Region or an AZ.
 */
public final class AwsRegions {

    /** Recorded on this date from the sources above. */
    public static final String AS_OF = "2026-11-29";

    /** AZ IDs where EKS cannot place a cluster's network interfaces (EKS network requirements page). */
    public static final List<String> EKS_UNSUPPORTED_ZONE_IDS = List.of("use1-az3", "usw1-az2", "cac1-az3");

    /**
     * A Region: its name and its AZ IDs in order (the prefix names the Region: {@code use1} in {@code use1-az1}).
     */
    public record Region(String name, List<String> zoneIds) {
        public Region {
            zoneIds = List.copyOf(zoneIds);
        }

        /** AZ IDs where EKS can place a control plane and nodes. */
        public List<String> eksZoneIds() {
            return zoneIds.stream().filter(id -> !EKS_UNSUPPORTED_ZONE_IDS.contains(id)).toList();
        }
    }

    private static Region region(String name, String zoneIdPrefix, int zones) {
        return new Region(name, IntStream.rangeClosed(1, zones).mapToObj(i -> zoneIdPrefix + "-az" + i).toList());
    }

    public static final List<Region> ALL = List.of(
            region("us-east-1", "use1", 6),
            region("us-east-2", "use2", 3),
            region("us-west-1", "usw1", 3),
            region("us-west-2", "usw2", 4),
            region("af-south-1", "afs1", 3),
            region("ap-east-1", "ape1", 3),
            region("ap-east-2", "ape2", 3),
            region("ap-south-1", "aps1", 3),
            region("ap-south-2", "aps2", 3),
            region("ap-southeast-1", "apse1", 3),
            region("ap-southeast-2", "apse2", 3),
            region("ap-southeast-3", "apse3", 3),
            region("ap-southeast-4", "apse4", 3),
            region("ap-southeast-5", "apse5", 3),
            region("ap-southeast-6", "apse6", 3),
            region("ap-southeast-7", "apse7", 3),
            region("ap-northeast-1", "apne1", 4),
            region("ap-northeast-2", "apne2", 4),
            region("ap-northeast-3", "apne3", 3),
            region("ca-central-1", "cac1", 4),
            region("ca-west-1", "caw1", 3),
            region("eu-central-1", "euc1", 3),
            region("eu-central-2", "euc2", 3),
            region("eu-west-1", "euw1", 3),
            region("eu-west-2", "euw2", 3),
            region("eu-west-3", "euw3", 3),
            region("eu-south-1", "eus1", 3),
            region("eu-south-2", "eus2", 3),
            region("eu-north-1", "eun1", 3),
            region("il-central-1", "ilc1", 3),
            region("me-south-1", "mes1", 3),
            region("me-central-1", "mec1", 3),
            region("mx-central-1", "mxc1", 3),
            region("sa-east-1", "sae1", 3));

    private AwsRegions() {
    }

    public static Optional<Region> find(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Region::name).toList();
    }
}
