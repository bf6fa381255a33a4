package dev.relaygate.gates.relays;

/** How a relay under test runs. */
public enum RelayKind {
    IN_PROCESS("in-process"),
    CHILD_PROCESS("child process"),
    EXTERNAL("external");

    private final String label;

    RelayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
