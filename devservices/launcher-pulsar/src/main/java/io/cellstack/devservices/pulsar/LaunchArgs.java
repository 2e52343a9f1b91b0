package io.cellstack.devservices.pulsar;

import java.nio.file.Path;

/**
 * The launcher's command line: {@code <dataDir> [--keep-data] [--broker-port=P] [--web-port=Q]
 * [--bookie-port=R]}.
 *
 * <p>Without {@code --keep-data} the data dir's {@code data/} is wiped and the ports default to 0
 * (free ports). A restart passes {@code --keep-data} and the three ports the first start reported:
 * the broker must come back on the same URLs (clients reconnect to them) and the bookie on the same
 * {@code host:port}, its identity in the ledger metadata and in its cookie.
 *
 * @param dataDir everything the broker writes
 * @param keepData keep topics, subscriptions, cursors and messages of the previous run
 * @param brokerPort the binary protocol port, 0 for a free one
 * @param webPort the admin (HTTP) port, 0 for a free one
 * @param bookiePort the bookie's port, 0 for a free one
 */
record LaunchArgs(Path dataDir, boolean keepData, int brokerPort, int webPort, int bookiePort) {

  static final String USAGE =
      "usage: PulsarLauncher <dataDir> [--keep-data] [--broker-port=P] [--web-port=Q]"
          + " [--bookie-port=R]";

  static LaunchArgs parse(String... args) {
    if (args.length == 0 || args[0].startsWith("--")) {
      throw new IllegalArgumentException(USAGE);
    }
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    boolean keepData = false;
    int broker = 0;
    int web = 0;
    int bookie = 0;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--keep-data")) {
        keepData = true;
      } else if (arg.startsWith("--broker-port=")) {
        broker = port(arg);
      } else if (arg.startsWith("--web-port=")) {
        web = port(arg);
      } else if (arg.startsWith("--bookie-port=")) {
        bookie = port(arg);
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + "; " + USAGE);
      }
    }
    return new LaunchArgs(dataDir, keepData, broker, web, bookie);
  }

  private static int port(String arg) {
    String value = arg.substring(arg.indexOf('=') + 1);
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + arg);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port: " + arg, e);
    }
  }
}
