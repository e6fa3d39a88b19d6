package io.bigdatastack.cost;

import com.pulumi.aws.costexplorer.CostAllocationTag;
import com.pulumi.aws.costexplorer.CostAllocationTagArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.bigdatastack.naming.StackNaming;

import java.util.List;
import java.util.Map;

/**
 * The tag keys billing data carries once activated as cost allocation tags: {@code team}, {@code stack} and
 * {@code project} (set by this program) and {@code aws:eks:cluster-name}, {@code aws:eks:namespace} (added by split cost
 * allocation data to each pod's lines). Budgets filter on them and the CUR's {@code resource_tags} holds only active
 * keys (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/activating-tags.html).
 *
 * <p>Activation is an account-wide switch of the payer (management) account, shared by every stack that uses the same
 * keys: a stack never switches it off (each tag is retained on delete), and two stacks activating one key agree. AWS
 * accepts a key only once Billing has seen it on a resource (up to 24 hours after it was first applied), and the
 * {@code aws:eks:*} keys only once split cost allocation data is on and has produced pod lines: before that the update
 * fails for that key, and a later {@code pulumi up} finishes the job. https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_UpdateCostAllocationTagsStatus.html
 */
public final class CostAllocationTags extends ComponentResource {

    public static final String TYPE = "bigdata:cost:CostAllocationTags";

    /** Ours, then split cost allocation data's. */
    public static final List<String> TAG_KEYS = List.of(StackNaming.TAG_TEAM, StackNaming.TAG_STACK, StackNaming.TAG_PROJECT,
            "aws:eks:cluster-name", "aws:eks:namespace");

    public CostAllocationTags(String name, CostAllocationTagsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        for (var key : args.tagKeys) {
            new CostAllocationTag(name + "-" + key.replaceAll("[^A-Za-z0-9]+", "-"), CostAllocationTagArgs.builder()
                    .tagKey(key)
                    .status("Active")
                    .build(), CustomResourceOptions.builder().parent(this)
                    // Deleting would deactivate the key for every stack and report of the account.
                    .retainOnDelete(true)
                    .build());
        }
        registerOutputs(Map.of());
    }
}
