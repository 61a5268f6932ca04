package org.mesosim.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/** Entry point of the runnable jar. The only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, Charset.defaultCharset()), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, Charset.defaultCharset()), true);
    int code = MesosimCommand.execute(Services.standard(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
