// EMR on EKS names its job service accounts `emr-containers-sa-*-*-<account>-<base36(role name)>`. The AWS CLI's
// `update-role-trust-policy` computes the suffix by reading the role name's ASCII bytes as one unsigned big-endian
// integer and printing it in base 36 (Java: new BigInteger(1, bytes).toString(36))
// (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/iam-execution-role.html).
export function base36OfRoleName(roleName: string): string {
    const bytes = Buffer.from(roleName, "ascii");
    return bytes.length === 0 ? "0" : BigInt(`0x${bytes.toString("hex")}`).toString(36);
}
