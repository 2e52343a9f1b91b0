package io.cellstack.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stopping, by {@link DevServices#close()} or by a start timeout, leaves no process behind. */
class CloseTest {

  @Test
  void closeStopsEveryProcessAndFreesThePorts() throws Exception {
    Path workDir = Path.of("target", "devservices-close").toAbsolutePath();
    DevServices services = DevServices.start(Options.of(workDir));
    List<ProcessHandle> processes = services.processes();
    List<Integer> ports =
        List.of(
            URI.create(services.pulsarServiceUrl()).getPort(),
            URI.create(services.pulsarAdminUrl()).getPort(),
            services.mariaDbPort());
    assertThat(processes).hasSizeGreaterThanOrEqualTo(3);
    assertThat(ports).allMatch(port -> !bindable(port));

    services.close();

    assertThat(processes).noneMatch(p -> Processes.running(p.pid()));
    assertThat(Processes.mentioning(workDir.toString())).isEmpty();
    assertThat(ports).allMatch(CloseTest::bindable);
    services.close(); // idempotent
  }

  @Test
  void startThatTimesOutKillsTheLauncherAndQuotesItsLog() throws Exception {
    Path workDir = Path.of("target", "devservices-timeout").toAbsolutePath();
    Options options = Options.of(workDir, Service.PULSAR).withTimeout(Duration.ofMillis(500));

    assertThatThrownBy(() -> DevServices.start(options))
        .isInstanceOf(DevServicesException.class)
        .hasMessageContaining("Pulsar launcher")
        .hasMessageContaining("did not become ready in time")
        .hasMessageContaining("Last 30 lines of " + workDir.resolve("pulsar-launcher.log"));
    assertThat(Processes.eventually(Duration.ofSeconds(10), () -> gone(workDir))).isTrue();
  }

  private static boolean gone(Path workDir) {
    return Processes.mentioning(workDir.toString()).isEmpty();
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }
}
