package dev.relaygate.relay;

import java.io.IOException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Loads, once at start, what the accept path needs when it fails. When the process is out of descriptors,
 * Netty logs the failed accept and retries a second later; but loading a class needs a descriptor too
 * (a jar still to open), so a class first needed at that moment fails with {@code NoClassDefFoundError},
 * which kills the acceptor thread for good. This loads, while descriptors are plentiful, the relay's own
 * classes on the accept path (from a directory or a jar not yet opened, each needs one) and the logging and
 * stack-trace classes, by formatting one warning with a stack trace without printing it.
 */
final class AcceptPathPreload {

    private static volatile boolean done;

    private AcceptPathPreload() {}

    static void run() {
        if (done) {
            return;
        }
        load(ConnectionGuard.class, ClientPhaseTimer.class, ClientTimeouts.class, RequestFraming.class);
        load(ParserRejections.class, DescriptorBudget.class, dev.relaygate.relay.http.ErrorResponses.class);
        load(ClientPhaseTimer.class.getDeclaredClasses());
        LogRecord record = new LogRecord(Level.WARNING, "preload: {0}");
        record.setParameters(new Object[] {"accept failed"});
        record.setThrown(new IOException("Too many open files"));
        record.setLoggerName(AcceptPathPreload.class.getName());
        record.getSourceClassName();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler.getFormatter() != null) {
                handler.getFormatter().format(record);
            }
        }
        done = true;
    }

    private static void load(Class<?>... classes) {
        for (Class<?> c : classes) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load " + c.getName() + " at start", e);
            }
        }
    }
}
