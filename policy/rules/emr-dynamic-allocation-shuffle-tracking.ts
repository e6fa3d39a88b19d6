// Dynamic allocation on EMR on EKS needs shuffle tracking: Kubernetes has no external shuffle service, and AWS's EMR on
// EKS best-practices guide states that with `spark.dynamicAllocation.enabled=true` and shuffle tracking off "the spark
// application will error out" (https://aws.github.io/aws-emr-containers-best-practices/performance/docs/dra/). A job
// template that may turn on the first must turn on the second, literally: a template parameter could set it to false.
//
// Read conservatively, as Spark reads them: the last `--conf` of spark-submit wins over spark-defaults; Spark parses
// booleans case-insensitively after trimming ("TRUE", " true "); its keys are case-sensitive, so a misspelt
// shuffle-tracking key does not count, while any spelling of the enabling key (or a placeholder, or a non-false value)
// counts as "may be on".
import { jobTemplatesOf, sparkSettingsOf, type SparkSetting } from "../lib/spark-settings";
import type { ResourceRule } from "../lib/types";

const ENABLED = "spark.dynamicAllocation.enabled";
const SHUFFLE_TRACKING = "spark.dynamicAllocation.shuffleTracking.enabled";

/** The value Spark ends up with: the last spark-submit flag, else the last spark-defaults property. */
function effective(settings: readonly SparkSetting[], matches: (key: string) => boolean): SparkSetting | undefined {
    const found = settings.filter((setting) => matches(setting.key));
    return found.filter((setting) => setting.source === "spark-submit").pop() ?? found.pop();
}

export const emrDynamicAllocationShuffleTracking: ResourceRule = {
    kind: "resource",
    name: "emr-dynamic-allocation-shuffle-tracking",
    description: "An EMR on EKS job template that may enable Spark dynamic allocation also sets spark.dynamicAllocation.shuffleTracking.enabled=true, literally.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        const { templates, unreadable } = jobTemplatesOf(resource);
        for (const template of unreadable) {
            report(`\`${template.where}\` declares an EMR on EKS job template but cannot be read to check its Spark settings: ${template.reason}.`);
        }
        for (const template of templates) {
            const settings = sparkSettingsOf(template.data);
            const enabled = effective(settings, (key) => key.toLowerCase() === ENABLED.toLowerCase());
            if (enabled === undefined || enabled.value.toLowerCase() === "false") {
                continue; // Spark's default is off.
            }
            const tracking = effective(settings, (key) => key === SHUFFLE_TRACKING);
            if (tracking === undefined) {
                report(`\`${template.where}\` sets ${enabled.key}=${enabled.value} (${enabled.source}) without ${SHUFFLE_TRACKING}=true: on Kubernetes dynamic allocation without shuffle tracking fails the application.`);
            } else if (tracking.value.toLowerCase() !== "true") {
                report(`\`${template.where}\` sets ${enabled.key}=${enabled.value} (${enabled.source}) but ${SHUFFLE_TRACKING}=${tracking.value} (${tracking.source}): it must be the literal true, on Kubernetes dynamic allocation without shuffle tracking fails the application.`);
            }
        }
    },
};
