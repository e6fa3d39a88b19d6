package io.bigdatastack.emr;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An EMR on EKS release label: {@code emr-<major>.<minor>.<patch>-latest} or {@code -<yyyymmdd>} (the image of that
 * day), or the Spark-only family {@code emr-spark-<major>.<minor>.<patch>-latest}/{@code -<yyyymmdd>}.
 *
 * <p>This program supports emr-7.x and later (and emr-spark-8.x and later): the job template, node selectors and
 * Pod Identity are built and tested against them, and emr-7.13.0 (Spark 3.5) is the default. 6.x labels are
 * rejected rather than half-supported.
 * https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/emr-eks-releases.html
 *
 * @param family {@code emr} or {@code emr-spark}
 * @param suffix {@code latest} or a date as {@code yyyymmdd}
 */
public record ReleaseLabel(String family, int major, int minor, int patch, String suffix) {

    public static final String EMR = "emr";
    public static final String EMR_SPARK = "emr-spark";
    /** The oldest major of each family this program accepts. */
    public static final int MIN_EMR_MAJOR = 7;
    public static final int MIN_EMR_SPARK_MAJOR = 8;
    /** Pod Identity for job runs arrived with emr-7.3.0. */
    private static final int[] POD_IDENTITY_SINCE = {7, 3, 0};
    /** Interactive endpoints for EMR Studio need emr-6.7.0 or later (EMR on EKS prereqs-for-studio.html). */
    private static final int[] INTERACTIVE_ENDPOINTS_SINCE = {6, 7, 0};

    private static final Pattern FORM = Pattern.compile("(emr|emr-spark)-(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})-(latest|\\d{8})");

    public static final String EXPECTED = "an EMR on EKS release label: emr-<major>.<minor>.<patch>-latest or -<yyyymmdd> (emr-7.0.0 or later,"
            + " e.g. emr-7.13.0-latest), or emr-spark-<major>.<minor>.<patch>-latest or -<yyyymmdd> (e.g. emr-spark-8.0.0-latest)";

    /** The label, or empty when it is not one of the supported forms. */
    public static Optional<ReleaseLabel> parse(String text) {
        var m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        var suffix = m.group(5);
        if (!suffix.equals("latest")) {
            try {
                LocalDate.parse(suffix, DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        var label = new ReleaseLabel(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), suffix);
        int minMajor = label.family.equals(EMR) ? MIN_EMR_MAJOR : MIN_EMR_SPARK_MAJOR;
        return label.major >= minMajor ? Optional.of(label) : Optional.empty();
    }

    /** Whether jobs of this release can take credentials from EKS Pod Identity. */
    public boolean supportsPodIdentity() {
        return family.equals(EMR_SPARK) || atLeast(POD_IDENTITY_SINCE);
    }

    /**
     * Whether an interactive endpoint (EMR Studio on EKS) can run this release: emr-6.7.0 or later. The Spark-only
     * emr-spark family is not named by AWS's endpoint documentation, so it is not offered for endpoints.
     */
    public boolean supportsInteractiveEndpoints() {
        return family.equals(EMR) && atLeast(INTERACTIVE_ENDPOINTS_SINCE);
    }

    private boolean atLeast(int[] since) {
        int[] version = {major, minor, patch};
        for (int i = 0; i < version.length; i++) {
            if (version[i] != since[i]) {
                return version[i] > since[i];
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return family + "-" + major + "." + minor + "." + patch + "-" + suffix;
    }
}
