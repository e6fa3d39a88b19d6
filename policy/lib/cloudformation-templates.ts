// IAM documents declared inside CloudFormation templates (a `aws:cloudformation/stack:Stack`'s `templateBody`, JSON
// or YAML with the short-form intrinsics `!Ref`, `!Sub`, ...): CloudFormation creates those roles and policies with
// the stack's permissions, so they are judged like the provider's own
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-role.html).
import type * as JsYaml from "js-yaml";
import { isObject, listOf } from "./values";

export const CLOUDFORMATION_STACK_TYPE = "aws:cloudformation/stack:Stack";

/** The intrinsic functions' short forms (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html). */
const INTRINSICS = ["Ref", "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or", "FindInMap", "GetAZs",
    "ImportValue", "Base64", "Cidr", "Condition", "Transform", "ToJsonString", "Length"];

let schema: JsYaml.Schema | undefined;
function yaml(): typeof JsYaml {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("js-yaml") as typeof JsYaml;
}

function templateSchema(): JsYaml.Schema {
    if (!schema) {
        const jsYaml = yaml();
        const types = INTRINSICS.flatMap((name) => (["scalar", "sequence", "mapping"] as const).map((kind) =>
            new jsYaml.Type(`!${name}`, { kind, construct: (data: unknown) => ({ [name === "Ref" || name === "Condition" ? name : `Fn::${name}`]: data }) })));
        schema = jsYaml.DEFAULT_SCHEMA.extend(types);
    }
    return schema;
}

/** A template body as an object: JSON, or YAML with CloudFormation's tags; undefined when it is neither. */
export function parseTemplate(body: unknown): Record<string, unknown> | undefined {
    if (isObject(body)) {
        return body;
    }
    if (typeof body !== "string" || body.trim() === "") {
        return undefined;
    }
    try {
        const parsed: unknown = JSON.parse(body);
        return isObject(parsed) ? parsed : undefined;
    } catch {
        try {
            const parsed: unknown = yaml().load(body, { schema: templateSchema() });
            return isObject(parsed) ? parsed : undefined;
        } catch {
            return undefined;
        }
    }
}

export interface TemplateDocument {
    readonly kind: "identity" | "trust" | "resource";
    readonly where: string;
    readonly document: unknown;
}

const IDENTITY_POLICY_TYPES = new Set(["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy"]);
const WITH_INLINE_POLICIES = new Set(["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]);
const RESOURCE_POLICY_TYPES = new Set(["AWS::S3::BucketPolicy"]);

/** Every policy document a template declares, with where it sits (`templateBody.Resources.<id>...`). */
export function templateDocuments(template: Record<string, unknown>): TemplateDocument[] {
    const documents: TemplateDocument[] = [];
    const resources = isObject(template["Resources"]) ? template["Resources"] : {};
    for (const [id, declared] of Object.entries(resources)) {
        if (!isObject(declared) || typeof declared["Type"] !== "string") {
            continue;
        }
        const type = declared["Type"];
        const properties = isObject(declared["Properties"]) ? declared["Properties"] : {};
        const at = `templateBody.Resources.${id} (${type})`;
        if (type === "AWS::IAM::Role" && properties["AssumeRolePolicyDocument"] !== undefined) {
            documents.push({ kind: "trust", where: `${at}.AssumeRolePolicyDocument`, document: properties["AssumeRolePolicyDocument"] });
        }
        if (WITH_INLINE_POLICIES.has(type)) {
            listOf(properties["Policies"]).forEach((policy, index) => {
                if (isObject(policy) && policy["PolicyDocument"] !== undefined) {
                    documents.push({ kind: "identity", where: `${at}.Policies[${index}]`, document: policy["PolicyDocument"] });
                }
            });
        }
        if (IDENTITY_POLICY_TYPES.has(type) && properties["PolicyDocument"] !== undefined) {
            documents.push({ kind: "identity", where: `${at}.PolicyDocument`, document: properties["PolicyDocument"] });
        }
        if (RESOURCE_POLICY_TYPES.has(type) && properties["PolicyDocument"] !== undefined) {
            documents.push({ kind: "resource", where: `${at}.PolicyDocument`, document: properties["PolicyDocument"] });
        }
    }
    return documents;
}

/** The managed policy ARNs a template attaches (Role/User/Group ManagedPolicyArns), as plain strings. */
export function templateManagedPolicyArns(template: Record<string, unknown>): string[] {
    const resources = isObject(template["Resources"]) ? template["Resources"] : {};
    return Object.values(resources).flatMap((declared) => {
        if (!isObject(declared) || !WITH_INLINE_POLICIES.has(String(declared["Type"]))) {
            return [];
        }
        const properties = isObject(declared["Properties"]) ? declared["Properties"] : {};
        return listOf(properties["ManagedPolicyArns"]).filter((arn): arn is string => typeof arn === "string");
    });
}

/** S3 objects that may carry a template (a Service Catalog product's, uploaded as an object): content or asset text. */
const OBJECT_TYPES = new Set(["aws:s3/bucketObjectv2:BucketObjectv2", "aws:s3/bucketObject:BucketObject"]);

/**
 * The template a resource carries: a CloudFormation stack's `templateBody`, or an S3 object whose text (`content`,
 * or a text asset's `source.text`) is a template with `Resources` of AWS types; undefined otherwise.
 */
export function templateOf(type: string, props: Record<string, unknown>): Record<string, unknown> | undefined {
    if (type === CLOUDFORMATION_STACK_TYPE) {
        return parseTemplate(props["templateBody"]);
    }
    if (!OBJECT_TYPES.has(type)) {
        return undefined;
    }
    const source = isObject(props["source"]) ? props["source"]["text"] : undefined;
    const text = typeof props["content"] === "string" ? props["content"] : source;
    if (typeof text !== "string" || !/"?Resources"?\s*:/.test(text)) {
        return undefined;
    }
    const template = parseTemplate(text);
    const resources = template !== undefined && isObject(template["Resources"]) ? Object.values(template["Resources"]) : [];
    return resources.some((declared) => isObject(declared) && typeof declared["Type"] === "string" && declared["Type"].startsWith("AWS::")) ? template : undefined;
}
