package dev.relaygate.relay;

import java.net.BindException;

/** Another process holds {@code server.host}:{@code server.port}; the message is one line for the operator. */
public final class PortInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    PortInUseException(String hostAndPort, Throwable cause) {
        super("server.port: " + hostAndPort + " is already in use (another process listens there)", cause);
    }

    /** The config field the operator changes to fix it. */
    public String field() {
        return "server.port";
    }

    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
