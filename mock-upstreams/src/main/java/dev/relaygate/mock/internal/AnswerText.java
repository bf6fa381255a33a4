package dev.relaygate.mock.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Deterministic answer words: a pure function of (prompt, divergent flag, word count). */
public final class AnswerText {

    private static final String[] HEALTHY_WORDS = {
        "alpha", "bravo", "cedar", "delta", "ember", "fable", "gamma", "harbor", "island", "jasper",
        "kernel", "lumen", "meadow", "nectar", "orbit", "prism", "quartz", "river", "sierra", "tundra",
        "umber", "vector", "willow", "xenon", "yonder", "zephyr", "amber", "basalt", "cobalt", "dune",
        "echo", "fjord"
    };
    // Disjoint from HEALTHY_WORDS, so a divergent answer never equals a healthy one.
    private static final String[] DIVERGENT_WORDS = {
        "acorn", "bishop", "canyon", "dragon", "eagle", "falcon", "goblet", "hammer", "igloo", "jungle",
        "kettle", "lantern", "marble", "needle", "oyster", "pepper", "quiver", "rocket", "saddle", "turnip",
        "uniform", "violin", "walrus", "yacht", "zipper", "anchor", "barrel", "candle", "dagger", "engine",
        "feather", "garlic"
    };

    private AnswerText() {}

    /** The content chunks of the answer; chunk i is one word, with a leading space after the first. */
    public static List<String> chunks(String prompt, boolean divergent, int words) {
        String[] vocabulary = divergent ? DIVERGENT_WORDS : HEALTHY_WORDS;
        long h = fnv1a(prompt);
        List<String> out = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
            String word = vocabulary[(int) Long.remainderUnsigned(mix(h + i), vocabulary.length)];
            out.add(i == 0 ? word : " " + word);
        }
        return out;
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64 finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
