package dev.llmqm.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Controls for reading {@link PerEventBenchmark}'s tail: work of a fixed length with no allocation and no
 * data-dependent branch, so every call does exactly the same thing and the spread of its sample times is the
 * machine's. {@code tableScan} reads 16 KB of prose four times through a 64 KB lookup table, as the scorers read
 * text (about the time the toxicity scan takes over the same 16 KB); {@code aluLoop} touches no memory at all. On
 * a quiet machine both have p99 close to p50; where a control's p99/p50 is high, the scorers' is too, by as much.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class MachineNoiseBenchmark {

  private static final int PASSES = 4;

  private final byte[] table = new byte[Character.MAX_VALUE + 1];
  private String text;

  @Setup(Level.Trial)
  public void setUp() {
    for (int c = 0; c < table.length; c++) {
      table[c] = (byte) (c * 31 >>> 3);
    }
    text = PerEventBenchmark.prose(16_384, 42);
  }

  @Benchmark
  public long tableScan() {
    String s = text;
    long sum = 0;
    for (int pass = 0; pass < PASSES; pass++) {
      for (int i = 0; i < s.length(); i++) {
        sum += table[s.charAt(i)] ^ i;
      }
    }
    return sum;
  }

  @Benchmark
  public long aluLoop() {
    long x = 42;
    for (int i = 0; i < 100_000; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    return x;
  }
}
