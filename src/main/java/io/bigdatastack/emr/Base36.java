package io.bigdatastack.emr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The base36 form of an IAM role name that EMR on EKS puts into the names of the service accounts it creates for a
 * job ({@code emr-containers-sa-<framework>-<component>-<account>-<base36(role name)>}).
 *
 * <p>It must match what the AWS CLI computes in {@code aws emr-containers update-role-trust-policy} and
 * {@code create-role-associations}: the name's bytes read as one unsigned big-endian integer, written in base 36 with
 * lowercase digits. If it differs by one character, the trust policy matches no service account and every job fails
 * to assume the role (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/iam-execution-role.html).
 */
public final class Base36 {

    private Base36() {
    }

    /** @param roleName an IAM role name (ASCII by IAM's rules) */
    public static String encode(String roleName) {
        if (roleName.isEmpty()) {
            throw new IllegalArgumentException("an IAM role name is never empty");
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(roleName)) {
            throw new IllegalArgumentException("IAM role names are ASCII: " + roleName);
        }
        return new BigInteger(1, roleName.getBytes(StandardCharsets.US_ASCII)).toString(36);
    }
}
