package io.bigdatastack.insight;

import com.google.gson.JsonObject;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.plan.ResourceType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the planned stack costs per month while idle: no jobs, no traffic, every node group at its minimum size.
 * Worked out from the plan's resource types and inputs alone, so it grows as components land.
 *
 * <p>Every custom resource of the plan is accounted for: in a priced {@link LineItem}, a {@link NotPriced} entry
 * (usage-based, or unknown to the price table), or {@link #noChargeResources()}; a NAT gateway or node group also
 * has its usage-based part (data processed, root volumes) under {@link NotPriced}. Nothing is silently zero.
 * Line totals are rounded to the cent (half up) and the total is the sum of the rounded lines, so a printed table
 * adds up.
 */
public record CostEstimate(
        String stack,
        String stackRegion,
        String priceRegion,
        String priceDate,
        String currency,
        int hoursPerMonth,
        BigDecimal spotDiscount,
        String spotBasis,
        Optional<String> regionNote,
        List<LineItem> lineItems,
        List<NotPriced> notPriced,
        List<String> noChargeResources,
        BigDecimal monthlyTotal,
        List<TeamShare> teamShares,
        List<BudgetLine> budgets) {

    // Categories compare stacks line by line in the README; the order here is the table's row order.
    public static final String CONTROL_PLANE = "EKS control plane";
    public static final String NAT_GATEWAYS = "NAT gateways";
    public static final String PUBLIC_IPV4 = "Public IPv4 addresses";
    public static final String ON_DEMAND_NODES = "On-demand nodes (at min size)";
    public static final String SPOT_NODES = "Spot nodes (at min size)";
    public static final String KMS_KEYS = "KMS keys";
    /** Load balancers made by the AWS Load Balancer Controller (the interactive endpoint's ALB). */
    public static final String LOAD_BALANCERS = "Load balancers";
    static final String INTERACTIVE_ENDPOINT_TYPE = "AWS::EMRContainers::Endpoint";
    /** The components holding a team's namespace: a team of {@code teams}, or the stack's one default team. */
    static final java.util.Set<String> TEAM_COMPONENTS = java.util.Set.of("bigdata:emr:Team", "bigdata:emr:EmrOnEks");
    public static final List<String> CATEGORIES = List.of(CONTROL_PLANE, NAT_GATEWAYS, PUBLIC_IPV4, ON_DEMAND_NODES, SPOT_NODES, KMS_KEYS);

    /**
     * One priced line: {@code quantity × unitPrice × hours} (or {@code quantity × unitPrice} for a monthly price).
     *
     * @param per   the price's unit: {@code hour} or {@code month}
     * @param hours hours billed, null for a monthly price
     */
    public record LineItem(String category, String item, List<String> resources, int quantity, BigDecimal unitPrice,
                           String per, Integer hours, BigDecimal monthly, String source, String note) {
    }

    /**
     * A team's share of the idle platform: what the stack costs before any job runs, split equally among its teams
     * (each namespace can claim the platform alike until it runs something), rounded to the cent. Per-namespace actual
     * spend is the CUR view's business (docs/cost-attribution.md), not this estimate's.
     *
     * @param team      the team (its namespace's name)
     * @param monthly   its share of {@link #monthlyTotal()}
     */
    public record TeamShare(String team, BigDecimal monthly) {
    }

    /**
     * A budget of the plan ({@code aws:budgets/budget:Budget}).
     *
     * @param name         the budget's name
     * @param owner        the team of its {@code team} tag, or {@code platform}
     * @param monthlyLimit its limit in USD per month
     * @param filter       its cost filter values (e.g. {@code user:team$analytics})
     * @param alerts       its notifications, e.g. {@code ACTUAL > 80%}
     * @param note         a warning when the limit sits below what the owner costs idle, else null
     */
    public record BudgetLine(String name, String owner, BigDecimal monthlyLimit, List<String> filter, List<String> alerts, String note) {
    }

    /** A cost the estimate does not put a figure on, and why. */
    public record NotPriced(String item, List<String> resources, String reason) {
    }

    public static CostEstimate of(Plan plan, String stackRegion) {
        return of(plan, stackRegion, PriceTable.forRegion(stackRegion));
    }

    public static CostEstimate of(Plan plan, String stackRegion, PriceTable prices) {
        return new Estimator(plan, prices).estimate(stackRegion);
    }

    /** Sum of the line items of one category (zero when absent). */
    public BigDecimal total(String category) {
        var sum = BigDecimal.ZERO.setScale(2);
        for (var l : lineItems) {
            if (l.category().equals(category)) {
                sum = sum.add(l.monthly());
            }
        }
        return sum;
    }

    /** Units (clusters, gateways, nodes, keys) of one category. */
    public int quantity(String category) {
        int sum = 0;
        for (var l : lineItems) {
            if (l.category().equals(category)) {
                sum += l.quantity();
            }
        }
        return sum;
    }

    /** Categories of this estimate's line items, known ones first in {@link #CATEGORIES} order. */
    public List<String> categories() {
        var result = new ArrayList<String>();
        for (var l : lineItems) { // Line items are already in category order.
            if (!result.contains(l.category())) {
                result.add(l.category());
            }
        }
        return result;
    }

    /** The plan file's {@code "cost"} object ({@link CostWriter#json}). */
    public JsonObject toJson() {
        return CostWriter.json(this);
    }

    /** The table {@code plan} prints ({@link CostWriter#text}). */
    public String toText() {
        return CostWriter.text(this);
    }

    /** The Markdown table of {@code target/plan/<stack>.md} ({@link CostWriter#markdown}). */
    public String toMarkdown() {
        return CostWriter.markdown(this);
    }

    static String usd(BigDecimal amount) {
        return CostWriter.usd(amount);
    }

    // ---------------------------------------------------------------------------------------------------- estimator

    private static final class Estimator {
        private final Plan plan;
        private final PriceTable prices;
        private final BigDecimal hours;
        private final Map<String, LineItem> lines = new LinkedHashMap<>();
        private final Map<String, NotPriced> notPriced = new LinkedHashMap<>();
        private final List<String> noCharge = new ArrayList<>();

        Estimator(Plan plan, PriceTable prices) {
            this.plan = plan;
            this.prices = prices;
            this.hours = BigDecimal.valueOf(prices.hoursPerMonth());
        }

        CostEstimate estimate(String stackRegion) {
            for (var r : plan.resources()) {
                if (!r.custom()) {
                    continue; // The stack and our components are not cloud resources.
                }
                switch (ResourceType.of(r.type())) {
                    case EKS_CLUSTER -> controlPlane(r);
                    case EC2_NAT_GATEWAY -> natGateway(r);
                    case EC2_EIP -> accumulate(PUBLIC_IPV4, prices.price(ResourceType.EC2_EIP.priceKey()), r, null);
                    case EKS_NODE_GROUP -> nodeGroup(r);
                    case KMS_KEY -> accumulate(KMS_KEYS, prices.price(ResourceType.KMS_KEY.priceKey()), r,
                            "plus API requests, usage-based and not estimated");
                    case EC2_VPC_ENDPOINT -> vpcEndpoint(r);
                    case CLOUDCONTROL_RESOURCE -> cloudControlResource(r);
                    case K8S_KARPENTER_NODE_POOL -> karpenterNodePool(r);
                    case K8S_HELM_RELEASE -> {
                        karpenterController(r);
                        byTable(r);
                    }
                    default -> byTable(r);
                }
            }
            for (var text : prices.alwaysNotEstimated()) {
                int colon = text.indexOf(':');
                unpriced(colon < 0 ? text : text.substring(0, colon), null, colon < 0 ? "usage-based" : text.substring(colon + 1).trim());
            }
            // Table order: by category (control plane, NAT, IPv4, nodes, keys, others), plan order within one.
            var items = new ArrayList<LineItem>();
            for (int rank = 0; rank <= CATEGORIES.size(); rank++) {
                for (var line : lines.values()) {
                    int lineRank = CATEGORIES.indexOf(line.category());
                    if ((lineRank < 0 ? CATEGORIES.size() : lineRank) == rank) {
                        items.add(line);
                    }
                }
            }
            var total = BigDecimal.ZERO.setScale(2);
            for (var line : items) {
                total = total.add(line.monthly());
            }
            Optional<String> regionNote = prices.region().equals(stackRegion) ? Optional.empty()
                    : Optional.of("The project has no price table for " + stackRegion + ": " + prices.region()
                    + " prices were used; " + stackRegion + " may differ.");
            var shares = teamShares(total);
            return new CostEstimate(plan.stack(), stackRegion, prices.region(), prices.date(), prices.currency(),
                    prices.hoursPerMonth(), prices.spotDiscount(), prices.spotBasis(), regionNote, List.copyOf(items),
                    List.copyOf(notPriced.values()), List.copyOf(noCharge), total, shares, budgets(total, shares));
        }

        /**
         * The teams are the EMR namespaces of the plan: each team of {@code teams} ({@code bigdata:emr:Team}), or the
         * one default team ({@code bigdata:emr:EmrOnEks}); the idle total is split equally among them.
         */
        private List<TeamShare> teamShares(BigDecimal total) {
            var teams = new ArrayList<String>();
            for (var r : plan.resources()) {
                if (ResourceType.of(r.type()) == ResourceType.K8S_NAMESPACE && r.parent() != null) {
                    var parent = plan.byUrn(r.parent());
                    if (parent.isPresent() && TEAM_COMPONENTS.contains(parent.get().type())) {
                        teams.add(or(text(r, "metadata.name"), r.name()));
                    }
                }
            }
            if (teams.isEmpty()) {
                return List.of();
            }
            var each = total.divide(BigDecimal.valueOf(teams.size()), 2, RoundingMode.HALF_UP);
            return teams.stream().map(team -> new TeamShare(team, each)).toList();
        }

        /** The plan's budgets, each held against the idle cost its owner cannot avoid. */
        private List<BudgetLine> budgets(BigDecimal total, List<TeamShare> shares) {
            var result = new ArrayList<BudgetLine>();
            for (var r : plan.resources()) {
                if (ResourceType.of(r.type()) != ResourceType.BUDGET) {
                    continue;
                }
                var limitText = text(r, "limitAmount");
                var limit = limitText == null ? null : new BigDecimal(limitText).setScale(2, RoundingMode.HALF_UP);
                var owner = or(text(r, "tags.team"), "platform");
                var filter = new ArrayList<String>();
                r.input("costFilters").filter(e -> e.isJsonArray()).ifPresent(filters -> filters.getAsJsonArray().forEach(f -> {
                    var values = f.getAsJsonObject().get("values");
                    if (values != null && values.isJsonArray()) {
                        values.getAsJsonArray().forEach(v -> filter.add(v.getAsString()));
                    }
                }));
                var alerts = new ArrayList<String>();
                r.input("notifications").filter(e -> e.isJsonArray()).ifPresent(list -> list.getAsJsonArray().forEach(n -> {
                    var o = n.getAsJsonObject();
                    alerts.add(o.get("notificationType").getAsString() + " > " + new BigDecimal(o.get("threshold").getAsString())
                            .stripTrailingZeros().toPlainString() + (o.has("thresholdType") && o.get("thresholdType").getAsString().equals("PERCENTAGE") ? "%" : ""));
                }));
                String note = null;
                if (limit != null && owner.equals("platform") && limit.compareTo(total) < 0) {
                    note = "below the stack's idle cost of " + usd(total) + ": it alerts every month before any job runs";
                } else if (limit != null) {
                    var share = shares.stream().filter(s -> s.team().equals(owner)).findFirst();
                    if (share.isPresent() && limit.compareTo(share.get().monthly()) < 0) {
                        note = "less than the team's equal share of the idle platform (" + usd(share.get().monthly()) + "), which this budget's tag filter does not count";
                    }
                }
                result.add(new BudgetLine(or(text(r, "name"), r.name()), owner, limit, List.copyOf(filter), List.copyOf(alerts), note));
            }
            return List.copyOf(result);
        }

        private void controlPlane(Plan.Resource r) {
            var supportType = text(r, "upgradePolicy.supportType");
            if ("STANDARD".equals(supportType)) {
                accumulate(CONTROL_PLANE, prices.price(ResourceType.EKS_CLUSTER.priceKey()), r, null);
                return;
            }
            // EKS bills the extended rate only once the version leaves standard support, but a cluster set (or
            // left by default) to EXTENDED gets there without a change of ours: price the worst case, and say so.
            // https://docs.aws.amazon.com/eks/latest/APIReference/API_UpgradePolicyRequest.html (default EXTENDED)
            var why = supportType != null ? "upgradePolicy.supportType is " + supportType
                    : "upgradePolicy.supportType is not set and EKS defaults to EXTENDED";
            accumulate(CONTROL_PLANE, prices.price("eks.controlPlane.extended"), r, why
                    + ": billed at this rate once the Kubernetes version leaves standard support ("
                    + usd(prices.price(ResourceType.EKS_CLUSTER.priceKey()).usd()) + "/hour until then); set STANDARD to avoid it");
        }

        private void natGateway(Plan.Resource r) {
            var data = prices.price("vpc.natGateway.data");
            accumulate(NAT_GATEWAYS, prices.price(ResourceType.EC2_NAT_GATEWAY.priceKey()), r, null);
            unpriced(data.label(), r, usd(data.usd()) + " per " + data.per() + " processed, depends on traffic");
        }

        private void vpcEndpoint(Plan.Resource r) {
            var kind = text(r, "vpcEndpointType");
            if (kind == null || kind.equals("Gateway")) {
                noCharge.add(r.urn()); // Gateway endpoints (S3, DynamoDB) are free: https://aws.amazon.com/vpc/pricing/
            } else {
                unpriced(kind + " VPC endpoint", r, "hourly per AZ plus per GB (https://aws.amazon.com/privatelink/pricing/), not in the price table");
            }
        }

        private void byTable(Plan.Resource r) {
            var usage = prices.usageBased(r.type());
            if (usage.isPresent()) {
                unpriced(r.type(), r, "usage-based: " + usage.get());
            } else if (prices.noIdleCharge(r.type())) {
                noCharge.add(r.urn());
            } else {
                unpriced(r.type(), r, "not in the price table (prices/" + prices.region() + ".json): classify it there");
            }
        }

        /**
         * A Cloud Control resource is priced by what it declares. The interactive endpoint brings the internal
         * Application Load Balancer the Load Balancer Controller creates for it (billed per hour whether or not a
         * Workspace is attached, plus LCU-hours by use; https://aws.amazon.com/elasticloadbalancing/pricing/) and the
         * gateway pod, which runs on the base nodes already priced here. Any other type is not in the table.
         */
        private void cloudControlResource(Plan.Resource r) {
            if (!INTERACTIVE_ENDPOINT_TYPE.equals(text(r, "typeName"))) {
                unpriced(r.type() + " " + or(text(r, "typeName"), "?"), r, "not in the price table (prices/" + prices.region()
                        + ".json): classify it there");
                return;
            }
            accumulate(LOAD_BALANCERS, prices.price("elb.applicationLoadBalancer"), r, "created by the AWS Load Balancer Controller");
            var lcu = prices.price("elb.applicationLoadBalancer.lcu");
            unpriced(lcu.label(), r, usd(lcu.usd()) + " per LCU-hour consumed (" + lcu.source() + "); ALBs have no minimum LCU charge,"
                    + " and an idle endpoint uses a small fraction of one LCU");
            unpriced("Interactive endpoint gateway pod", r, "runs on the on-demand base nodes, priced above at their minimum size;"
                    + " EMR on EKS adds its per vCPU-hour and GB-hour rate for the pod's requests (https://aws.amazon.com/emr/pricing/),"
                    + " which AWS does not publish for the gateway");
        }

        /**
         * A Karpenter NodePool costs nothing idle: it launches nodes only for pending pods and removes empty ones
         * after its {@code consolidateAfter} (https://karpenter.sh/v1.14/concepts/disruption/#consolidation). Shown
         * as a zero line in the nodes' categories, so the table says where Spark's capacity went: an on-demand pool
         * (no {@code spot} in its capacity-type requirement) under on-demand, a pool that may launch spot under spot.
         */
        private void karpenterNodePool(Plan.Resource r) {
            var name = or(text(r, "metadata.name"), r.name());
            var capacityTypes = new ArrayList<String>();
            var requirements = r.input("spec.template.spec.requirements");
            if (requirements.isPresent() && requirements.get().isJsonArray()) {
                for (var requirement : requirements.get().getAsJsonArray()) {
                    var object = requirement.getAsJsonObject();
                    if (object.has("key") && "karpenter.sh/capacity-type".equals(object.get("key").getAsString()) && object.has("values")) {
                        object.getAsJsonArray("values").forEach(v -> capacityTypes.add(v.getAsString()));
                    }
                }
            }
            boolean spot = capacityTypes.contains("spot");
            var consolidateAfter = or(text(r, "spec.disruption.consolidateAfter"), "its consolidateAfter");
            lines.put("karpenterNodePool|" + r.urn(), new LineItem(spot ? SPOT_NODES : ON_DEMAND_NODES,
                    "Karpenter NodePool " + name + " (" + (capacityTypes.isEmpty() ? "any capacity" : String.join(" then ", capacityTypes)) + ")",
                    List.of(r.urn()), 0, BigDecimal.ZERO, "hour", hours.intValue(), BigDecimal.ZERO.setScale(2),
                    "https://karpenter.sh/v1.14/concepts/disruption/#consolidation",
                    "scales to zero: no node while no Spark pod is pending; an empty node goes after " + consolidateAfter));
        }

        /** The Karpenter controller runs on the base nodes, priced above; say so beside its release. */
        private void karpenterController(Plan.Resource r) {
            var chart = text(r, "chart");
            if (chart != null && chart.startsWith("oci://") && chart.endsWith("/karpenter")) {
                unpriced("Karpenter controller", r, "runs on the on-demand base nodes, priced above at their minimum size"
                        + " (per replica 0.5 vCPU and 1 GiB requested); its interruption queue and rules have no idle charge");
            }
        }

        /**
         * A managed node group's idle cost: {@code scalingConfig.minSize} instances. On-demand groups launch the
         * first listed type (EKS's "prioritized" allocation); spot groups may land on any listed type, so they are
         * priced at the dearest one less the table's spot discount.
         * https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html#managed-node-group-capacity-types
         */
        private void nodeGroup(Plan.Resource r) {
            var name = or(text(r, "nodeGroupName"), r.name());
            var capacity = or(text(r, "capacityType"), "ON_DEMAND");
            var minInput = r.input("scalingConfig.minSize");
            Integer minSize = minInput.isPresent() && minInput.get().isJsonPrimitive() && minInput.get().getAsJsonPrimitive().isNumber()
                    ? minInput.get().getAsInt() : null;
            var types = new ArrayList<String>();
            var typesInput = r.input("instanceTypes");
            if (typesInput.isPresent() && typesInput.get().isJsonArray()) {
                for (var t : typesInput.get().getAsJsonArray()) {
                    types.add(t.getAsString());
                }
            }
            var label = "Node group " + name + " (" + capacity + (types.isEmpty() ? "" : " " + String.join("/", types)) + ")";
            if (minSize == null) {
                unpriced(label, r, "scalingConfig.minSize is not known at plan time");
                return;
            }
            if (types.isEmpty()) {
                unpriced(label, r, minSize + " node(s) of the launch template's instance type, not priced");
                return;
            }
            boolean spot = capacity.equals("SPOT");
            var missing = new ArrayList<String>();
            String dearest = null;
            for (var t : spot ? types : types.subList(0, 1)) {
                var price = prices.ec2OnDemand(t);
                if (price.isEmpty()) {
                    missing.add(t);
                } else if (dearest == null || price.get().compareTo(prices.ec2OnDemand(dearest).get()) > 0) {
                    dearest = t;
                }
            }
            if (!missing.isEmpty()) {
                unpriced(label, r, minSize + " node(s); instance type " + String.join(", ", missing)
                        + " not in the price table (prices/" + prices.region() + ".json)");
                return;
            }
            var onDemand = prices.ec2OnDemand(dearest).get();
            BigDecimal unit;
            String note;
            if (spot) {
                unit = onDemand.multiply(BigDecimal.ONE.subtract(prices.spotDiscount()));
                note = "spot estimate: " + dearest + " on-demand " + usd(onDemand) + "/hour less " + CostWriter.percent(prices.spotDiscount());
            } else {
                unit = onDemand;
                note = types.size() > 1 ? "on-demand launches the first listed type" : null;
            }
            if (minSize == 0) {
                note = (note == null ? "" : note + "; ") + "minimum 0: no idle cost, scales up with jobs";
            }
            lines.put("nodeGroup|" + r.urn(), new LineItem(spot ? SPOT_NODES : ON_DEMAND_NODES, label, List.of(r.urn()), minSize,
                    unit, "hour", hours.intValue(), round(unit.multiply(hours).multiply(BigDecimal.valueOf(minSize))),
                    prices.ec2Source(), note));
            if (minSize > 0) {
                var disk = text(r, "diskSize");
                unpriced("EBS root volumes", r, name + ": " + minSize + " × " + (disk == null ? "launch-template size" : disk + " GiB")
                        + ", not in the price table");
            }
        }

        /**
         * Resources at the same price share one line, with a quantity ("NAT gateway × 3"): billed per hour over the
         * month, or per month.
         */
        private void accumulate(String category, PriceTable.Price price, Plan.Resource r, String note) {
            var key = price.id() + "|" + (note == null ? "" : note);
            var existing = lines.get(key);
            var urns = new ArrayList<String>();
            if (existing != null) {
                urns.addAll(existing.resources());
            }
            urns.add(r.urn());
            int quantity = urns.size();
            boolean hourly = price.per().equals("hour");
            var amount = price.usd().multiply(BigDecimal.valueOf(quantity));
            if (hourly) {
                amount = amount.multiply(hours);
            }
            lines.put(key, new LineItem(category, price.label(), List.copyOf(urns), quantity, price.usd(), price.per(),
                    hourly ? hours.intValue() : null, round(amount), price.source(), note));
        }

        private void unpriced(String item, Plan.Resource r, String reason) {
            var key = item + "|" + reason;
            var existing = notPriced.get(key);
            var urns = new ArrayList<String>();
            if (existing != null) {
                urns.addAll(existing.resources());
            }
            if (r != null) {
                urns.add(r.urn());
            }
            notPriced.put(key, new NotPriced(item, List.copyOf(urns), reason));
        }

        private static String text(Plan.Resource r, String path) {
            var value = r.input(path);
            return value.isPresent() && value.get().isJsonPrimitive() ? value.get().getAsString() : null;
        }

        private static String or(String value, String fallback) {
            return value == null ? fallback : value;
        }

        private static BigDecimal round(BigDecimal amount) {
            return amount.setScale(2, RoundingMode.HALF_UP);
        }
    }
}
