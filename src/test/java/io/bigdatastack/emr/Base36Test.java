package io.bigdatastack.emr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Base36Test {

    /**
     * Vectors computed independently of this code, with Python as the AWS CLI does it:
     * {@code int.from_bytes(name.encode('ascii'), 'big')} written in base 36 with digits 0-9a-z.
     */
    @ParameterizedTest
    @CsvSource({
            "a, 2p",
            "A, 1t",
            "emr, 3ygz6",
            "emr_eks_default_role, buiu25c70abxivx44szpskh0bqnvrl1",
            "EMRContainers-JobExecutionRole, 189nnyj7mn9w2lqiewgg1u0l3jhmo0z69yjkj9u6qhosj8l",
            "big-data-stack-dev-emr-job, vuyteigg56xxr18nhyxgigufvcluhjh3875qbuxu",
            "big-data-stack-prod-emr-job, 6ak7l378ysxdc08tj3sdxfbstvjl92fziq6t22ubfm",
            "big-data-stack-test-emr-job, 6ak7l378ysxdc08tj3sdxfbsy54948udc44gdvaov6"})
    void matchesTheAwsCliEncoding(String roleName, String expected) {
        assertEquals(expected, Base36.encode(roleName));
    }

    @Test
    void rejectsWhatIsNoRoleName() {
        assertThrows(IllegalArgumentException.class, () -> Base36.encode(""));
        assertThrows(IllegalArgumentException.class, () -> Base36.encode("rôle"));
    }
}
