package dev.relaygate.relay.admin;

import dev.relaygate.relay.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /admin/traffic-shift}: {@code {"blue": 90, "green": 10}} (either may be left out). */
public record WeightsRequest(Integer blue, Integer green) {

    /** Problems naming the field, the rule and the bad value; empty when valid. */
    public List<ConfigProblem> problems() {
        List<ConfigProblem> problems = new ArrayList<>();
        if (blue == null && green == null) {
            problems.add(new ConfigProblem(
                    "blue", "blue and green must be given (percent, summing to 100), but both were missing"));
            return problems;
        }
        if (blue != null && (blue < 0 || blue > 100)) {
            problems.add(new ConfigProblem("blue", "blue must be in [0,100], but was " + blue));
        }
        if (green != null && (green < 0 || green > 100)) {
            problems.add(new ConfigProblem("green", "green must be in [0,100], but was " + green));
        }
        if (problems.isEmpty() && blue != null && green != null && blue + green != 100) {
            problems.add(new ConfigProblem(
                    "blue", "blue + green must be 100, but was " + blue + " + " + green + " = " + (blue + green)));
        }
        return problems;
    }

    /** Green's weight; call after {@link #problems()} is empty. */
    public int greenWeight() {
        return green != null ? green : 100 - blue;
    }
}
