// Kubernetes Secrets are only base64 in etcd unless envelope-encrypted with a KMS key
// (https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html). Once enabled it cannot be disabled, so it
// belongs in the cluster from day one.
import { EKS_CLUSTER_TYPE } from "../lib/eks";
import type { ResourceRule } from "../lib/types";
import { isObject, listOf, stringsOf } from "../lib/values";

export const eksSecretsEncryption: ResourceRule = {
    kind: "resource",
    name: "eks-secrets-encryption",
    description: "EKS clusters envelope-encrypt Kubernetes secrets with KMS (encryptionConfig.resources includes secrets).",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        if (resource.type !== EKS_CLUSTER_TYPE) {
            return;
        }
        // A single block in provider v6 (an object); tolerate the list form of older providers.
        const encryptsSecrets = listOf(resource.props["encryptionConfig"]).some(
            (config) => isObject(config) && stringsOf(config["resources"]).includes("secrets"),
        );
        if (!encryptsSecrets) {
            report('encryptionConfig does not cover "secrets": add encryptionConfig { provider.keyArn = <KMS key>, resources = ["secrets"] }.');
        }
    },
};
