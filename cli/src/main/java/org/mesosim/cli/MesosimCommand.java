package org.mesosim.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.mesosim.cli.commands.BenchCommand;
import org.mesosim.cli.commands.CompareCommand;
import org.mesosim.cli.commands.ListCommand;
import org.mesosim.cli.commands.ReproduceCommand;
import org.mesosim.cli.commands.RunCommand;
import org.mesosim.cli.commands.SweepCommand;
import org.mesosim.cli.commands.TraceCommand;
import org.mesosim.cli.commands.ValidateCommand;
import org.mesosim.engine.BadInputException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code mesosim} command: subcommands only. {@link #commandLine} is the one factory, used by
 * {@link Main} and by tests (in-process, with their own writers).
 */
@Command(name = "mesosim", mixinStandardHelpOptions = true, versionProvider = VersionInfo.Provider.class,
    description = "A deterministic discrete-event simulator of Apache Mesos.",
    subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, CompareCommand.class,
        SweepCommand.class, BenchCommand.class, TraceCommand.class, ReproduceCommand.class,
        CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:anything else went wrong", "2:bad input (usage, scenario, trace)",
        "3:an invariant was violated (--check-invariants)"})
public final class MesosimCommand implements Runnable {
  @Spec CommandSpec spec;

  private final Services services;

  public MesosimCommand(Services services) {
    this.services = services;
  }

  public Services services() {
    return services;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The command line with the given services, writing to {@code out} and {@code err}. */
  public static CommandLine commandLine(Services services, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new MesosimCommand(services));
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
    cl.getCommandSpec().exitCodeOnExecutionException(ExitCodes.ERROR);
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
      sub.getCommandSpec().exitCodeOnExecutionException(ExitCodes.ERROR);
      for (CommandLine subsub : sub.getSubcommands().values()) {
        subsub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
      }
    }
    cl.setExecutionExceptionHandler(MesosimCommand::handle);
    return cl;
  }

  /**
   * Runs the command line and returns the exit code. Unlike picocli's own handling, a JVM error (out
   * of memory, stack overflow) also ends in one line on stderr and exit code 1, its stack trace only
   * with {@code --debug}.
   */
  public static int execute(Services services, PrintWriter out, PrintWriter err, String... args) {
    try {
      return commandLine(services, out, err).execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      boolean debug = java.util.Arrays.asList(args).contains("--debug");
      String what = e instanceof OutOfMemoryError
          ? "out of memory (" + e.getMessage() + "); give the JVM more, e.g. MESOSIM_JAVA_OPTS=-Xmx8g ./mesosim …"
              + " or java -Xmx8g -jar cli/target/mesosim.jar …"
          : "stack overflow";
      err.println("error: " + what + (debug ? "" : " (--debug shows the stack trace)"));
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return ExitCodes.ERROR;
    }
  }

  /**
   * An error's message for users. A file-system error's own message is only the file's name
   * ({@code error: out}), so the reason is added: {@code out: already exists}.
   */
  public static String describe(Throwable ex) {
    String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    Throwable c = ex instanceof FileSystemException ? ex : ex.getCause();
    if (c instanceof FileSystemException f && f.getReason() == null && f.getMessage() != null) {
      String reason = f instanceof FileAlreadyExistsException && f.getFile() != null
          && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(f.getFile()))
          ? "is a file, where a folder is needed" // creating an output folder at a file's path
          : f instanceof FileAlreadyExistsException ? "already exists"
          : f instanceof NoSuchFileException ? "no such file or folder"
          : f instanceof AccessDeniedException ? "permission denied"
          : f instanceof NotDirectoryException ? "not a folder"
          : f instanceof DirectoryNotEmptyException ? "folder not empty"
          : f.getClass().getSimpleName();
      msg = msg.endsWith(f.getMessage()) ? msg + ": " + reason : msg + " (" + f.getMessage() + ": " + reason + ")";
    }
    return msg;
  }

  private static int handle(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    boolean debug = false;
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      debug |= pr.hasMatchedOption("--debug");
    }
    int code;
    if (ex instanceof BadInputException) {
      err.println(ex.getMessage());
      code = ExitCodes.BAD_INPUT;
    } else {
      String msg = describe(ex);
      err.println("error: " + msg + (debug ? "" : " (--debug shows the stack trace)"));
      code = ExitCodes.ERROR;
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
