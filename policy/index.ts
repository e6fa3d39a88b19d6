// The CrossGuard pack: `pulumi preview|up --policy-pack policy`. It only assembles the rules; each rule lives in
// rules/<name>.ts and is shared with the offline checker (check.ts).
import { PolicyPack } from "@pulumi/policy";
import { toCrossGuardPolicy } from "./lib/crossguard";
import { ALL_RULES } from "./rules";

new PolicyPack("big-data-stack", {
    description: "Guard rails for the big-data-stack Spark platform (IAM, S3, EKS, network, Kubernetes, tags, cost).",
    policies: ALL_RULES.map(toCrossGuardPolicy),
});
