package io.bigdatastack.config;

import io.bigdatastack.network.Ipv4Cidr;
import io.bigdatastack.studio.StudioAccessLevel;
import io.bigdatastack.studio.StudioMember;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pure checks of single values. Each returns the expected form when the value is wrong, empty when it is right, so
 * {@link StackConfig} can name key, value and expectation in one message.
 */
public final class Validators {

    // IAM role names: 1-64 of alphanumerics and +=,.@_- (IAM CreateRole API, RoleName).
    private static final Pattern IAM_ROLE_NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,64}");
    // IAM Identity Center user names: up to 128 of the same set (IdentityStore CreateUser, UserName).
    private static final Pattern IDENTITY_CENTER_USER_NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,128}");
    // IAM Identity Center group display names: 1-1024 characters (IdentityStore CreateGroup, DisplayName); printable.
    private static final Pattern IDENTITY_CENTER_GROUP_NAME = Pattern.compile("[^\\p{Cntrl}]{1,1024}");
    // EKS CreateCluster: 1-100 characters, starts with an alphanumeric, then alphanumerics, hyphens and underscores.
    private static final Pattern EKS_CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");
    // RFC 1123 label, as Kubernetes requires of namespace names.
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    // EC2 instance types: family (letters, generation digit, attributes, optional -flex) dot size.
    private static final Pattern INSTANCE_TYPE = Pattern.compile(
            "[a-z]+[0-9]+[a-z0-9]*(-flex)?\\.(nano|micro|small|medium|large|[0-9]*xlarge|metal(-[0-9]+xl)?)");

    // S3 general purpose bucket names: 3-63 of lowercase letters, digits, '.' and '-', starting and ending with a
    // letter or digit (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
    private static final Pattern S3_BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IPV4_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final List<String> S3_RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> S3_RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    /** The retention periods CloudWatch Logs accepts (PutRetentionPolicy). */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
            1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private Validators() {
    }

    // Glue database names as Athena and Hive accept them: lower case letters, digits and underscores, at most 255
    // (https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html; Glue's own limit is 255).
    private static final Pattern GLUE_DATABASE_NAME = Pattern.compile("[a-z0-9_]{1,255}");

    /** A Glue Data Catalog database a team reads ({@code glueReadDatabases}): one exact name, no wildcard. */
    public static Optional<String> glueDatabaseName(String value) {
        return expect(GLUE_DATABASE_NAME.matcher(value).matches(),
                "a Glue database name: 1-255 lower-case letters, digits or underscores, one database per entry (no wildcards)");
    }

    public static Optional<String> iamRoleName(String value) {
        return expect(IAM_ROLE_NAME.matcher(value).matches(),
                "an IAM role name: 1-64 characters from letters, digits and +=,.@_-");
    }

    public static Optional<String> identityCenterUserName(String value) {
        return expect(IDENTITY_CENTER_USER_NAME.matcher(value).matches(),
                "an IAM Identity Center user name: 1-128 characters from letters, digits and +=,.@_-");
    }

    /** A {@code studioUsers} entry: {@code <user>} or {@code <user>:<level>}, level basic or intermediate. */
    public static Optional<String> studioUserEntry(String entry) {
        return studioEntry(entry, "user", IDENTITY_CENTER_USER_NAME,
                "an IAM Identity Center user name (1-128 letters, digits or +=,.@_-)");
    }

    /** A {@code studioGroups} entry: {@code <group>} or {@code <group>:<level>}, level basic or intermediate. */
    public static Optional<String> studioGroupEntry(String entry) {
        return studioEntry(entry, "group", IDENTITY_CENTER_GROUP_NAME,
                "an IAM Identity Center group name (1-1024 printable characters, no ':')");
    }

    private static Optional<String> studioEntry(String entry, String kind, Pattern namePattern, String nameForm) {
        String form = "\"<" + kind + ">\" or \"<" + kind + ">:<level>\" where <" + kind + "> is " + nameForm
                + " and <level> is basic or intermediate";
        int separator = entry.lastIndexOf(StudioMember.LEVEL_SEPARATOR);
        String name = (separator < 0 ? entry : entry.substring(0, separator)).trim();
        if (separator >= 0) {
            String level = entry.substring(separator + 1).trim();
            if (level.equalsIgnoreCase(StudioAccessLevel.advanced.name())) {
                return Optional.of(form + " (advanced is reserved for studioAdminUser)");
            }
            if (!level.equalsIgnoreCase(StudioAccessLevel.basic.name()) && !level.equalsIgnoreCase(StudioAccessLevel.intermediate.name())) {
                return Optional.of(form);
            }
        }
        boolean nameOk = !name.isEmpty() && !name.contains(StudioMember.LEVEL_SEPARATOR) && namePattern.matcher(name).matches();
        return expect(nameOk, form);
    }

    public static Optional<String> eksClusterName(String value) {
        return expect(EKS_CLUSTER_NAME.matcher(value).matches(),
                "an EKS cluster name: 1-100 characters, starting with a letter or digit, then letters, digits, - or _");
    }

    public static Optional<String> dns1123Label(String value) {
        return expect(DNS_1123_LABEL.matcher(value).matches(),
                "a Kubernetes namespace name (RFC 1123 label): 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit");
    }

    public static Optional<String> instanceType(String value) {
        if (io.bigdatastack.cluster.NodeAmi.isMac(value)) {
            return Optional.of("an instance type EKS managed node groups can run: mac instances run macOS on Dedicated Hosts only");
        }
        return expect(INSTANCE_TYPE.matcher(value).matches(), "an EC2 instance type such as m5.xlarge or c6i.2xlarge");
    }

    /** A minor of the one version table ({@link io.bigdatastack.cluster.KubernetesVersions}). */
    public static Optional<String> kubernetesVersion(String value) {
        var minors = io.bigdatastack.cluster.KubernetesVersions.minors();
        return expect(minors.contains(value), "a Kubernetes version EKS supports: one of " + String.join(", ", minors));
    }

    public static Optional<String> logRetentionDays(int days) {
        return expect(LOG_RETENTION_DAYS.contains(days), "a retention CloudWatch Logs accepts: one of "
                + LOG_RETENTION_DAYS.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
    }

    public static Optional<String> emrReleaseLabel(String value) {
        return expect(io.bigdatastack.emr.ReleaseLabel.parse(value).isPresent(), io.bigdatastack.emr.ReleaseLabel.EXPECTED);
    }

    public static Optional<String> s3BucketName(String value) {
        boolean valid = S3_BUCKET_NAME.matcher(value).matches()
                && !value.contains("..")
                && !IPV4_LIKE.matcher(value).matches()
                && S3_RESERVED_PREFIXES.stream().noneMatch(value::startsWith)
                && S3_RESERVED_SUFFIXES.stream().noneMatch(value::endsWith);
        return expect(valid, "an S3 bucket name (not an ARN or s3:// URI): 3-63 lowercase letters, digits, '.' or '-',"
                + " starting and ending with a letter or digit, no '..', not an IP address, no reserved prefix or suffix");
    }

    /** All instance types of one node group must share an architecture: the group has one AMI. */
    public static Optional<String> oneArchitecture(List<String> instanceTypes) {
        long graviton = instanceTypes.stream().filter(io.bigdatastack.cluster.NodeAmi::isGraviton).count();
        return expect(graviton == 0 || graviton == instanceTypes.size(),
                "instance types of one architecture (all Graviton/arm64, a1 included, or all x86_64): a node group has one AMI; "
                        + "here arm64: " + instanceTypes.stream().filter(io.bigdatastack.cluster.NodeAmi::isGraviton).toList()
                        + ", x86_64: " + instanceTypes.stream().filter(t -> !io.bigdatastack.cluster.NodeAmi.isGraviton(t)).toList());
    }

    public static Optional<String> cidr(String value) {
        try {
            Ipv4Cidr.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("an IPv4 CIDR block such as 10.0.0.0/16 (" + e.getMessage() + ")");
        }
    }

    /**
     * An entry of {@code endpointPublicAccessCidrs}: an IPv4 CIDR (the cluster's public endpoint filter is IPv4 only)
     * that can match a client on the internet, so neither private (RFC 1918) nor special-purpose space
     * (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html).
     */
    public static Optional<String> publicAccessCidr(String value) {
        var shape = cidr(value);
        if (shape.isPresent()) {
            return Optional.of("an IPv4 CIDR block such as 203.0.113.0/24 (IPv6 is not accepted by EKS here; "
                    + shape.get().substring(shape.get().indexOf('(') + 1));
        }
        var parsed = Ipv4Cidr.parse(value);
        var special = io.bigdatastack.network.SpecialAddressBlocks.containing(parsed);
        if (special.isPresent()) {
            return Optional.of("a public IPv4 range; " + value + " is " + special.get().purpose() + " space, which never reaches the public endpoint");
        }
        if (io.bigdatastack.network.SpecialAddressBlocks.isPrivate(parsed)) {
            return Optional.of("a public IPv4 range; " + value + " is private (RFC 1918) space, which never reaches the public endpoint"
                    + " (the private endpoint already serves the VPC)");
        }
        return Optional.empty();
    }

    public static <E extends Enum<E>> Optional<String> oneOf(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.empty();
            }
        }
        var names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return Optional.of("one of " + String.join(", ", names));
    }

    // --- Cost attribution and budgets (io.bigdatastack.cost) ---

    /**
     * An e-mail address for a budget alert: one address, a local part and a domain with a dot, no spaces or commas (a
     * list in one entry would reach nobody), at most 254 characters (RFC 5321's path limit). Budgets only sends to it;
     * the syntax check catches the typo before the alert silently goes nowhere.
     */
    public static Optional<String> emailAddress(String value) {
        return expect(value.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(value).matches(),
                "an e-mail address such as data-platform@example.com (one address, at most " + MAX_EMAIL_LENGTH + " characters)");
    }

    static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    /** A monthly budget in US dollars: a positive amount with at most two decimals, e.g. {@code 1500} or {@code 249.99}. */
    public static Optional<String> usdAmount(String value) {
        boolean valid = USD.matcher(value).matches() && new java.math.BigDecimal(value).signum() > 0;
        return expect(valid, "a positive amount of US dollars with at most two decimals, e.g. 1500 or 249.99");
    }

    private static final Pattern USD = Pattern.compile("[0-9]{1,9}(?:\\.[0-9]{1,2})?");

    private static Optional<String> expect(boolean ok, String expected) {
        return ok ? Optional.empty() : Optional.of(expected);
    }
}
