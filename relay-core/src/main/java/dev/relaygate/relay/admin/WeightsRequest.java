package dev.relaygate.relay.admin;

import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /admin/traffic-shift}: {@code {"blue": 90, "green": 10}} (either may be left out). */
public record WeightsRequest(Integer blue, Integer green) {

    /** Problems naming the field, the rule and the bad value; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blue == null && green == null) {
            problems.add("blue and green must be given (percent, summing to 100), but both were missing");
            return problems;
        }
        if (blue != null && (blue < 0 || blue > 100)) {
            problems.add("blue must be in [0,100], but was " + blue);
        }
        if (green != null && (green < 0 || green > 100)) {
            problems.add("green must be in [0,100], but was " + green);
        }
        if (problems.isEmpty() && blue != null && green != null && blue + green != 100) {
            problems.add("blue + green must be 100, but was " + blue + " + " + green + " = " + (blue + green));
        }
        return problems;
    }

    /** Green's weight; call after {@link #problems()} is empty. */
    public int greenWeight() {
        return green != null ? green : 100 - blue;
    }
}
