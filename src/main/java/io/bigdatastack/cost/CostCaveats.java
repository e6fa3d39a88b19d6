package io.bigdatastack.cost;

import io.bigdatastack.config.StackConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * What the operator must do by hand for cost attribution to show figures, printed by {@code plan} and logged as
 * warnings by {@code pulumi up}: the steps AWS offers no API for, and the waits AWS imposes. Empty when the stack uses
 * none of the cost keys. docs/cost-attribution.md has the same steps in full.
 */
public final class CostCaveats {

    private CostCaveats() {
    }

    public static List<String> of(StackConfig config) {
        var cost = config.cost();
        var caveats = new ArrayList<String>();
        if (cost.reports()) {
            caveats.add("costReports: split cost allocation data has no API. In the payer (management) account open Billing and Cost"
                    + " Management > Cost Management preferences > Split cost allocation data, select Amazon EKS (resource requests),"
                    + " and Save; pod lines reach the export within 24 hours, and the first report arrives up to 24 hours after the export"
                    + " is created (https://docs.aws.amazon.com/cur/latest/userguide/enabling-split-cost-allocation-data.html).");
        }
        if ((cost.reports() || cost.anyBudget(config.teams())) && !cost.allocationTags()) {
            caveats.add("costAllocationTags is false: the report's resource_tags and the budgets' tag filters see only active cost allocation"
                    + " tags. A day after the first pulumi up (and once split cost allocation data is on), set costAllocationTags: true or"
                    + " activate " + String.join(", ", CostAllocationTags.TAG_KEYS) + " in Billing > Cost allocation tags.");
        }
        if (cost.allocationTags()) {
            caveats.add("costAllocationTags: AWS activates a tag key only in the payer account and only after Billing has seen it (up to 24"
                    + " hours after the first tagged resource; the aws:eks:* keys once split cost allocation data produced pod lines):"
                    + " an earlier pulumi up fails for those keys; run it again the next day.");
        }
        return List.copyOf(caveats);
    }
}
