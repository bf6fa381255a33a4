package dev.relaygate.gates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.mock.MockSettings;
import dev.relaygate.mock.MockUpstream;
import dev.relaygate.mock.ProfileSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a fleet gate drives: two mock providers (blue, green) in-process, as {@link GateRig} starts them, and
 * three relays as separate JVMs ({@code java -Xms256m -Xmx256m -jar relaygate.jar serve --config member-N.yaml})
 * that form one cluster over TCP-IP join, everything on 127.0.0.1 with free ports. Members can be killed
 * or stopped with real signals ({@code kill -KILL/-STOP/-CONT <pid>}); {@link #close} resumes and ends
 * every child and stops the mocks, whatever happened before.
 *
 * <p>The relay jar is {@code -Dfleet.relay_jar}, else {@code <gates.repo>/relay-core/target/relaygate.jar}.
 * Each member's output goes to {@code target/gates-fleet/<gate>/member-N.log}.
 */
public final class FleetRig implements AutoCloseable {

    public static final int MEMBERS = 3;
    /** The cluster's {@code failure_detection_seconds}: a silent member is declared gone after this. */
    public static final long FAILURE_DETECTION_SECONDS = 5;

    public enum State {
        RUNNING,
        STOPPED,
        KILLED
    }

    /**
     * How the relay JVMs compile. C1 only for the gates that judge the fleet's timing: four JVMs' C2 compilations
     * (three members and this one) were the largest use of the two cores while a fleet gate measured, and starved
     * the threads whose timing the gate checks. Tiered (C2, as in production) where a gate measures what a
     * request costs, after a warm-up.
     */
    public enum Jit {
        C1_ONLY,
        TIERED
    }

    /** One relay process of the fleet. */
    public static final class Member {
        private final int index;
        private final String name;
        private final int httpPort;
        private final int clusterPort;
        private final Path log;
        private final AdminClient admin;
        private final AdminClient probe;
        private volatile Process process;
        private volatile String id;
        private volatile State state = State.RUNNING;

        Member(int index, int httpPort, int clusterPort, Path log) {
            this(index, "member-" + (index + 1), httpPort, clusterPort, log);
        }

        Member(int index, String name, int httpPort, int clusterPort, Path log) {
            this.index = index;
            this.name = name;
            this.httpPort = httpPort;
            this.clusterPort = clusterPort;
            this.log = log;
            this.admin = new AdminClient(url(), GateRig.ADMIN_TOKEN);
            this.probe = new AdminClient(url(), GateRig.ADMIN_TOKEN, Duration.ofSeconds(2));
        }

        /** 0-based position in the fleet (and in the load's rotation). */
        public int index() {
            return index;
        }

        /** {@code member-N}, 1-based as in the log file names ({@code solo} for the relay outside the fleet). */
        public String name() {
            return name;
        }

        /** {@code http://127.0.0.1:PORT}, without {@code /v1}. */
        public String url() {
            return "http://127.0.0.1:" + httpPort;
        }

        public int clusterPort() {
            return clusterPort;
        }

        /** The member's cluster id as its own status reports it ({@code cluster.member_id}), once joined. */
        public String id() {
            return id;
        }

        public long pid() {
            return process.pid();
        }

        public State state() {
            return state;
        }

        public boolean running() {
            return state == State.RUNNING && process.isAlive();
        }

        /** Admin calls with the generous 30 s timeout of every gate's control steps. */
        public AdminClient admin() {
            return admin;
        }

        /** Admin calls with a 2 s timeout, for polling. */
        public AdminClient probe() {
            return probe;
        }

        public Path log() {
            return log;
        }

        @Override
        public String toString() {
            return name() + " (pid " + (process == null ? "-" : process.pid()) + ", " + url() + ", cluster port "
                    + clusterPort + (id == null ? "" : ", id " + id) + ")";
        }
    }

    private final MockUpstream blue;
    private final MockUpstream green;
    private final List<Member> members;
    private final Path workDir;
    private final Path logDir;
    private final Jit jit;
    /** Relays started beside the three: a relay outside the fleet, a member that joined later. */
    private final List<Member> extras = new CopyOnWriteArrayList<>();

    private final Thread reaper = new Thread(this::destroyChildren, "fleet-rig-reaper");
    private volatile boolean closed;
    private volatile String source = "";
    private volatile Path jarCopy;
    private volatile String clusterName;

    private FleetRig(MockUpstream blue, MockUpstream green, List<Member> members, Path workDir, Path logDir, Jit jit) {
        this.blue = blue;
        this.green = green;
        this.members = members;
        this.workDir = workDir;
        this.logDir = logDir;
        this.jit = jit;
    }

    /**
     * Starts the mocks, then the three members at once, and waits (at most {@code join_timeout_seconds}, 60 by
     * default) until each answers {@code /healthz} and every member's status lists all three members and a
     * leader. Whatever fails on the way up, everything started so far is ended.
     */
    public static FleetRig start(GateProperties props, ProfileSettings blueProfile, ProfileSettings greenProfile) {
        return start(props, blueProfile, greenProfile, Jit.C1_ONLY);
    }

    /** As {@link #start(GateProperties, ProfileSettings, ProfileSettings)}, with the relay JVMs compiling as {@code jit}. */
    public static FleetRig start(
            GateProperties props, ProfileSettings blueProfile, ProfileSettings greenProfile, Jit jit) {
        Path jar = relayJar(props);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the relay jar " + jar + " does not exist: build relay-core (mvn package)"
                    + " or name one with -Dfleet.relay_jar=PATH");
        }
        Duration joinTimeout = Duration.ofSeconds(props.integer("join_timeout_seconds", 60));
        Path logDir = props.gatesDir()
                .toAbsolutePath()
                .getParent()
                .resolve("gates-fleet")
                .resolve(props.gate());
        MockUpstream blue =
                MockUpstream.start(MockSettings.of("blue", GateRig.BLUE_KEY).withProfile(blueProfile));
        FleetRig rig = null;
        try {
            MockUpstream green = MockUpstream.start(
                    MockSettings.of("green", GateRig.GREEN_KEY).withProfile(greenProfile));
            Path work = Files.createTempDirectory("relaygate-fleet-");
            Files.createDirectories(logDir);
            List<Integer> ports = freePorts(2 * MEMBERS);
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                members.add(new Member(
                        i, ports.get(i), ports.get(MEMBERS + i), logDir.resolve("member-" + (i + 1) + ".log")));
            }
            rig = new FleetRig(blue, green, List.copyOf(members), work, logDir, jit);
            Runtime.getRuntime().addShutdownHook(rig.reaper);
            rig.clusterName = "relaygate-gates-" + UUID.randomUUID().toString().substring(0, 8);
            // the members run a private copy: a rebuild of the jar while they run (its classes load lazily)
            // would otherwise break them mid-gate with NoClassDefFoundError
            rig.jarCopy = Files.copy(jar, work.resolve("relaygate.jar"));
            rig.source = jar + " (" + Files.size(jar) + " bytes, modified " + Files.getLastModifiedTime(jar) + ")";
            List<Integer> clusterPorts =
                    members.stream().map(Member::clusterPort).toList();
            for (Member m : members) {
                rig.launch(m, rig.clusterName, clusterPorts);
            }
            rig.awaitJoined(joinTimeout);
            return rig;
        } catch (IOException e) {
            closeQuietly(rig, blue);
            throw new UncheckedIOException("fleet rig could not start: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeQuietly(rig, blue);
            throw e;
        }
    }

    private static void closeQuietly(FleetRig rig, MockUpstream blue) {
        if (rig != null) {
            rig.close();
        } else {
            blue.close();
        }
    }

    static Path relayJar(GateProperties props) {
        return props.shared("fleet.relay_jar")
                .map(Path::of)
                .orElseGet(() -> props.repoDir().resolve("relay-core/target/relaygate.jar"))
                .toAbsolutePath();
    }

    /** Starts {@code m}; {@code clusterName} null starts a relay outside any fleet. */
    private void launch(Member m, String clusterName, List<Integer> clusterPorts) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve(m.name()));
        Path config = dir.resolve("relaygate.yaml");
        Files.writeString(
                config,
                new FleetMemberConfig(
                                m.httpPort,
                                blue.baseUrl(),
                                green.baseUrl(),
                                dir.resolve("state.json"),
                                dir.resolve("logs"),
                                clusterName,
                                m.clusterPort,
                                clusterPorts)
                        .yaml(),
                StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A fixed, pre-touched heap, as for the Gatling JVM: a member starting at a few tens of MB grows its heap
        // through extra collections and page faults while the gate runs, and a pause on the member that owns the
        // cluster record's partition delays every member's apply of a decision. A 20 ms pause goal, as for any
        // latency-sensitive service (the README recommends it for members): with G1's default 200 ms goal the
        // young generation grew until collections paused a member for 115-145 ms on this shared machine. The
        // collections go to the member's log, as evidence beside a lag. The compilers as {@link Jit} says.
        List<String> command = new ArrayList<>(
                List.of(java, "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:MaxGCPauseMillis=20"));
        if (jit == Jit.C1_ONLY) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(
                List.of("-Xlog:gc:stdout:utctime", "-jar", jarCopy.toString(), "serve", "--config", config.toString()));
        m.process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(m.log.toFile())
                .start();
    }

    /**
     * Starts one more relay beside the fleet, from the same jar, flags and mocks but without a {@code cluster:}
     * section, and waits until it answers {@code /healthz}: the single-node side of a comparison.
     */
    public Member startSolo(Duration timeout) {
        String name = extras.isEmpty() ? "solo" : "solo-" + (extras.size() + 1);
        Member solo = new Member(-1, name, GateRig.freePort(), 0, logDir.resolve(name + ".log"));
        return startExtra(solo, null, List.of(), timeout, 0);
    }

    /**
     * Starts a new member on fresh ports that joins the running fleet (its member list names the running members
     * and itself) and waits until it answers, sees {@code expectedMembers} members and a leader, and has applied the
     * fleet's record.
     */
    public Member join(int expectedMembers, Duration timeout) {
        List<Integer> ports = freePorts(2);
        Member newcomer =
                new Member(MEMBERS + extras.size(), ports.get(0), ports.get(1), logDir.resolve("member-joined.log"));
        List<Integer> clusterPorts = new ArrayList<>();
        members.stream().filter(Member::running).forEach(m -> clusterPorts.add(m.clusterPort));
        clusterPorts.add(newcomer.clusterPort);
        return startExtra(newcomer, clusterName, clusterPorts, timeout, expectedMembers);
    }

    private Member startExtra(
            Member m, String cluster, List<Integer> clusterPorts, Duration timeout, int expectedMembers) {
        extras.add(m);
        try {
            launch(m, cluster, clusterPorts);
        } catch (IOException e) {
            throw new UncheckedIOException(m.name() + " could not start: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitMember(m, deadline, "answer GET /healthz within " + timeout.toSeconds() + " s", FleetRig::healthy);
        if (expectedMembers > 0) {
            awaitMember(
                    m,
                    deadline,
                    "join the fleet and apply its record within " + timeout.toSeconds() + " s",
                    x -> joinedWithRecord(x, expectedMembers));
        }
        return m;
    }

    /** Healthz on every member, then every member's status listing all members and a leader. */
    private void awaitJoined(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Member m : members) {
            awaitMember(m, deadline, "answer GET /healthz within " + timeout.toSeconds() + " s", FleetRig::healthy);
        }
        for (Member m : members) {
            awaitMember(
                    m,
                    deadline,
                    "see all " + MEMBERS + " members and a leader within " + timeout.toSeconds() + " s",
                    FleetRig::joined);
        }
        Set<String> ids = new LinkedHashSet<>();
        members.forEach(m -> ids.add(m.id));
        if (ids.size() != MEMBERS) {
            throw new IllegalStateException("the fleet's members must have distinct ids, but reported " + ids);
        }
    }

    /** Polls {@code probe} (null = ready, else what it saw) every 200 ms until ready, death or deadline. */
    private void awaitMember(Member m, long deadline, String goal, java.util.function.Function<Member, String> probe) {
        String last = "no answer yet";
        while (true) {
            if (!m.process.isAlive()) {
                throw notReady(m, "exited with status " + m.process.exitValue() + " before the fleet was up");
            }
            try {
                last = probe.apply(m);
                if (last == null) {
                    return;
                }
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            if (System.nanoTime() - deadline > 0) {
                throw notReady(m, "did not " + goal + " (last: " + last + ")");
            }
            pause(200);
        }
    }

    private static String healthy(Member m) {
        AdminClient.Reply r = m.probe.call("GET", "/healthz", null);
        return r.ok() ? null : "GET /healthz answered " + r.status();
    }

    private static String joined(Member m) {
        return joined(m, MEMBERS);
    }

    /** {@link #joined} with {@code expectedMembers}, and the fleet's record read and applied. */
    private static String joinedWithRecord(Member m, int expectedMembers) {
        String notYet = joined(m, expectedMembers);
        if (notYet != null) {
            return notYet;
        }
        JsonNode cluster = m.probe.status().body().path("cluster");
        long applied = cluster.path("applied_version").asLong(-1);
        long record = cluster.path("record_version").asLong(-1);
        return applied >= 1 && applied == record
                ? null
                : "it applied record v" + applied + " of the fleet's v" + record;
    }

    private static String joined(Member m, int expectedMembers) {
        AdminClient.Reply r = m.probe.status();
        if (!r.ok()) {
            return "GET /admin/status answered " + r.status();
        }
        JsonNode cluster = r.body().path("cluster");
        if (cluster.isMissingNode()) {
            return "its status has no cluster section (a relay jar without fleet support?)";
        }
        int seen = cluster.path("members").size();
        String leader = cluster.path("leader").asText("");
        String id = cluster.path("member_id").asText("");
        if (seen != expectedMembers || leader.isBlank() || id.isBlank()) {
            return "its status lists " + seen + " members, leader '" + leader + "', member_id '" + id + "'";
        }
        m.id = id;
        return null;
    }

    private IllegalStateException notReady(Member m, String what) {
        return new IllegalStateException(m.name() + " " + what + "; " + m + ", last log lines:\n" + tail(m, 15));
    }

    /**
     * Whether a member's thread (by its name as the kernel keeps it: the first 15 characters) works for the fleet
     * rather than for requests: Hazelcast's own ({@code hz.<instance>.*}, and its instance's close-listener
     * executor named {@code relaygate-<member id>-...}), the relay's fleet timer, stall watch and peer reads,
     * and Vert.x's worker pool, which only the Hazelcast cluster manager uses (the relay runs nothing blocking on
     * it; a relay without {@code cluster:} has no worker thread).
     */
    public static boolean isClusteringThread(String name) {
        return name.startsWith("hz.")
                || name.startsWith("relaygate-fleet")
                || name.startsWith("relaygate-stall")
                || name.startsWith("relaygate-peer")
                || name.startsWith("vert.x-worker")
                || name.matches("relaygate-[0-9].*");
    }

    /** The last {@code lines} lines of a member's output. */
    public static String tail(Member m, int lines) {
        try {
            List<String> all = Files.readAllLines(m.log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + m.log + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static List<Integer> freePorts(int n) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < n) {
            ports.add(GateRig.freePort());
        }
        return List.copyOf(ports);
    }

    /**
     * The CPU time (ns) the running members have used so far, as the OS reports it; a member it does not report
     * counts 0.
     */
    public long membersCpuNanos() {
        long total = 0;
        for (Member m : members) {
            if (m.running()) {
                total += m.process
                        .toHandle()
                        .info()
                        .totalCpuDuration()
                        .map(Duration::toNanos)
                        .orElse(0L);
            }
        }
        return total;
    }

    /** The relay jar the members were started from: path, size and modification time. */
    public String relayJarSource() {
        return source;
    }

    public List<Member> members() {
        return members;
    }

    public Member member(int index) {
        return members.get(index);
    }

    /** The member whose cluster id is {@code id}, if any. */
    public Optional<Member> byId(String id) {
        return members.stream().filter(m -> m.id != null && m.id.equals(id)).findFirst();
    }

    /**
     * The current leader as the first running member's status names it ({@code cluster.leader}).
     *
     * @throws IllegalStateException when no running member names a known member as leader
     */
    public Member leader() {
        for (Member m : members) {
            if (!m.running()) {
                continue;
            }
            AdminClient.Reply r = m.probe.status();
            String leader = r.body().path("cluster").path("leader").asText("");
            Optional<Member> found = byId(leader);
            if (r.ok() && found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException("no running member names a fleet member as its leader");
    }

    public MockUpstream blue() {
        return blue;
    }

    public MockUpstream green() {
        return green;
    }

    /**
     * Sends {@code signal} (KILL, STOP or CONT) to a member and returns the wall-clock epoch ms at which it
     * had been sent: KILL as SIGKILL through {@link ProcessHandle#destroyForcibly()}, then it waits (at most
     * 5 s) for the process to be gone; STOP and CONT with {@code kill -STOP/-CONT <pid>} (the instant the
     * command returned).
     */
    public long signal(Member m, String signal) {
        State next = switch (signal) {
            case "KILL" -> State.KILLED;
            case "STOP" -> State.STOPPED;
            case "CONT" -> State.RUNNING;
            default ->
                throw new IllegalArgumentException("signal must be KILL, STOP or CONT, but was '" + signal + "'");
        };
        if (m.state == State.KILLED) {
            throw new IllegalStateException(m.name() + " was killed; it cannot take " + signal);
        }
        long at;
        if (next == State.KILLED) {
            // SIGKILL straight from this JVM (what kill -KILL does): no fork between the decision and the
            // signal, so requests in flight at that instant really are cut
            m.process.toHandle().destroyForcibly();
            at = System.currentTimeMillis();
        } else {
            at = sendSignal(signal, m.pid());
        }
        m.state = next;
        if (next == State.KILLED) {
            try {
                if (!m.process.waitFor(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(m + " was still alive 5 s after kill -KILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + m.name() + " to die", e);
            }
        }
        return at;
    }

    private static long sendSignal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int rc = kill.waitFor();
            long at = System.currentTimeMillis();
            if (rc != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " exited " + rc + ": " + out);
            }
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException("kill -" + signal + " " + pid + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + signal + " to " + pid, e);
        }
    }

    /** Resumes stopped members, ends every member (SIGTERM, then SIGKILL after 5 s), stops the mocks. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            destroyChildren();
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway
            }
        } finally {
            try {
                green.close();
            } finally {
                blue.close();
                deleteQuietly(workDir);
            }
        }
    }

    private void destroyChildren() {
        List<Member> all = new ArrayList<>(members);
        all.addAll(extras);
        for (Member m : all) {
            Process p = m.process;
            if (p != null && p.isAlive()) {
                if (m.state == State.STOPPED) {
                    try {
                        sendSignal("CONT", p.pid());
                        m.state = State.RUNNING;
                    } catch (RuntimeException e) {
                        // destroyForcibly below still ends it
                    }
                }
                p.destroy();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Member m : all) {
            Process p = m.process;
            if (p == null) {
                continue;
            }
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover temp file is harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the fleet was starting", e);
        }
    }
}
