package io.bigdatastack.cluster;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks the EKS-optimized AMI type for a node group. AL2 AMIs stopped receiving updates in November 2025, so nodes
 * run Amazon Linux 2023 (https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-deprecation-faqs.html).
 */
public final class NodeAmi {

    public static final String AL2023_X86_64 = "AL2023_x86_64_STANDARD";
    public static final String AL2023_ARM_64 = "AL2023_ARM_64_STANDARD";

    // family = letters, generation digits, attribute letters; a 'g' among the attributes means AWS Graviton (m7g, c6gn,
    // r6gd, x2gd, im4gn, is4gen, g5g, hpc7g), and a1 is the first-generation Graviton family, named before that
    // convention (https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html).
    private static final Pattern FAMILY = Pattern.compile("([a-z]+)(\\d+)([a-z]*)(-flex)?\\..+");
    private static final String FIRST_GRAVITON_FAMILY = "a1";

    private NodeAmi() {
    }

    public static boolean isGraviton(String instanceType) {
        var m = FAMILY.matcher(instanceType);
        return m.matches() && (m.group(3).contains("g") || (m.group(1) + m.group(2)).equals(FIRST_GRAVITON_FAMILY));
    }

    /**
     * Mac instances run macOS on Dedicated Hosts only; EKS managed node groups cannot launch them
     * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-mac-instances.html).
     */
    public static boolean isMac(String instanceType) {
        return instanceType.startsWith("mac");
    }

    /** The AMI type for a list of instance types of one architecture. */
    public static String amiType(List<String> instanceTypes) {
        if (instanceTypes.isEmpty()) {
            throw new IllegalArgumentException("no instance types");
        }
        boolean arm = isGraviton(instanceTypes.get(0));
        for (var type : instanceTypes) {
            if (isGraviton(type) != arm) {
                throw new IllegalArgumentException("instance types mix arm64 and x86_64: " + instanceTypes);
            }
        }
        return arm ? AL2023_ARM_64 : AL2023_X86_64;
    }
}
