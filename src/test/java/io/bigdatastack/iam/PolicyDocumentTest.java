package io.bigdatastack.iam;

import com.google.gson.JsonParser;
import io.bigdatastack.iam.PolicyDocument.Statement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PolicyDocumentTest {

    @Test
    void serializesStatementsAsIamJson() {
        var json = PolicyDocument.of(
                Statement.allow("Read").actions("s3:GetObject").resources("arn:aws:s3:::b/*"),
                Statement.deny("TlsOnly").principal("AWS", "*").actions("s3:*").resources("arn:aws:s3:::b", "arn:aws:s3:::b/*")
                        .condition("Bool", "aws:SecureTransport", "false")).toJson();
        var expected = JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
                  {"Sid":"TlsOnly","Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*",
                   "Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
                """);
        assertEquals(expected, JsonParser.parseString(json));
    }

    @Test
    void webIdentityTrustHasSubAndAud() {
        var json = TrustPolicies.webIdentity("arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC",
                "oidc.eks.us-east-1.amazonaws.com/id/ABC", "system:serviceaccount:kube-system:cluster-autoscaler").toJson();
        var expected = JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                  "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"},
                  "Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringEquals":{
                    "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud":"sts.amazonaws.com",
                    "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub":"system:serviceaccount:kube-system:cluster-autoscaler"}}}]}
                """);
        assertEquals(expected, JsonParser.parseString(json));
    }

    @Test
    void refusesEmptyDocumentsAndStatements() {
        assertThrows(IllegalArgumentException.class, () -> PolicyDocument.of());
        assertThrows(IllegalStateException.class, () -> PolicyDocument.of(Statement.allow("x")).toJson());
    }
}
