package io.bigdatastack.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 32}, {@code 500m}, {@code 128Gi}, {@code 1.5e3}), parsed by the grammar the
 * API server uses (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/):
 *
 * <pre>
 * quantity        ::= signedNumber suffix
 * suffix          ::= binarySI | decimalExponent | decimalSI
 * binarySI        ::= Ki | Mi | Gi | Ti | Pi | Ei
 * decimalSI       ::= n | u | m | "" | k | M | G | T | P | E
 * decimalExponent ::= "e" signedNumber | "E" signedNumber
 * signedNumber    ::= sign number | number
 * number          ::= digits | digits "." digits | digits "." | "." digits
 * sign            ::= "+" | "-"
 * </pre>
 *
 * The exponent is an integer: the API server reads it as one (apimachinery's {@code resource.ParseQuantity} parses it
 * with {@code strconv.ParseInt}), so {@code 1e1.5} is refused there and here. {@code n} and {@code u} are the nano and
 * micro suffixes the API server accepts besides those the page lists. The value is kept exactly ({@link BigDecimal}),
 * never as a double, so {@code 0.1} is one tenth and nothing is "non-finite".
 *
 * <p>The one parser of quantities in the project: configuration keys that take CPU or memory amounts read them here.
 */
public final class KubernetesQuantity implements Comparable<KubernetesQuantity> {

    /** What a quantity looks like, for error messages. */
    public static final String EXPECTED = "a Kubernetes quantity (a number with an optional suffix Ki, Mi, Gi, Ti, Pi, Ei,"
            + " n, u, m, k, M, G, T, P, E or an exponent e3/E-2), e.g. 16, 500m, 64Gi, 1.5e3";

    /**
     * "No quantity may represent a number greater than 2^63-1 in magnitude": the API server caps larger ones, so a
     * value above it would not mean what it says (same page).
     */
    public static final BigDecimal MAX_MAGNITUDE = BigDecimal.valueOf(Long.MAX_VALUE);

    private static final Pattern GRAMMAR = Pattern.compile(
            "(?<number>[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))"
                    + "(?:(?<binary>Ki|Mi|Gi|Ti|Pi|Ei)|(?<exponent>[eE][+-]?[0-9]+)|(?<decimal>[numkMGTPE])?)");

    private static final Map<String, Integer> BINARY_POWERS = Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
    private static final Map<String, Integer> DECIMAL_EXPONENTS = Map.of("n", -9, "u", -6, "m", -3, "k", 3, "M", 6, "G", 9,
            "T", 12, "P", 15, "E", 18);

    private final String text;
    private final BigDecimal value;

    private KubernetesQuantity(String text, BigDecimal value) {
        this.text = text;
        this.value = value;
    }

    /**
     * Parses {@code text} (surrounding whitespace ignored, as YAML leaves none in a scalar anyway).
     *
     * @throws IllegalArgumentException with a message that says what was expected
     */
    public static KubernetesQuantity parse(String text) {
        var trimmed = text == null ? "" : text.trim();
        var matcher = GRAMMAR.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        var number = new BigDecimal(matcher.group("number").startsWith("+") ? matcher.group("number").substring(1)
                : matcher.group("number").endsWith(".") ? matcher.group("number") + "0" : matcher.group("number"));
        BigDecimal value;
        if (matcher.group("binary") != null) {
            value = number.multiply(new BigDecimal(BigInteger.TWO.pow(BINARY_POWERS.get(matcher.group("binary")))));
        } else if (matcher.group("exponent") != null) {
            int exponent;
            try {
                exponent = Integer.parseInt(matcher.group("exponent").substring(1).replace("+", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a quantity of at most 2^63-1 in magnitude (Kubernetes caps larger ones); the exponent "
                        + matcher.group("exponent") + " is out of range");
            }
            if (Math.abs(exponent) > 100) {
                throw new IllegalArgumentException("a quantity of at most 2^63-1 in magnitude (Kubernetes caps larger ones); the exponent "
                        + matcher.group("exponent") + " is out of range");
            }
            value = number.scaleByPowerOfTen(exponent);
        } else {
            var decimal = matcher.group("decimal");
            value = decimal == null ? number : number.scaleByPowerOfTen(DECIMAL_EXPONENTS.get(decimal));
        }
        if (value.abs().compareTo(MAX_MAGNITUDE) > 0) {
            throw new IllegalArgumentException("a quantity of at most 2^63-1 in magnitude (Kubernetes caps larger ones)");
        }
        return new KubernetesQuantity(trimmed, value);
    }

    /** The problem with {@code text} as a quantity, or empty when it is one. */
    public static Optional<String> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A quantity of {@code mebibytes} Mi. */
    public static KubernetesQuantity mebibytes(long mebibytes) {
        return parse(mebibytes + "Mi");
    }

    /** A quantity of {@code millis} thousandths (CPU millicores). */
    public static KubernetesQuantity millis(long millis) {
        return parse(millis + "m");
    }

    /** The text as written (what goes to Kubernetes: the API server canonicalizes it itself). */
    public String text() {
        return text;
    }

    /** The exact value in base units (cores, bytes). */
    public BigDecimal value() {
        return value;
    }

    /**
     * The value in thousandths, rounded up as the API server rounds a quantity with more than three decimal places
     * ("0.1m will be rounded up to 1m", same page).
     */
    public BigInteger milliValueRoundedUp() {
        return value.scaleByPowerOfTen(3).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    }

    /** The value in MiB (2^20 bytes), rounded down: what fits of it in whole mebibytes. */
    public long mebibytesRoundedDown() {
        return value.divide(BigDecimal.valueOf(1L << 20), 0, RoundingMode.FLOOR).longValueExact();
    }

    @Override
    public int compareTo(KubernetesQuantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KubernetesQuantity quantity && value.compareTo(quantity.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
