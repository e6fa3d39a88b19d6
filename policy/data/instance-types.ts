// Instance types a Spark node group may use without a second look.
//
// Why these: Spark executors want a steady CPU-to-memory ratio, so burstable types (t3/t4g) - whose CPU credits run
// out under sustained load - are out, and so are GPU, storage-optimised and metal types, which need a deliberate
// decision. General purpose (m: 4 GiB per vCPU), compute optimised (c: 2 GiB) and memory optimised (r: 8 GiB)
// families of the current and previous generation (Intel, AMD "a", Graviton "g") cover driver, executor and shuffle-heavy jobs; Graviton (m7g, c7g)
// is ~15% cheaper for the same work (m7g.xlarge $0.1632/h vs m6i.xlarge $0.192/h, us-east-1). Sizes stop at 4xlarge
// (16 vCPU): larger nodes make the cluster autoscaler's steps, and a spot interruption's blast radius, expensive.
// https://aws.amazon.com/ec2/instance-types/
export const ALLOWED_INSTANCE_FAMILIES: readonly string[] = [
    "m5", "m5a", "m6i", "m6a", "m7i", "m7g",
    "c5", "c5a", "c6i", "c6a", "c7i", "c7g",
    "r5", "r6i",
];

export const ALLOWED_INSTANCE_SIZES: readonly string[] = ["large", "xlarge", "2xlarge", "4xlarge"];

export const ALLOWED_INSTANCE_TYPES: ReadonlySet<string> = new Set(
    ALLOWED_INSTANCE_FAMILIES.flatMap((family) => ALLOWED_INSTANCE_SIZES.map((size) => `${family}.${size}`)),
);

/** What EKS launches when a managed node group names no instance type. */
export const EKS_DEFAULT_INSTANCE_TYPE = "t3.medium";
