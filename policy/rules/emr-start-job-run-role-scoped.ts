// Whoever may call emr-containers:StartJobRun may run code as the job's execution role. EMR on EKS does not ask for
// iam:PassRole; it checks the role through the `emr-containers:ExecutionRoleArn` condition key, and the template through
// `emr-containers:JobTemplateArn` (Service Authorization Reference,
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonemroneksemrcontainers.html). AWS's guide
// on job templates warns that a template alone does not fix the role when the role is a template parameter
// (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/iam-job-template.html). So every Allow that grants
// StartJobRun (however spelled) must name its virtual clusters and pin the role:
//   - a concrete, scoped ExecutionRoleArn under ArnEquals/ArnLike/StringEquals/StringLike, or
//   - a concrete JobTemplateArn under those operators together with the role under their ...IfExists form (a request
//     from the template that names a role anyway must name that one).
// iam:PassRole on `*` is iam-pass-role-scoped's.
import { containsAction, expandActions } from "../lib/iam-action-catalog";
import { isUnscopedResource, restrictingValues } from "../lib/iam-conditions";
import { allowedIdentityStatementsOf } from "../lib/iam-document-sources";
import { describeStatement, type PolicyStatement } from "../lib/iam-policy-document";
import type { ResourceRule } from "../lib/types";
import { stringsOf } from "../lib/values";

const START_JOB_RUN = "emr-containers:StartJobRun";
const ROLE_KEY = "emr-containers:executionrolearn";
const TEMPLATE_KEY = "emr-containers:jobtemplatearn";

/**
 * Every resource of its type: `*`, `role/*`, and the EMR on EKS forms whose resource part starts with a slash
 * (`arn:aws:emr-containers:*:*:/virtualclusters/*`, `.../jobtemplates/*`).
 */
function isEveryResource(value: string): boolean {
    return isUnscopedResource(value) || isUnscopedResource(value.trim().replace(/^(arn:[^:]*:[^:]*:[^:]*:[^:]*:)\/+/, "$1"));
}

/** Values that pin something: not empty, not only wildcards, and not every resource of the type. */
function scopedValues(values: readonly string[]): boolean {
    return values.length > 0 && values.every((value) => value.trim() !== "" && !isEveryResource(value));
}

function pins(statement: PolicyStatement, key: string): boolean {
    return restrictingValues(statement, (candidate) => candidate === key).some((restriction) => scopedValues(restriction.values));
}

/** The role under an ...IfExists form of a restricting operator (true when the key is absent from the request). */
function pinsWhenPresent(statement: PolicyStatement, key: string): boolean {
    return Object.entries(statement.condition).some(([operator, keys]) =>
        /^(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)IfExists$/i.test(operator)
        && Object.entries(keys).some(([candidate, value]) => candidate.toLowerCase() === key && scopedValues(stringsOf(value))));
}

async function grantsStartJobRun(statement: PolicyStatement): Promise<boolean> {
    if (statement.notActions.length > 0) {
        // Allow + NotAction grants everything not listed: StartJobRun unless the list names it.
        return !containsAction(await expandActions(statement.notActions), START_JOB_RUN);
    }
    return containsAction(await expandActions(statement.actions), START_JOB_RUN);
}

export const emrStartJobRunRoleScoped: ResourceRule = {
    kind: "resource",
    name: "emr-start-job-run-role-scoped",
    description: "emr-containers:StartJobRun (however spelled) names its virtual clusters and pins the execution role with emr-containers:ExecutionRoleArn (or a job template plus the role under ...IfExists).",
    enforcementLevel: "mandatory",
    async validateResource(resource, report) {
        for (const { located, statement } of allowedIdentityStatementsOf(resource)) {
            if (!(await grantsStartJobRun(statement))) {
                continue;
            }
            const where = `${describeStatement(statement)} of \`${located.where}\``;
            if (statement.notResources.length > 0 || statement.resources.some(isEveryResource)) {
                report(`${where} allows emr-containers:StartJobRun on every virtual cluster: name the team's virtual cluster ARN.`);
            }
            const roleFixed = pins(statement, ROLE_KEY) || (pins(statement, TEMPLATE_KEY) && pinsWhenPresent(statement, ROLE_KEY));
            if (!roleFixed) {
                report(`${where} allows emr-containers:StartJobRun with any execution role: add an ArnEquals "emr-containers:ExecutionRoleArn" condition naming the team's job role (a JobTemplateArn condition alone does not fix the role).`);
            }
        }
    },
};
