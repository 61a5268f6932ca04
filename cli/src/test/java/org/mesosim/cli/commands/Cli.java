package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Services;

/** Runs the CLI in-process and captures stdout, stderr and the exit code. */
final class Cli {
  final int code;
  final String out;
  final String err;

  private Cli(int code, String out, String err) {
    this.code = code;
    this.out = out;
    this.err = err;
  }

  static Cli run(Services services, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = MesosimCommand.commandLine(services, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
    return new Cli(code, out.toString(), err.toString());
  }

  String lastLine() {
    String[] lines = out.strip().split("\n");
    return lines[lines.length - 1];
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
  }
}
