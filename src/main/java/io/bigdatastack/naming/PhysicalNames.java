package io.bigdatastack.naming;

import io.bigdatastack.support.Hashing;

import java.util.Locale;

/**
 * Physical names that must also satisfy a service's length and character rules. A name that is too long keeps its
 * beginning and gets a short hash of the whole name, so two long names that differ only at the end stay distinct
 * and the same input always gives the same name.
 */
public final class PhysicalNames {

    /** IAM role and instance profile names: at most 64 characters (IAM CreateRole, RoleName). */
    public static final int IAM_ROLE_NAME_MAX = 64;
    /** IAM customer managed policy names: at most 128 characters (IAM CreatePolicy, PolicyName). */
    public static final int IAM_POLICY_NAME_MAX = 128;
    /** S3 bucket names: 3-63 characters (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html). */
    public static final int S3_BUCKET_NAME_MAX = 63;

    private static final int HASH_LENGTH = 8;

    private PhysicalNames() {
    }

    /** {@code name} itself when it fits, else its beginning plus {@code -<8 hex of sha256(name)>}. */
    public static String fit(String name, int maxLength) {
        if (maxLength <= HASH_LENGTH + 1) {
            throw new IllegalArgumentException("maxLength " + maxLength + " leaves no room for a name");
        }
        if (name.length() <= maxLength) {
            return name;
        }
        String head = name.substring(0, maxLength - HASH_LENGTH - 1).replaceAll("[-.]+$", "");
        return head + "-" + Hashing.sha256Hex(name).substring(0, HASH_LENGTH);
    }

    /**
     * A bucket name {@code <namePrefix>-<purpose>-<accountId>}, where the prefix is {@code <project>-<stack>}
     * ({@link StackNaming#physical}): S3 names are global across all accounts, so
     * the account ID keeps two accounts running the same stack apart. Lowercased, with characters S3 rejects (or
     * that break virtual-hosted TLS, like dots) turned into hyphens, and fitted to 63 characters with the account ID
     * kept whole at the end.
     */
    public static String bucket(String namePrefix, String purpose, String accountId) {
        String base = (namePrefix + "-" + purpose).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^-+", "");
        String suffix = "-" + accountId;
        return fit(base, S3_BUCKET_NAME_MAX - suffix.length()) + suffix;
    }

    /**
     * The name of an IAM role (and of its instance profile) {@code <namePrefix>-<purpose>}, where the prefix is
     * {@code <project>-<stack>} ({@link StackNaming#physical}): role names are unique per account, so project and stack
     * keep two stacks apart; fitted to IAM's 64 characters. StackConfig keeps the prefix short enough
     * ({@code MAX_PHYSICAL_PREFIX}) that every role of the program keeps its name whole.
     */
    public static String role(String namePrefix, String purpose) {
        return fit(namePrefix + "-" + purpose, IAM_ROLE_NAME_MAX);
    }
}
