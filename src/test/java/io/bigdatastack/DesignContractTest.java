package io.bigdatastack;

import io.bigdatastack.config.ConfigKeys;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contracts other tools rely on (docs/plan-file.md, docs/configuration.md): stack outputs by name, the two named config keys. */
class DesignContractTest {

    /** Output names as the reference app printed them. */
    static final List<String> CONTRACT_OUTPUTS = List.of("EMRVirtualClusterID", "JobRoleArn", "EMRStudioURL", "ClusterName",
            "EksConfigCommand", "Kubeconfig", "DashboardCommand", "SampleJobCommand", "VpcId");

    @Test
    void everyStackFileExportsTheContractOutputsWithTheKubeconfigSecret() {
        for (var stack : List.of("dev", "prod")) {
            var plan = TestStacks.planStackFile(stack);
            assertTrue(plan.outputs().keySet().containsAll(CONTRACT_OUTPUTS), stack + " exports " + plan.outputs().keySet());
            assertEquals(Plan.SECRET, plan.outputs().get("Kubeconfig").getAsString(), "Kubeconfig must be a secret");
            var leaked = plan.outputs().entrySet().stream()
                    .filter(e -> !e.getKey().equals("Kubeconfig") && e.getValue().toString().contains("certificate-authority-data"))
                    .map(e -> e.getKey()).collect(Collectors.toList());
            assertEquals(List.of(), leaked, "no other output carries the kubeconfig");
            assertTrue(plan.outputs().get("EMRStudioURL").getAsString().matches("https://es-[0-9A-Z]+\\.emrstudio-prod\\.[a-z0-9-]+\\.amazonaws\\.com"),
                    plan.outputs().get("EMRStudioURL").getAsString());
        }
    }

    @Test
    void theNamedConfigKeysExist() {
        var names = ConfigKeys.ALL.stream().map(k -> k.name()).toList();
        assertTrue(names.containsAll(List.of("eksAdminRoleName", "studioAdminUser")), names.toString());
    }

    @Test
    void everyResourceBelongsToAComponentNamedBigdataModuleType() {
        var plan = TestStacks.planStackFile("dev");
        var components = plan.resources().stream().filter(r -> !r.custom() && !r.type().equals("pulumi:pulumi:Stack")).toList();
        assertTrue(components.size() >= 7, components.toString());
        for (var component : components) {
            assertTrue(component.type().matches("bigdata:[a-z]+:[A-Z][A-Za-z]+"), component.type());
        }
        var stackUrn = plan.resources().get(0).urn();
        for (var r : plan.resources()) {
            if (r.custom()) {
                // Children are created with parent(this): nothing hangs directly off the stack.
                assertTrue(r.parent() != null && !r.parent().equals(stackUrn), r.urn() + " is not inside a component");
            }
        }
    }
}
