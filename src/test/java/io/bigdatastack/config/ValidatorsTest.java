package io.bigdatastack.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Admin", "platform-admin", "a", "role+=,.@_-x", "a234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsIamRoleNames(String name) {
        assertTrue(Validators.iamRoleName(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "arn:aws:iam::123456789012:role/Admin", "role/Admin", "a2345678901234567890123456789012345678901234567890123456789012345"})
    void rejectsIamRoleNames(String name) {
        assertTrue(Validators.iamRoleName(name).isPresent(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"m5.xlarge", "c6i.2xlarge", "m7g.large", "r6id.32xlarge", "m7i-flex.large", "t3.micro", "c5.metal", "m7i.metal-24xl", "c6gn.16xlarge"})
    void acceptsInstanceTypes(String type) {
        assertTrue(Validators.instanceType(type).isEmpty(), type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"m5", "xlarge", "m5.XLARGE", "m5.huge", ".large", "m5..large", "m5.xlarge ", "5m.large"})
    void rejectsInstanceTypes(String type) {
        assertTrue(Validators.instanceType(type).isPresent(), type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"emr-jobs", "a", "team1", "x23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsNamespaces(String name) {
        assertTrue(Validators.dns1123Label(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EMR", "-jobs", "jobs-", "emr_jobs", "emr.jobs", "x234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsNamespaces(String name) {
        assertTrue(Validators.dns1123Label(name).isPresent(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"big-data-stack-dev", "a", "Cluster_1", "1cluster"})
    void acceptsClusterNames(String name) {
        assertTrue(Validators.eksClusterName(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-cluster", "_cluster", "my.cluster", "my cluster"})
    void rejectsClusterNames(String name) {
        assertTrue(Validators.eksClusterName(name).isPresent(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.33", "1.34", "1.35", "1.36"})
    void acceptsStandardSupportVersions(String version) {
        assertTrue(Validators.kubernetesVersion(version).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.19", "1.32", "1.37", "1.35.1", "v1.35", ""})
    void rejectsOtherVersions(String version) {
        assertTrue(Validators.kubernetesVersion(version).isPresent(), version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/16", "0.0.0.0/0", "192.168.1.7/32"})
    void acceptsCidrs(String cidr) {
        assertTrue(Validators.cidr(cidr).isEmpty(), cidr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.1/16", "256.0.0.0/8", "10.0.0.0/33", "fd00::/8", "ten/8"})
    void rejectsCidrs(String cidr) {
        assertTrue(Validators.cidr(cidr).isPresent(), cidr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane.doe@example.com", "data_admin"})
    void acceptsIdentityCenterUsers(String user) {
        assertTrue(Validators.identityCenterUserName(user).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane doe", "jane/doe", ""})
    void rejectsIdentityCenterUsers(String user) {
        assertFalse(Validators.identityCenterUserName(user).isEmpty(), user);
    }
}
