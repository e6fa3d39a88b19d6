// The offline plan writes every Pulumi secret as this marker (the plan contract in docs/plan-file.md). Under
// `pulumi preview --policy-pack`, CrossGuard hands the pack the plaintext instead, so only the offline check meets it.
export const SECRET_MARKER = "[secret]";

export function isSecretMarker(value: unknown): boolean {
    return value === SECRET_MARKER;
}
