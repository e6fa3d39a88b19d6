// Prints violations the way `pulumi preview` lists them under "Policy Violations:":
//     [mandatory]  <pack> v<version>  <policy> (<resource name>: <type>)
//     <message>
// plus the resource URN, so a violation found offline can be traced to the same resource in a preview.
import type { StackEvaluation, Violation } from "./evaluate";

const INDENT = "    ";

export interface PackIdentity {
    readonly name: string;
    readonly version: string;
}

function formatViolation(violation: Violation, pack: PackIdentity): string {
    const subject = violation.resource ? ` (${violation.resource.name}: ${violation.resource.type || "resource"})` : " (stack)";
    const lines = [`[${violation.enforcementLevel}]  ${pack.name} v${pack.version}  ${violation.policyName}${subject}`];
    if (violation.resource) {
        lines.push(violation.resource.urn);
    }
    lines.push(violation.message);
    return lines.map((line) => INDENT + line).join("\n");
}

export function countByLevel(violations: readonly Violation[]): { mandatory: number; advisory: number } {
    return {
        mandatory: violations.filter((violation) => violation.enforcementLevel === "mandatory").length,
        advisory: violations.filter((violation) => violation.enforcementLevel === "advisory").length,
    };
}

export function formatEvaluation(evaluation: StackEvaluation, source: string, pack: PackIdentity): string {
    const { mandatory, advisory } = countByLevel(evaluation.violations);
    const scope = `${evaluation.resourceCount} resources, ${evaluation.ruleCount} policies`;
    const out: string[] = [];
    if (evaluation.violations.length > 0) {
        // Mandatory first, as the engine does: they are the ones that block.
        const ordered = [...evaluation.violations].sort(
            (a, b) => Number(a.enforcementLevel !== "mandatory") - Number(b.enforcementLevel !== "mandatory"),
        );
        out.push(`Policy Violations (stack ${evaluation.stack}, ${source}):`);
        out.push(ordered.map((violation) => formatViolation(violation, pack)).join("\n\n"));
        out.push("");
    }
    for (const failure of evaluation.failures) {
        out.push(`error: policy ${failure.policyName} failed${failure.urn ? ` on ${failure.urn}` : ""}: ${failure.error}`);
    }
    const verdict = evaluation.failures.length > 0 ? "ERROR" : mandatory > 0 ? "FAILED" : "passed";
    out.push(`${evaluation.stack}: ${mandatory} mandatory, ${advisory} advisory violation(s) in ${source} (${scope}) - ${verdict}`);
    return out.join("\n");
}
