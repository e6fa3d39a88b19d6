package io.bigdatastack.emr;

import java.util.List;

/**
 * Fair scheduling between Spark jobs: four PriorityClasses, drivers above executors (an evicted driver loses its whole
 * job, an evicted executor only its running tasks, which Spark re-runs), production above ad hoc within each. When the
 * cluster is full the scheduler preempts lower-priority pods for higher ones
 * (https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/). Values stay far below the
 * system classes (system-cluster-critical is 2,000,000,000); none is the global default, so pods that name no class
 * keep priority 0.
 *
 * <p>Jobs pick a class through EMR on EKS pod templates stored in the job bucket, whose main containers carry the
 * names EMR documents for the driver and executor ({@code spark-kubernetes-driver}, {@code spark-kubernetes-executor};
 * https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/pod-templates.html).
 */
public enum SparkPriority {

    PRODUCTION_DRIVER("production", "driver", 100_000),
    ADHOC_DRIVER("adhoc", "driver", 90_000),
    PRODUCTION_EXECUTOR("production", "executor", 50_000),
    ADHOC_EXECUTOR("adhoc", "executor", 40_000);

    /** The job classes a job template's {@code JobClass} parameter takes. */
    public static final List<String> JOB_CLASSES = List.of("adhoc", "production");
    public static final String DEFAULT_JOB_CLASS = "adhoc";
    /** Where a team's pod templates live under its prefix of the job bucket. */
    public static final String POD_TEMPLATES_PREFIX = "pod-templates/";

    private final String jobClass;
    private final String sparkRole;
    private final int value;

    SparkPriority(String jobClass, String sparkRole, int value) {
        this.jobClass = jobClass;
        this.sparkRole = sparkRole;
        this.value = value;
    }

    public String jobClass() { return jobClass; }

    /** {@code driver} or {@code executor}. */
    public String sparkRole() { return sparkRole; }

    public int value() { return value; }

    /** The PriorityClass name, e.g. {@code spark-production-driver}. */
    public String className() {
        return "spark-" + jobClass + "-" + sparkRole;
    }

    /** The main container's name Spark and EMR use for this role. */
    public String containerName() {
        return "spark-kubernetes-" + sparkRole;
    }

    /** The pod template's key under the team's prefix, e.g. {@code pod-templates/production-driver.yaml}. */
    public String podTemplateKey(String dataPrefix) {
        return dataPrefix + POD_TEMPLATES_PREFIX + jobClass + "-" + sparkRole + ".yaml";
    }

    /**
     * The pod template under {@code placement}: the priority class, the main container's documented name, and, when
     * the placement puts them in pod templates, the node selector and (drivers) annotations.
     */
    public String podTemplate(SparkPlacement placement) {
        var parts = placement.podTemplateParts(sparkRole);
        var text = new StringBuilder("apiVersion: v1\n").append("kind: Pod\n");
        if (parts.containsKey("annotations")) {
            text.append("metadata:\n  annotations:\n");
            parts.get("annotations").forEach((k, v) -> text.append("    ").append(k).append(": \"").append(v).append("\"\n"));
        }
        text.append("spec:\n");
        if (parts.containsKey("nodeSelector")) {
            text.append("  nodeSelector:\n");
            parts.get("nodeSelector").forEach((k, v) -> text.append("    ").append(k).append(": ").append(v).append("\n"));
        }
        return text.append("  priorityClassName: ").append(className()).append("\n")
                .append("  containers:\n")
                .append("    - name: ").append(containerName()).append("\n").toString();
    }

    /**
     * The spark-submit settings that pick the pod templates of {@code jobClass} (a class name or a template placeholder)
     * in {@code s3://<bucket>/<dataPrefix>pod-templates/}.
     */
    public static List<String> podTemplateConfs(String bucketName, String dataPrefix, String jobClass) {
        var location = "s3://" + bucketName + "/" + dataPrefix + POD_TEMPLATES_PREFIX + jobClass;
        return List.of("spark.kubernetes.driver.podTemplateFile=" + location + "-driver.yaml",
                "spark.kubernetes.executor.podTemplateFile=" + location + "-executor.yaml");
    }
}
