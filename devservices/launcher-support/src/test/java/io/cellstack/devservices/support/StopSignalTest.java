package io.cellstack.devservices.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The launchers' stop contract: a STOP line or EOF on stdin, and nothing else, stops them. */
@Timeout(10)
class StopSignalTest {

  @Test
  void stopLineStopsWithoutWaitingForEof() throws Exception {
    PipedOutputStream parent = new PipedOutputStream();
    StopSignal signal = StopSignal.watch(new PipedInputStream(parent));

    parent.write("STOP\n".getBytes(StandardCharsets.UTF_8));
    parent.flush();

    // The pipe stays open: only the line can have completed it.
    assertThat(signal.await()).isEqualTo(StopSignal.STOP);
    parent.close();
  }

  @Test
  void stopLineMayCarrySurroundingWhitespace() {
    assertThat(StopSignal.watch(input("  STOP \r\n")).await()).isEqualTo(StopSignal.STOP);
  }

  @Test
  void eofStopsAsTheParentsDeathDoes() {
    assertThat(StopSignal.watch(input("")).await()).isEqualTo(StopSignal.EOF);
  }

  @Test
  void otherLinesDoNotStop() {
    // Had any of these lines counted, the reason would be STOP rather than EOF.
    String lines = "hello\nstop\nSTOPPED\nSTOP now\nPLEASE STOP\n\n";

    assertThat(StopSignal.watch(input(lines)).await()).isEqualTo(StopSignal.EOF);
  }

  @Test
  void otherLinesLeaveItWaiting() throws Exception {
    PipedOutputStream parent = new PipedOutputStream();
    StopSignal signal = StopSignal.watch(new PipedInputStream(parent));
    CompletableFuture<String> reason = CompletableFuture.supplyAsync(signal::await);

    parent.write("hello\nstop\nSTOPPED\n".getBytes(StandardCharsets.UTF_8));
    parent.flush();

    assertThat(reason).failsWithin(300, TimeUnit.MILLISECONDS);
    parent.write("STOP\n".getBytes(StandardCharsets.UTF_8));
    parent.flush();
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(StopSignal.STOP);
    parent.close();
  }

  @Test
  void readFailureStopsWithItsReason() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("pipe broken");
          }
        };

    assertThat(StopSignal.watch(broken).await()).isEqualTo("stdin failed: pipe broken");
  }

  private static InputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
