export const SERVICE_TYPE = "kubernetes:core/v1:Service";
export const HELM_RELEASE_TYPE = "kubernetes:helm.sh/v3:Release";
