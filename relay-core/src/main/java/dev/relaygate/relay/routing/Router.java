package dev.relaygate.relay.routing;

/**
 * The route decision: pure, Vert.x-free and allocation-free (benchmarked by the jmh module).
 *
 * <p>Weights are mapped onto 10,000 buckets: a request goes to green when its bucket is below
 * {@code greenWeight * 100}. Without affinity the bucket is a uniform random number the caller
 * draws; with affinity it is derived from the hash of the affinity header value. Because the
 * green range only grows from bucket 0 upward, the same value always lands on the same
 * environment for a given weight, and raising green's weight only moves sessions blue to green.
 */
public final class Router {

    /** Pass as {@code affinityHash} when the request carries no affinity value. */
    public static final long NO_AFFINITY = -1L;

    /** Exclusive upper bound of the {@code random0to9999} argument. */
    public static final int BUCKETS = 10_000;

    private static final int BUCKETS_PER_PERCENT = BUCKETS / RoutingPolicy.MAX_WEIGHT;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Router() {
    }

    /**
     * Chooses the environment for one new request.
     *
     * @param policy         the snapshot read once for this request
     * @param override       the parsed {@code X-Route-Policy} header
     * @param affinityHash   {@link #affinityHash(CharSequence)} of the affinity header, or {@link #NO_AFFINITY}
     * @param random0to9999  a uniform draw in [0, {@link #BUCKETS}), used only without affinity
     */
    public static Environment route(RoutingPolicy policy, RouteOverride override, long affinityHash,
                                    int random0to9999) {
        if (override == RouteOverride.BLUE) {
            return Environment.BLUE;
        }
        if (override == RouteOverride.GREEN) {
            return Environment.GREEN;
        }
        if (policy.strategy() == RoutingStrategy.SHADOW) {
            return Environment.BLUE;
        }
        int greenWeight = policy.greenWeight();
        if (greenWeight <= 0) {
            return Environment.BLUE;
        }
        if (greenWeight >= RoutingPolicy.MAX_WEIGHT) {
            return Environment.GREEN;
        }
        int bucket = affinityHash >= 0 ? bucketOf(affinityHash) : random0to9999;
        return bucket < greenWeight * BUCKETS_PER_PERCENT ? Environment.GREEN : Environment.BLUE;
    }

    /**
     * A stable, non-negative 64-bit hash of a header value (FNV-1a over UTF-16 code units, then
     * a MurmurHash3 finalizer so short, similar session ids spread evenly). Allocation-free.
     * Returns {@link #NO_AFFINITY} for {@code null} or empty values.
     */
    public static long affinityHash(CharSequence value) {
        if (value == null || value.length() == 0) {
            return NO_AFFINITY;
        }
        long h = FNV_OFFSET;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            h = (h ^ (c & 0xff)) * FNV_PRIME;
            h = (h ^ (c >>> 8)) * FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h & Long.MAX_VALUE;
    }

    /** The bucket in [0, {@link #BUCKETS}) that an affinity hash maps to. */
    public static int bucketOf(long affinityHash) {
        return (int) ((affinityHash & Long.MAX_VALUE) % BUCKETS);
    }
}
