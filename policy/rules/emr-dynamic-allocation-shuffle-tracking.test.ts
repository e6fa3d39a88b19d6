import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, resourceViolations } from "../lib/testing";
import { emrDynamicAllocationShuffleTracking } from "./emr-dynamic-allocation-shuffle-tracking";

const rule = emrDynamicAllocationShuffleTracking;

/** JobTemplateData as CloudFormation spells it. */
function data(defaults: Record<string, unknown> | undefined, submit = "--conf spark.executor.cores=1"): Record<string, unknown> {
    return {
        ExecutionRoleArn: "arn:aws:iam::123456789012:role/r",
        ReleaseLabel: "emr-7.13.0-latest",
        JobDriver: { SparkSubmitJobDriver: { EntryPoint: "${EntryPoint}", SparkSubmitParameters: submit } },
        ConfigurationOverrides: defaults === undefined ? {} : { ApplicationConfiguration: [{ Classification: "spark-defaults", Properties: defaults }] },
    };
}

function cfnStack(templateData: Record<string, unknown>) {
    return resource("aws:cloudformation/stack:Stack", {
        templateBody: JSON.stringify({ Resources: { JobTemplate: { Type: "AWS::EMRContainers::JobTemplate", Properties: { Name: "t", JobTemplateData: templateData } } } }),
    });
}

const BOTH = { "spark.dynamicAllocation.enabled": "true", "spark.dynamicAllocation.shuffleTracking.enabled": "true" };

describe(rule.name, () => {
    it("accepts the program's shape, tracking spelt TRUE or padded, and templates without dynamic allocation", async () => {
        assert.deepEqual(await resourceViolations(rule, cfnStack(data({ ...BOTH, "spark.dynamicAllocation.maxExecutors": "${MaxExecutors}" }))), []);
        assert.deepEqual(await resourceViolations(rule, cfnStack(data({ "spark.dynamicAllocation.enabled": true, "spark.dynamicAllocation.shuffleTracking.enabled": " TRUE " }))), []);
        assert.deepEqual(await resourceViolations(rule, cfnStack(data(undefined))), []);
        assert.deepEqual(await resourceViolations(rule, cfnStack(data({ "spark.dynamicAllocation.enabled": "FALSE" }))), []);
        // Turned on by flag, tracked in spark-defaults: Spark merges both.
        assert.deepEqual(await resourceViolations(rule, cfnStack(data({ "spark.dynamicAllocation.shuffleTracking.enabled": "true" }, "--conf spark.dynamicAllocation.enabled=true"))), []);
        // Not a job template at all.
        assert.deepEqual(await resourceViolations(rule, resource("aws:cloudformation/stack:Stack", { templateBody: "{\"Resources\": {}}" })), []);
    });

    it("reports dynamic allocation without tracking, however the enabling setting is spelt", async () => {
        for (const enabled of ["true", "TRUE", " True ", true, "${DynamicAllocation}", "yes"]) {
            const messages = await resourceViolations(rule, cfnStack(data({ "spark.dynamicAllocation.enabled": enabled })));
            assert.equal(messages.length, 1, JSON.stringify(enabled));
            assert.match(messages[0], /without spark\.dynamicAllocation\.shuffleTracking\.enabled=true/);
        }
        // Any key case counts as "may be on" (conservative); only the exact key turns tracking on (Spark's keys are case-sensitive).
        assert.equal((await resourceViolations(rule, cfnStack(data({ "Spark.DynamicAllocation.Enabled": "true", "spark.dynamicallocation.shuffletracking.enabled": "true" })))).length, 1);
    });

    it("reports tracking that is off, a placeholder, or overridden by a spark-submit flag", async () => {
        for (const tracking of ["false", "${ShuffleTracking}", "1", ""]) {
            const messages = await resourceViolations(rule, cfnStack(data({ "spark.dynamicAllocation.enabled": "true", "spark.dynamicAllocation.shuffleTracking.enabled": tracking })));
            assert.equal(messages.length, 1, tracking);
            assert.match(messages[0], /must be the literal true/);
        }
        for (const flag of ["--conf spark.dynamicAllocation.shuffleTracking.enabled=false", "--conf=spark.dynamicAllocation.shuffleTracking.enabled=false",
            "-c spark.dynamicAllocation.shuffleTracking.enabled=false", "--conf 'spark.dynamicAllocation.shuffleTracking.enabled=false'"]) {
            const messages = await resourceViolations(rule, cfnStack(data(BOTH, `--conf spark.executor.cores=1 ${flag}`)));
            assert.equal(messages.length, 1, flag);
            assert.match(messages[0], /spark-submit/);
        }
        // Enabled by a flag over spark-defaults' false, with no tracking anywhere.
        assert.equal((await resourceViolations(rule, cfnStack(data({ "spark.dynamicAllocation.enabled": "false" }, "--conf \"spark.dynamicAllocation.enabled=true\"")))).length, 1);
    });

    it("finds templates in YAML bodies (with short-form intrinsics), nested classifications, the provider's type and Cloud Control", async () => {
        const yamlBody = [
            "Resources:",
            "  Template:",
            "    Type: AWS::EMRContainers::JobTemplate",
            "    Properties:",
            "      Name: !Sub '${AWS::StackName}-t'",
            "      JobTemplateData:",
            "        ExecutionRoleArn: !GetAtt Role.Arn",
            "        ReleaseLabel: emr-7.13.0-latest",
            "        JobDriver: {SparkSubmitJobDriver: {EntryPoint: x, SparkSubmitParameters: '--conf spark.dynamicAllocation.enabled=true'}}",
        ].join("\n");
        assert.equal((await resourceViolations(rule, resource("aws:cloudformation/stack:Stack", { templateBody: yamlBody }))).length, 1);
        const nested = data(undefined);
        nested["ConfigurationOverrides"] = { ApplicationConfiguration: [{ Classification: "emr-job-submitter", Properties: {},
            Configurations: [{ Classification: "Spark-Defaults", Properties: { "spark.dynamicAllocation.enabled": "true" } }] }] };
        assert.equal((await resourceViolations(rule, cfnStack(nested))).length, 1);
        const provider = resource("aws:emrcontainers/jobTemplate:JobTemplate", { jobTemplateData: {
            executionRoleArn: "arn:aws:iam::123456789012:role/r", releaseLabel: "emr-7.13.0-latest",
            configurationOverrides: { applicationConfigurations: [{ classification: "spark-defaults", properties: { "spark.dynamicAllocation.enabled": "true" } }] },
            jobDriver: { sparkSubmitJobDriver: { entryPoint: "x" } } } });
        assert.equal((await resourceViolations(rule, provider)).length, 1);
        const cloudControl = resource("aws:cloudcontrol/resource:Resource", { typeName: "AWS::EMRContainers::JobTemplate",
            desiredState: JSON.stringify({ Name: "t", JobTemplateData: data({ "spark.dynamicAllocation.enabled": "true" }) }) });
        assert.equal((await resourceViolations(rule, cloudControl)).length, 1);
    });

    it("reads CloudFormation Fn::Sub / Fn::Join values and Spark SQL job parameters", async () => {
        const viaSub = data({ "spark.dynamicAllocation.enabled": { "Fn::Sub": "true" }, "spark.dynamicAllocation.shuffleTracking.enabled": { "Fn::Join": ["", ["tr", "ue"]] } });
        assert.deepEqual(await resourceViolations(rule, cfnStack(viaSub)), []);
        const unreadable = data({ "spark.dynamicAllocation.enabled": "true", "spark.dynamicAllocation.shuffleTracking.enabled": { "Fn::If": ["c", "true", "false"] } });
        assert.equal((await resourceViolations(rule, cfnStack(unreadable))).length, 1, "a value the rule cannot read is not the literal true");
        const sql = data(undefined);
        sql["JobDriver"] = { SparkSqlJobDriver: { EntryPoint: "q.sql", SparkSqlParameters: { "Fn::Sub": "--conf spark.dynamicAllocation.enabled=true" } } };
        assert.equal((await resourceViolations(rule, cfnStack(sql))).length, 1);
    });

    it("reports a template body it cannot read when it declares a job template", async () => {
        const messages = await resourceViolations(rule, resource("aws:cloudformation/stack:Stack", { templateBody: "Resources: [\n  Type: AWS::EMRContainers::JobTemplate: {" }));
        assert.equal(messages.length, 1);
        assert.match(messages[0], /cannot be read/);
    });
});
