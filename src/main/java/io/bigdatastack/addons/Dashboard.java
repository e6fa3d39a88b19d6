package io.bigdatastack.addons;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.Map;

/**
 * Headlamp, the successor of the retired Kubernetes Dashboard, reachable only through {@code kubectl port-forward}
 * (a ClusterIP service, never a load balancer). Users sign in with a short-lived token of a dedicated service
 * account: since Kubernetes 1.24 no long-lived token secrets are created, and {@code kubectl create token} issues one
 * that expires — unlike the reference stack's dashboard with {@code --token-ttl=0}.
 */
public final class Dashboard extends ComponentResource {

    public static final String TYPE = "bigdata:addons:Dashboard";
    public static final HelmChart CHART = new HelmChart("headlamp", "https://kubernetes-sigs.github.io/headlamp/", "0.43.0");
    public static final String NAMESPACE = "headlamp";
    public static final String SERVICE = "headlamp";
    /** Headlamp's service listens on 80 and forwards to the container's 4466. */
    public static final int SERVICE_PORT = 80;
    public static final int LOCAL_PORT = 4466;

    private final String loginServiceAccount;
    private final Output<String> command;

    public Dashboard(String name, DashboardArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var onCluster = CustomResourceOptions.builder().parent(this).provider(args.kubernetesProvider).build();
        this.loginServiceAccount = args.access == DashboardAccess.admin ? "headlamp-admin" : "headlamp-viewer";
        var clusterRole = args.access == DashboardAccess.admin ? "cluster-admin" : "view";

        var namespace = new Namespace(name + "-headlamp", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAMESPACE)
                        .labels(io.bigdatastack.cluster.PodSecurity.baselineEnforcedRestrictedWarned())
                        .build())
                .build(), onCluster);

        var releaseDependencies = new ArrayList<Resource>(args.nodeGroups);
        releaseDependencies.add(namespace);
        CHART.install(name + "-headlamp", "headlamp", NAMESPACE, Output.of(Map.of(
                        "fullnameOverride", SERVICE,
                        "service", Map.of("type", "ClusterIP", "port", SERVICE_PORT),
                        // Headlamp calls the API with each user's own token; its pod needs no cluster role
                        // (the chart's default binding is cluster-admin).
                        "clusterRoleBinding", Map.of("create", false),
                        "serviceAccount", Map.of("create", true, "name", "headlamp"))),
                this, args.kubernetesProvider, releaseDependencies);

        var account = new ServiceAccount(name + "-" + loginServiceAccount, ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(loginServiceAccount).namespace(namespace.metadata().applyValue(m -> m.name().orElseThrow())).build())
                .build(), onCluster);
        new ClusterRoleBinding(name + "-" + loginServiceAccount, ClusterRoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(loginServiceAccount).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name(clusterRole).build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name(loginServiceAccount)
                        .namespace(account.metadata().applyValue(m -> m.namespace().orElseThrow())).build())
                .build(), onCluster);

        this.command = Output.of(command(loginServiceAccount));
        registerOutputs(Map.of("command", command));
    }

    /** What a user runs to open the dashboard: a one-hour token, a port-forward, a local URL. */
    static String command(String serviceAccount) {
        return "kubectl -n " + NAMESPACE + " create token " + serviceAccount + " --duration=1h"
                + " && kubectl -n " + NAMESPACE + " port-forward svc/" + SERVICE + " " + LOCAL_PORT + ":" + SERVICE_PORT
                + "  # then open http://localhost:" + LOCAL_PORT + " and paste the token";
    }

    /** The service account whose token signs users in. */
    public String loginServiceAccount() { return loginServiceAccount; }

    /** The {@code DashboardCommand} stack output. */
    public Output<String> command() { return command; }
}
