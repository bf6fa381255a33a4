package dev.relaygate.gates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether one SSE stream arrived whole: every JSON event's {@code relaygate_seq} exactly 1..T in order
 * (T from {@code relaygate_total}), then {@code [DONE]}, and every event from one environment (the mock
 * names itself in the chunk id, {@code chatcmpl-green-42}), which proves the stream stayed pinned.
 *
 * @param events       JSON events seen
 * @param total        T as the stream announced it (0 when no event carried it)
 * @param environment  the single environment that served it, or null when none or several
 * @param intact       sequence complete and in order, [DONE] received, one environment
 * @param problem      why it is broken (null when intact)
 */
public record StreamVerdict(int events, int total, String environment, boolean intact, String problem) {

    private static final Pattern SEQ = Pattern.compile("\"relaygate_seq\"\\s*:\\s*(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"relaygate_total\"\\s*:\\s*(\\d+)");
    private static final Pattern ENV = Pattern.compile("chatcmpl-([a-z]+)-\\d+");

    /** {@code messages} in arrival order, without the {@code [DONE]} event; {@code done} whether it arrived. */
    public static StreamVerdict of(List<String> messages, boolean done) {
        List<Integer> seqs = new ArrayList<>();
        Set<String> envs = new LinkedHashSet<>();
        int total = 0;
        for (String m : messages) {
            Matcher seq = SEQ.matcher(m);
            if (!seq.find()) {
                continue;
            }
            seqs.add(Integer.parseInt(seq.group(1)));
            Matcher t = TOTAL.matcher(m);
            if (t.find()) {
                total = Math.max(total, Integer.parseInt(t.group(1)));
            }
            Matcher env = ENV.matcher(m);
            if (env.find()) {
                envs.add(env.group(1));
            }
        }
        String environment = envs.size() == 1 ? envs.iterator().next() : null;
        String problem = null;
        if (seqs.isEmpty()) {
            problem = "no event arrived";
        } else if (!inOrder(seqs, total)) {
            problem = "sequence " + abbreviate(seqs) + " is not 1.." + total;
        } else if (!done) {
            problem = "no [DONE] after event " + total;
        } else if (envs.size() != 1) {
            problem = "events came from " + (envs.isEmpty() ? "no named environment" : String.join(" and ", envs));
        }
        return new StreamVerdict(seqs.size(), total, environment, problem == null, problem);
    }

    private static boolean inOrder(List<Integer> seqs, int total) {
        if (total == 0 || seqs.size() != total) {
            return false;
        }
        for (int i = 0; i < seqs.size(); i++) {
            if (seqs.get(i) != i + 1) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(List<Integer> seqs) {
        String s = seqs.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
