package dev.cairn.cli;

import dev.cairn.daemon.DaemonClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"List this user's warm engines (the daemons that run generate); --stop stops them.",
                "One project's alone: generate --daemon stop."})
final class DaemonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--stop", description = "Stop every warm engine of this user (each stops its PostgreSQL server).")
    boolean stop;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DaemonClient.everyDaemon(stop, out::println);
        return Cairn.OK;
    }
}
