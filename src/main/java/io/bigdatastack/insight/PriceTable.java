package io.bigdatastack.insight;

import io.bigdatastack.support.ClasspathResources;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The price table of one Region, read from {@code src/main/resources/prices/<region>.json}: every figure the
 * estimate uses lives in that file with its source, so a price change is a data change. Amounts are kept as
 * {@link BigDecimal} read straight from the JSON text, so the estimate is exact to the cent.
 */
public final class PriceTable {

    /** The Region whose table is used when a stack's Region has none. */
    public static final String FALLBACK_REGION = "us-east-1";

    /** One priced item: {@code usd} per {@code per} (hour, month, GB). */
    public record Price(String id, BigDecimal usd, String per, String label, String source) {
    }

    private final String region;
    private final String currency;
    private final String date;
    private final int hoursPerMonth;
    private final Map<String, Price> prices;
    private final Map<String, BigDecimal> ec2OnDemand;
    private final String ec2Source;
    private final BigDecimal spotDiscount;
    private final String spotBasis;
    private final Map<String, String> usageBased;
    private final List<String> noIdleCharge;
    private final List<String> alwaysNotEstimated;

    private PriceTable(JsonObject root) {
        region = root.get("region").getAsString();
        currency = root.get("currency").getAsString();
        date = root.get("date").getAsString();
        hoursPerMonth = root.get("hoursPerMonth").getAsInt();
        prices = new LinkedHashMap<>();
        for (var e : root.getAsJsonObject("prices").entrySet()) {
            var p = e.getValue().getAsJsonObject();
            prices.put(e.getKey(), new Price(e.getKey(), p.get("usd").getAsBigDecimal(), p.get("per").getAsString(),
                    p.get("label").getAsString(), p.get("source").getAsString()));
        }
        var ec2 = root.getAsJsonObject("ec2OnDemand");
        ec2Source = ec2.get("source").getAsString();
        ec2OnDemand = new LinkedHashMap<>();
        for (var e : ec2.getAsJsonObject("instances").entrySet()) {
            ec2OnDemand.put(e.getKey(), e.getValue().getAsBigDecimal());
        }
        var spot = root.getAsJsonObject("spot");
        spotDiscount = spot.get("discountFromOnDemand").getAsBigDecimal();
        spotBasis = spot.get("basis").getAsString();
        usageBased = new LinkedHashMap<>();
        for (var e : root.getAsJsonObject("usageBased").entrySet()) {
            usageBased.put(e.getKey(), e.getValue().getAsString());
        }
        noIdleCharge = strings(root.get("noIdleCharge"));
        alwaysNotEstimated = strings(root.get("alwaysNotEstimated"));
    }

    private static List<String> strings(JsonElement array) {
        var result = new ArrayList<String>();
        for (var e : array.getAsJsonArray()) {
            result.add(e.getAsString());
        }
        return List.copyOf(result);
    }

    /** The table for {@code region}, or the {@value #FALLBACK_REGION} table when the project ships none for it. */
    public static PriceTable forRegion(String region) {
        var table = load(region);
        if (table.isEmpty()) {
            table = load(FALLBACK_REGION);
        }
        if (table.isEmpty()) {
            throw new IllegalStateException("prices/" + FALLBACK_REGION + ".json is missing from the classpath");
        }
        return table.get();
    }

    static Optional<PriceTable> load(String region) {
        // Region names are validated by StackConfig; the check keeps a stray value from escaping the prices/ folder.
        for (int i = 0; i < region.length(); i++) {
            char c = region.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return Optional.empty();
            }
        }
        return ClasspathResources.find("/prices/" + region + ".json")
                .map(text -> new PriceTable(JsonParser.parseString(text).getAsJsonObject()));
    }

    public String region() { return region; }

    public String currency() { return currency; }

    /** When the figures were recorded. */
    public String date() { return date; }

    /** Hours in the month the estimate is for (AWS's own calculator uses 730). */
    public int hoursPerMonth() { return hoursPerMonth; }

    public Price price(String id) {
        var p = prices.get(id);
        if (p == null) {
            throw new IllegalStateException("prices/" + region + ".json has no price '" + id + "'");
        }
        return p;
    }

    /** On-demand hourly price of an EC2 instance type (Linux), if the table has it. */
    public Optional<BigDecimal> ec2OnDemand(String instanceType) {
        return Optional.ofNullable(ec2OnDemand.get(instanceType));
    }

    public String ec2Source() { return ec2Source; }

    /** Fraction taken off the on-demand price to estimate spot, e.g. 0.70. */
    public BigDecimal spotDiscount() { return spotDiscount; }

    public String spotBasis() { return spotBasis; }

    /** Why a resource type costs only with use, or empty when it is not a usage-based type. */
    public Optional<String> usageBased(String type) {
        return Optional.ofNullable(usageBased.get(type));
    }

    /** Types with no charge of their own: exact tokens, or {@code prefix*} patterns. */
    public boolean noIdleCharge(String type) {
        for (var pattern : noIdleCharge) {
            if (pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : type.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /** Costs the estimate never covers, whatever the plan holds. */
    public List<String> alwaysNotEstimated() { return alwaysNotEstimated; }
}
