package dev.relaygate.relay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code relaygate}: run the relay and operate a running one. */
@Command(
        name = "relaygate",
        mixinStandardHelpOptions = true,
        version = "relaygate 0.1.0",
        description = "Blue-green relay for OpenAI-compatible LLM APIs.",
        subcommands = {
            ServeCommand.class,
            StatusCommand.class,
            TrafficShiftCommand.class,
            RollbackCommand.class,
            VerifyCommand.class,
            RolloutCommand.class,
            PromoteCommand.class,
            EventsCommand.class,
            ResetCommand.class,
            ValidateKeysCommand.class
        })
public final class RelaygateCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new RelaygateCli()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
