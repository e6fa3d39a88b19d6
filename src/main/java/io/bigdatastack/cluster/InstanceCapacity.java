package io.bigdatastack.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What pods can use on one EKS node of an instance type: its capacity less what the EKS AMI's bootstrap reserves
 * (Allocatable = Capacity - kube-reserved - eviction threshold). The AMI computes
 * <ul>
 *   <li>kube-reserved memory = 255 MiB + 11 MiB × the instance's max pods (from its ENI limits, {@code eni-max-pods.txt});</li>
 *   <li>kube-reserved CPU = 6% of the first core, 1% of the second, 0.5% of cores 3 and 4, 0.25% of the rest;</li>
 *   <li>eviction threshold {@code memory.available < 100Mi}; no system-reserved.</li>
 * </ul>
 * (https://github.com/awslabs/amazon-eks-ami, {@code templates/al2/runtime/bootstrap.sh}: get_memory_mebibytes_to_reserve,
 * get_cpu_millicores_to_reserve; AL2023's nodeadm keeps the same formulas.)
 *
 * <p>Memory is the instance's nominal memory: the kernel reports somewhat less, so the figure here is an upper bound of
 * the real allocatable memory. That is the safe side for what it is used for (a LimitRange maximum must never cap a
 * container below what a node can hold). Only the instance types the stack's documentation and policy pack know are
 * listed: the general purpose (4 GiB per vCPU), compute optimised (2 GiB) and memory optimised (8 GiB) families from
 * large to 4xlarge (https://aws.amazon.com/ec2/instance-types/), and the t3 sizes; any other type is unknown, and the
 * callers then impose no maximum rather than guess one.
 */
public final class InstanceCapacity {

    /** What pods can request on one node. */
    public record Allocatable(String instanceType, long cpuMillis, long memoryMebibytes) {
    }

    private record Shape(int vcpus, long memoryMebibytes, int maxPods) {
    }

    /** GiB of memory per vCPU by family (https://aws.amazon.com/ec2/instance-types/). */
    private static final Map<String, Integer> GIB_PER_VCPU = Map.ofEntries(
            Map.entry("m5", 4), Map.entry("m5a", 4), Map.entry("m6i", 4), Map.entry("m6a", 4), Map.entry("m7i", 4), Map.entry("m7g", 4),
            Map.entry("c5", 2), Map.entry("c5a", 2), Map.entry("c6i", 2), Map.entry("c6a", 2), Map.entry("c7i", 2), Map.entry("c7g", 2),
            Map.entry("r5", 8), Map.entry("r6i", 8));

    /**
     * vCPUs and default max pods by size for those families: max pods = ENIs × (IPv4 per ENI - 1) + 2, i.e. 3×(10-1)+2 = 29
     * (large), 4×(15-1)+2 = 58 (xlarge, 2xlarge), 8×(30-1)+2 = 234 (4xlarge), as in the AMI's eni-max-pods.txt.
     */
    private static final Map<String, int[]> SIZE_VCPUS_AND_PODS = Map.of(
            "large", new int[] {2, 29}, "xlarge", new int[] {4, 58}, "2xlarge", new int[] {8, 58}, "4xlarge", new int[] {16, 234});

    /** t3: memory does not follow vCPUs (https://aws.amazon.com/ec2/instance-types/t3/); max pods from eni-max-pods.txt. */
    private static final Map<String, Shape> T3 = Map.of(
            "t3.medium", new Shape(2, 4 * 1024, 17), "t3.large", new Shape(2, 8 * 1024, 35),
            "t3.xlarge", new Shape(4, 16 * 1024, 58), "t3.2xlarge", new Shape(8, 32 * 1024, 58));

    private static final Pattern FAMILY_SIZE = Pattern.compile("([a-z0-9]+)\\.([a-z0-9]+)");

    /** The kubelet's hard eviction threshold on the EKS AMI. */
    static final long EVICTION_MEBIBYTES = 100;

    private InstanceCapacity() {
    }

    /** What pods can use on a node of {@code instanceType}, when the type is known. */
    public static Optional<Allocatable> of(String instanceType) {
        return shape(instanceType).map(shape -> new Allocatable(instanceType,
                shape.vcpus() * 1000L - reservedCpuMillis(shape.vcpus()),
                shape.memoryMebibytes() - reservedMemoryMebibytes(shape.maxPods()) - EVICTION_MEBIBYTES));
    }

    private static Optional<Shape> shape(String instanceType) {
        if (T3.containsKey(instanceType)) {
            return Optional.of(T3.get(instanceType));
        }
        var matcher = FAMILY_SIZE.matcher(instanceType);
        if (!matcher.matches() || !GIB_PER_VCPU.containsKey(matcher.group(1)) || !SIZE_VCPUS_AND_PODS.containsKey(matcher.group(2))) {
            return Optional.empty();
        }
        var size = SIZE_VCPUS_AND_PODS.get(matcher.group(2));
        return Optional.of(new Shape(size[0], (long) size[0] * GIB_PER_VCPU.get(matcher.group(1)) * 1024, size[1]));
    }

    /** kube-reserved memory: 255 MiB + 11 MiB per pod the node can hold. */
    static long reservedMemoryMebibytes(int maxPods) {
        return 255 + 11L * maxPods;
    }

    /** kube-reserved CPU in millicores: 6% of the first core, 1% of the second, 0.5% of cores 3-4, 0.25% of the rest. */
    static long reservedCpuMillis(int vcpus) {
        long millis = vcpus * 1000L;
        long[] bounds = {0, 1000, 2000, 4000, Long.MAX_VALUE};
        long[] hundredthsOfPercent = {600, 100, 50, 25};
        long reserved = 0;
        for (int i = 0; i < hundredthsOfPercent.length; i++) {
            if (millis > bounds[i]) {
                reserved += (Math.min(millis, bounds[i + 1]) - bounds[i]) * hundredthsOfPercent[i] / 100 / 100;
            }
        }
        return reserved;
    }
}
