import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { base36OfRoleName } from "./base36";

describe("base36OfRoleName", () => {
    it("matches the AWS CLI's BigInteger(1, bytes).toString(36)", () => {
        assert.equal(base36OfRoleName("abc"), "3ssir");
        assert.equal(base36OfRoleName("dev-emr-job-role"), "5xz1jo3n0aicv14puektvzyhx");
    });
});
