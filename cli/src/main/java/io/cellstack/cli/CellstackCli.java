package io.cellstack.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cellstack} command: checks and explains Cellstack manifests without a cluster. */
@Command(
    name = "cellstack",
    mixinStandardHelpOptions = true,
    version = "cellstack 0.1.0",
    description =
        "Check Cellstack manifests and see how they route users, without a cluster; look at and"
            + " pay through local mode (make run).",
    subcommands = {
      ValidateCommand.class,
      RouteCommand.class,
      RoutingCommand.class,
      StatusCommand.class,
      PayCommand.class,
      TraceCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the manifests have problems (each printed as file:line kind/name field: message)",
      "2:usage error (unknown option, missing argument)",
      "3:internal error (please report it)"
    })
public final class CellstackCli implements Runnable {

  /** Exit code when the manifests have problems. */
  static final int PROBLEMS = 1;

  /** Exit code of an unexpected failure. */
  static final int INTERNAL = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command: validate, route, routing, status or pay");
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new CellstackCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, ignored) -> {
          CommandLine failed = e.getCommandLine();
          failed.getErr().println("cellstack: " + e.getMessage());
          failed
              .getErr()
              .println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
          return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("cellstack: internal error: " + e + " (please report it)");
          return INTERNAL;
        });
    return cli.execute(args);
  }
}
