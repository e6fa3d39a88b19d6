import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { iamNoFullAccessManagedPolicies } from "../rules/iam-no-full-access-managed-policies";
import { iamNoWildcardActions } from "../rules/iam-no-wildcard-actions";
import { iamPassRoleScoped } from "../rules/iam-pass-role-scoped";
import { iamTrustPrincipalsScoped } from "../rules/iam-trust-principals-scoped";
import { parseTemplate, templateDocuments } from "./cloudformation-templates";
import { resource, resourceViolations, stackOf, stackViolations } from "./testing";

const stack = (templateBody: string) => resource("aws:cloudformation/stack:Stack", { name: "job-template", templateBody });

const JSON_TEMPLATE = JSON.stringify({
    Resources: {
        JobRole: {
            Type: "AWS::IAM::Role",
            Properties: {
                AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] },
                Policies: [{ PolicyName: "all", PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } }],
                ManagedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
            },
        },
    },
});

const YAML_TEMPLATE = `
Resources:
  Passer:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: iam:PassRole
            Resource: "*"
  Open:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub "\${AWS::StackName}-open"
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: "*" }
            Action: sts:AssumeRole
Outputs:
  Arn: !GetAtt Open.Arn
`;

describe("IAM inside CloudFormation templates", () => {
    it("reads JSON and YAML templates with short-form intrinsics, and finds every document", () => {
        assert.equal(templateDocuments(parseTemplate(JSON_TEMPLATE) ?? {}).length, 2);
        const yamlDocuments = templateDocuments(parseTemplate(YAML_TEMPLATE) ?? {});
        assert.deepEqual(yamlDocuments.map((document) => document.kind).sort(), ["identity", "trust"]);
        assert.equal(parseTemplate("not: [valid"), undefined);
    });

    it("judges a template's roles and policies with the same rules as the provider's", async () => {
        const json = stack(JSON_TEMPLATE);
        assert.equal((await resourceViolations(iamNoWildcardActions, json)).length, 1);
        assert.match((await resourceViolations(iamNoFullAccessManagedPolicies, json))[0], /AdministratorAccess/);
        const yaml = stack(YAML_TEMPLATE);
        assert.match((await resourceViolations(iamPassRoleScoped, yaml))[0], /every role/);
        assert.equal((await stackViolations(iamTrustPrincipalsScoped, stackOf([yaml]))).length, 1);
    });

    it("leaves templates without IAM alone (the program's job template)", async () => {
        const jobTemplate = stack(JSON.stringify({ Resources: { Template: { Type: "AWS::EMRContainers::JobTemplate", Properties: { Name: "x" } } } }));
        assert.deepEqual(await resourceViolations(iamNoWildcardActions, jobTemplate), []);
        assert.deepEqual(await stackViolations(iamTrustPrincipalsScoped, stackOf([jobTemplate])), []);
    });

    it("reads a template uploaded as an S3 object (a Service Catalog product) from its content or text asset", async () => {
        const asAsset = resource("aws:s3/bucketObjectv2:BucketObjectv2", { bucket: "b", key: "product.yaml", source: { text: YAML_TEMPLATE } });
        const asContent = resource("aws:s3/bucketObjectv2:BucketObjectv2", { bucket: "b", key: "product.json", content: JSON_TEMPLATE });
        assert.match((await resourceViolations(iamPassRoleScoped, asAsset))[0], /every role/);
        assert.equal((await resourceViolations(iamNoWildcardActions, asContent)).length, 1);
        const podTemplate = resource("aws:s3/bucketObjectv2:BucketObjectv2", { bucket: "b", key: "pod.yaml", content: "apiVersion: v1\nkind: Pod\nspec: {}\n" });
        assert.deepEqual(await resourceViolations(iamNoWildcardActions, podTemplate), []);
    });
});

