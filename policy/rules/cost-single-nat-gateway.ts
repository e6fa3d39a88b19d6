// Advisory: a NAT gateway per availability zone buys resilience to an AZ outage at $0.045/h each plus data
// processing (about $33/month per gateway before traffic, us-east-1). Only prod needs that; other stacks share one
// (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html).
import type { StackRule } from "../lib/types";

export const NAT_GATEWAY_TYPE = "aws:ec2/natGateway:NatGateway";
export const STACK_ALLOWED_MULTIPLE_NAT_GATEWAYS = "prod";

export const costSingleNatGateway: StackRule = {
    kind: "stack",
    name: "cost-single-nat-gateway",
    description: `Stacks other than ${STACK_ALLOWED_MULTIPLE_NAT_GATEWAYS} use at most one NAT gateway.`,
    enforcementLevel: "advisory",
    appliesToStack: (stack) => stack !== STACK_ALLOWED_MULTIPLE_NAT_GATEWAYS,
    validateStack(stack, report) {
        const natGateways = stack.resources.filter((resource) => resource.type === NAT_GATEWAY_TYPE);
        if (natGateways.length > 1) {
            report(
                `Stack ${stack.stack} has ${natGateways.length} NAT gateways (${natGateways.map((nat) => nat.name).join(", ")}); ` +
                    `outside ${STACK_ALLOWED_MULTIPLE_NAT_GATEWAYS} one shared gateway saves ~$33/month each.`,
            );
        }
    },
};
