package io.shardgate.router.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * DOUBLE and FLOAT values as MariaDB 10.11 prints them (checked against the server): the shortest
 * digits that read back as the same value (FLOAT: rounded to 6 significant digits first), in
 * plain notation when the decimal exponent is between -15 and 14, otherwise as {@code 1.5e-16},
 * {@code 1e20} (no plus sign, no exponent padding).
 */
public final class DoubleText {

    private DoubleText() {
    }

    public static String ofDouble(double d) {
        if (d == 0) {
            return "0";
        }
        return format(new BigDecimal(Double.toString(d)).stripTrailingZeros());
    }

    public static String ofFloat(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal six = new BigDecimal(Float.toString((float) d)).round(new MathContext(6, RoundingMode.HALF_EVEN));
        return format(six.stripTrailingZeros());
    }

    private static String format(BigDecimal v) {
        int exponent = v.precision() - v.scale() - 1;
        if (exponent >= -15 && exponent <= 14) {
            return v.toPlainString();
        }
        String digits = v.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder();
        if (v.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('e').append(exponent).toString();
    }
}
