package io.bigdatastack.addons;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.meta.v1.outputs.ObjectMeta;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * An object of a Kubernetes custom resource type (a CRD's kind), created through the cluster's Kubernetes provider.
 * {@code com.pulumi:kubernetes} 4.0.0 has no class for this (its {@code apiextensions.CustomResource} came with 4.13),
 * so this is the same registration the provider expects from any SDK: type token
 * {@code kubernetes:<group>/<version>:<Kind>} and the inputs {@code apiVersion}, {@code kind}, {@code metadata},
 * {@code spec} ({@link KubernetesCustomResourceArgs}). The provider turns them into the object as given; it does not
 * validate {@code spec} against the CRD before the API server does.
 *
 * <p>The CRD must exist first: pass the chart release that installs it in {@code dependsOn}, so that the object is
 * created after the chart and, on {@code pulumi destroy}, deleted before it (while the controller that handles its
 * finalizers still runs).
 *
 * <p>One class for every kind: what differs between kinds is the {@link Kind} (group, version, kind), which gives the
 * type token and {@code apiVersion}/{@code kind}, so the plan, the change review and the policy pack see each kind
 * under its own type.
 */
public final class KubernetesCustomResource extends CustomResource {

    /**
     * A custom resource kind.
     *
     * @param group   API group, e.g. {@code karpenter.sh}
     * @param version API version within the group, e.g. {@code v1}
     * @param kind    the kind, e.g. {@code NodePool}
     */
    public record Kind(String group, String version, String kind) {

        /** Karpenter's NodePool (https://karpenter.sh/v1.14/concepts/nodepools/). */
        public static final Kind NODE_POOL = new Kind("karpenter.sh", "v1", "NodePool");
        /** Karpenter's EC2NodeClass (https://karpenter.sh/v1.14/concepts/nodeclasses/). */
        public static final Kind EC2_NODE_CLASS = new Kind("karpenter.k8s.aws", "v1", "EC2NodeClass");

        /** {@code <group>/<version>}, the object's {@code apiVersion}. */
        public String apiVersion() {
            return group + "/" + version;
        }

        /** The Pulumi type token the Kubernetes provider reads: {@code kubernetes:<group>/<version>:<Kind>}. */
        public String typeToken() {
            return "kubernetes:" + apiVersion() + ":" + kind;
        }
    }

    @Export(name = "apiVersion", refs = {String.class}, tree = "[0]")
    private Output<String> apiVersion;

    @Export(name = "kind", refs = {String.class}, tree = "[0]")
    private Output<String> kind;

    @Export(name = "metadata", refs = {ObjectMeta.class}, tree = "[0]")
    private Output<ObjectMeta> metadata;

    private final Kind resourceKind;

    /** Registers {@code args} as an object of {@code kind}; give the cluster's provider and the CRD's release in {@code options}. */
    public KubernetesCustomResource(String name, Kind kind, KubernetesCustomResourceArgs args, CustomResourceOptions options) {
        super(kind.typeToken(), name, args.withKind(kind), options);
        this.resourceKind = kind;
    }

    /** The kind this object is. */
    public Kind resourceKind() { return resourceKind; }

    /** {@code <group>/<version>} as the API server returns it. */
    public Output<String> apiVersion() { return apiVersion; }

    /** The kind as the API server returns it. */
    public Output<String> kind() { return kind; }

    /** The object's metadata as the API server returns it (name, labels, ...). */
    public Output<ObjectMeta> metadata() { return metadata; }
}
