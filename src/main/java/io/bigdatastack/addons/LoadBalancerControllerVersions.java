package io.bigdatastack.addons;

import io.bigdatastack.support.ClasspathResources;

/**
 * The one pinned AWS Load Balancer Controller: chart, controller (app) version, and the IAM policy published for that
 * exact controller version.
 *
 * <p>Why v2.17.1: it is the last release of the v2 line (chart 1.17.1, appVersion v2.17.1, eks-charts commit of
 * 2026-01-09; v3.0.0 followed on 2026-01-23), and the controller's installation guide states "AWS Load Balancer
 * Controller v2.5.0+ requires Kubernetes 1.22+" with no upper bound, which covers every version this project accepts
 * (1.33-1.36). Sources: docs/deploy/installation.md at tag v2.17.1 of kubernetes-sigs/aws-load-balancer-controller
 * ("Supported Kubernetes versions"), and stable/aws-load-balancer-controller/Chart.yaml of aws/eks-charts.
 */
public final class LoadBalancerControllerVersions {

    public static final String CHART = "aws-load-balancer-controller";
    public static final String REPOSITORY = "https://aws.github.io/eks-charts";
    public static final String CHART_VERSION = "1.17.1";
    public static final String APP_VERSION = "v2.17.1";

    /** Where {@link #iamPolicy()} was taken from, unchanged. */
    public static final String IAM_POLICY_SOURCE =
            "https://raw.githubusercontent.com/kubernetes-sigs/aws-load-balancer-controller/" + APP_VERSION + "/docs/install/iam_policy.json";
    static final String IAM_POLICY_RESOURCE = "/addons/aws-load-balancer-controller/" + APP_VERSION + "/iam_policy.json";

    private LoadBalancerControllerVersions() {
    }

    /** The upstream IAM policy document of {@link #APP_VERSION}, as published (JSON text). */
    public static String iamPolicy() {
        return ClasspathResources.read(IAM_POLICY_RESOURCE);
    }
}
