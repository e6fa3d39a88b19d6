// Nothing in this platform serves the internet: the EKS API has its own endpoint controls and users reach Studio
// through the AWS console. Inbound rules from 0.0.0.0/0 or ::/0 are therefore always a mistake
// (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html).
import { ingressSourceCidrs, isWorldCidr } from "../lib/security-groups";
import type { ResourceRule } from "../lib/types";

export const ec2NoPublicIngress: ResourceRule = {
    kind: "resource",
    name: "ec2-no-public-ingress",
    description: "No security group accepts inbound traffic from 0.0.0.0/0 or ::/0.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        const open = ingressSourceCidrs(resource).filter(isWorldCidr);
        if (open.length > 0) {
            report(`Inbound traffic is allowed from ${[...new Set(open)].join(", ")}: restrict the source to the VPC or a security group.`);
        }
    },
};
