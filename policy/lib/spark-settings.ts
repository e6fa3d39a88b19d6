// What Spark settings an EMR on EKS job template carries, wherever the program can declare one: a CloudFormation
// stack (JSON or YAML template body), the provider's aws:emrcontainers/jobTemplate:JobTemplate, or a Cloud Control
// resource of type AWS::EMRContainers::JobTemplate. Spark reads spark-submit `--conf` flags over spark-defaults
// ("flags passed to spark-submit, then options in the spark-defaults.conf file",
// https://spark.apache.org/docs/latest/configuration.html#dynamically-loading-spark-properties), and EMR on EKS writes
// the `spark-defaults` classification into spark-defaults.conf
// (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/emr-eks-jobs-CLI.html).
import yaml from "js-yaml";
import type { ReviewedResource } from "./types";
import { isObject, listOf, parseJsonDocument, type JsonObject } from "./values";

const JOB_TEMPLATE_TYPE = "AWS::EMRContainers::JobTemplate";

/** One job template found in a resource, with where it sits (for messages). */
export interface FoundJobTemplate {
    readonly where: string;
    /** The JobTemplateData (any key spelling: CloudFormation PascalCase or the provider's camelCase). */
    readonly data: JsonObject;
}

/** A template body the rule could not read although it mentions a job template. */
export interface UnreadableTemplate {
    readonly where: string;
    readonly reason: string;
}

/** Reads `key` of an object case-insensitively (CloudFormation and the provider spell the same keys differently). */
export function field(object: unknown, ...keys: string[]): unknown {
    if (!isObject(object)) {
        return undefined;
    }
    for (const key of keys) {
        const found = Object.keys(object).find((candidate) => candidate.toLowerCase() === key.toLowerCase());
        if (found !== undefined) {
            return object[found];
        }
    }
    return undefined;
}

// CloudFormation's short-form intrinsic functions (!Ref, !GetAtt, !Sub, ...): read as {"Fn::X": value} so a YAML body
// parses whatever functions it uses (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html).
const INTRINSICS = ["Ref", "GetAtt", "Sub", "Join", "Select", "Split", "FindInMap", "GetAZs", "ImportValue", "If", "Equals", "And", "Or",
    "Not", "Base64", "Cidr", "Length", "ToJsonString", "Transform", "Condition"];
const CFN_SCHEMA = yaml.DEFAULT_SCHEMA.extend(INTRINSICS.flatMap((name) => (["scalar", "sequence", "mapping"] as const).map((kind) =>
    new yaml.Type(`!${name}`, { kind, construct: (data: unknown) => ({ [name === "Ref" || name === "Condition" ? name : `Fn::${name}`]: data }) }))));

function parseTemplateBody(body: string): { ok: true; value: unknown } | { ok: false; reason: string } {
    const json = parseJsonDocument(body);
    if (json.ok) {
        return json;
    }
    try {
        return { ok: true, value: yaml.load(body, { schema: CFN_SCHEMA }) };
    } catch (error) {
        return { ok: false, reason: `it is neither JSON nor YAML (${(error as Error).message.split("\n")[0]})` };
    }
}

/** The job templates a resource declares, and the template bodies that mention one but cannot be read. */
export function jobTemplatesOf(resource: ReviewedResource): { templates: FoundJobTemplate[]; unreadable: UnreadableTemplate[] } {
    const templates: FoundJobTemplate[] = [];
    const unreadable: UnreadableTemplate[] = [];
    if (resource.type === "aws:emrcontainers/jobTemplate:JobTemplate") {
        templates.push({ where: "jobTemplateData", data: isObject(resource.props["jobTemplateData"]) ? resource.props["jobTemplateData"] : {} });
    } else if (resource.type === "aws:cloudcontrol/resource:Resource" && String(resource.props["typeName"] ?? "").toLowerCase() === JOB_TEMPLATE_TYPE.toLowerCase()) {
        const state = parseJsonDocument(resource.props["desiredState"]);
        if (state.ok) {
            templates.push({ where: "desiredState.JobTemplateData", data: isObject(field(state.value, "JobTemplateData")) ? field(state.value, "JobTemplateData") as JsonObject : {} });
        } else {
            unreadable.push({ where: "desiredState", reason: state.reason });
        }
    } else if (resource.type === "aws:cloudformation/stack:Stack" && typeof resource.props["templateBody"] === "string") {
        const body = resource.props["templateBody"];
        const parsed = parseTemplateBody(body);
        if (!parsed.ok) {
            if (body.toLowerCase().includes(JOB_TEMPLATE_TYPE.toLowerCase())) {
                unreadable.push({ where: "templateBody", reason: parsed.reason });
            }
        } else {
            const resources = field(parsed.value, "Resources");
            for (const [logicalId, declared] of Object.entries(isObject(resources) ? resources : {})) {
                if (String(field(declared, "Type") ?? "").trim().toLowerCase() === JOB_TEMPLATE_TYPE.toLowerCase()) {
                    const data = field(field(declared, "Properties"), "JobTemplateData");
                    templates.push({ where: `templateBody Resources.${logicalId}`, data: isObject(data) ? data : {} });
                }
            }
        }
    }
    return { templates, unreadable };
}

/** One setting and where it came from, in the order Spark applies them (later wins). */
export interface SparkSetting {
    readonly key: string;
    readonly value: string;
    readonly source: "spark-defaults" | "spark-submit";
}

/**
 * Splits spark-submit parameters into words the way a shell does (quotes group, backslash escapes) and returns the
 * `--conf k=v`, `--conf=k=v` and `-c k=v` settings (spark-submit's own spellings of the flag).
 */
export function confsOfSubmitParameters(parameters: string): SparkSetting[] {
    const words: string[] = [];
    let current = "";
    let inWord = false;
    let quote: string | undefined;
    for (let i = 0; i < parameters.length; i++) {
        const c = parameters[i];
        if (quote) {
            if (c === quote) {
                quote = undefined;
            } else if (c === "\\" && quote === "\"" && i + 1 < parameters.length) {
                current += parameters[++i];
            } else {
                current += c;
            }
        } else if (c === "'" || c === "\"") {
            quote = c;
            inWord = true;
        } else if (c === "\\" && i + 1 < parameters.length) {
            current += parameters[++i];
            inWord = true;
        } else if (/\s/.test(c)) {
            if (inWord) {
                words.push(current);
            }
            current = "";
            inWord = false;
        } else {
            current += c;
            inWord = true;
        }
    }
    if (inWord) {
        words.push(current);
    }
    const settings: SparkSetting[] = [];
    for (let i = 0; i < words.length; i++) {
        let conf: string | undefined;
        if (words[i] === "--conf" || words[i] === "-c") {
            conf = words[++i];
        } else if (words[i].startsWith("--conf=")) {
            conf = words[i].slice("--conf=".length);
        }
        const separator = conf?.indexOf("=") ?? -1;
        if (conf !== undefined && separator > 0) {
            settings.push({ key: conf.slice(0, separator).trim(), value: conf.slice(separator + 1).trim(), source: "spark-submit" });
        }
    }
    return settings;
}

/**
 * The literal text of a value: a string, or the strings a CloudFormation `Fn::Sub` / `Fn::Join` assembles (their
 * `${...}` references stay as placeholders, which the rule treats as "could be anything"); undefined otherwise.
 */
export function textOf(value: unknown): string | undefined {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        return String(value);
    }
    const sub = field(value, "Fn::Sub");
    if (sub !== undefined) {
        return textOf(Array.isArray(sub) ? sub[0] : sub);
    }
    const join = field(value, "Fn::Join");
    if (Array.isArray(join) && join.length === 2 && typeof join[0] === "string" && Array.isArray(join[1])) {
        return join[1].map((part) => textOf(part) ?? "${?}").join(join[0]);
    }
    return undefined;
}

/** The properties of every `spark-defaults` classification, nested ones included, in declaration order. */
function sparkDefaultsOf(configurations: unknown): SparkSetting[] {
    const settings: SparkSetting[] = [];
    for (const configuration of listOf(configurations)) {
        if (String(field(configuration, "Classification") ?? "").trim().toLowerCase() === "spark-defaults") {
            const properties = field(configuration, "Properties");
            for (const [key, value] of Object.entries(isObject(properties) ? properties : {})) {
                // A value the rule cannot read (another intrinsic function) counts as a placeholder: it could be anything.
                settings.push({ key: key.trim(), value: (textOf(value) ?? "${?}").trim(), source: "spark-defaults" });
            }
        }
        settings.push(...sparkDefaultsOf(field(configuration, "Configurations")));
    }
    return settings;
}

/** Every Spark setting of a JobTemplateData, spark-defaults first, then spark-submit flags (Spark's precedence). */
export function sparkSettingsOf(data: JsonObject): SparkSetting[] {
    const overrides = field(data, "ConfigurationOverrides");
    const defaults = sparkDefaultsOf(field(overrides, "ApplicationConfiguration", "ApplicationConfigurations"));
    const driver = field(data, "JobDriver");
    // spark-submit parameters, or a Spark SQL job's parameters (the same --conf flags).
    const submit = textOf(field(field(driver, "SparkSubmitJobDriver"), "SparkSubmitParameters"));
    const sql = textOf(field(field(driver, "SparkSqlJobDriver"), "SparkSqlParameters"));
    return [...defaults, ...[submit, sql].flatMap((parameters) => (parameters === undefined ? [] : confsOfSubmitParameters(parameters)))];
}
