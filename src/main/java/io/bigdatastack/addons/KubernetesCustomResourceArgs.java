package io.bigdatastack.addons;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ResourceArgs;

import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link KubernetesCustomResource}: the object's metadata and spec ({@code apiVersion} and {@code kind}
 * come from its {@link KubernetesCustomResource.Kind}).
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form, and what changing it on a
 * deployed stack does.
 */
public final class KubernetesCustomResourceArgs extends ResourceArgs {

    @Import(name = "apiVersion")
    private Output<String> apiVersion;

    @Import(name = "kind")
    private Output<String> kind;

    @Import(name = "metadata")
    private Output<ObjectMetaArgs> metadata;

    @Import(name = "spec")
    private Output<Map<String, Object>> spec;

    private KubernetesCustomResourceArgs() {
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** These inputs with {@code apiVersion} and {@code kind} of {@code resourceKind}. */
    KubernetesCustomResourceArgs withKind(KubernetesCustomResource.Kind resourceKind) {
        var copy = new KubernetesCustomResourceArgs();
        copy.apiVersion = Output.of(resourceKind.apiVersion());
        copy.kind = Output.of(resourceKind.kind());
        copy.metadata = metadata;
        copy.spec = spec;
        return copy;
    }

    /** The object's metadata, as given. */
    public Output<ObjectMetaArgs> metadata() { return metadata; }

    /** The object's spec, as given. */
    public Output<Map<String, Object>> spec() { return spec; }

    public static final class Builder {
        private final KubernetesCustomResourceArgs args = new KubernetesCustomResourceArgs();

        /**
         * The object's metadata; {@code name} is required (cluster-scoped kinds such as NodePool take no namespace). A
         * new name or namespace replaces the object (Kubernetes cannot rename); labels and annotations update it.
         */
        public Builder metadata(ObjectMetaArgs value) { args.metadata = Output.of(value); return this; }

        /**
         * The object's spec: nested maps and lists of strings, numbers and booleans, as the CRD's schema defines it.
         * A change is an update of the object; what the controller then does (e.g. Karpenter replacing drifted nodes)
         * is the kind's own behavior, which the change review names.
         */
        public Builder spec(Output<Map<String, Object>> value) { args.spec = value; return this; }

        /** The spec as a plain map (see {@link #spec(Output)}). */
        public Builder spec(Map<String, Object> value) { return spec(Output.of(value)); }

        /** The inputs; throws {@link NullPointerException} naming a missing one. */
        public KubernetesCustomResourceArgs build() {
            Objects.requireNonNull(args.metadata, "metadata");
            Objects.requireNonNull(args.spec, "spec");
            return args;
        }
    }
}
