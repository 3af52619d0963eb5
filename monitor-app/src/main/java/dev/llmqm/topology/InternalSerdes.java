package dev.llmqm.topology;

import dev.llmqm.window.PaneAggregate;
import dev.llmqm.window.ScoredEvent;
import dev.llmqm.window.SegmentKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serdes of the internal (repartition, changelog) records. Compact, versioned binary. */
public final class InternalSerdes {
  private InternalSerdes() {}

  private static final byte SCORED_EVENT_V1 = 1;

  public static Serde<SegmentKey> segmentKey() {
    return Serdes.serdeFrom(
        (topic, key) -> key == null ? null : key.toBytes(),
        (topic, bytes) -> bytes == null ? null : SegmentKey.fromBytes(bytes));
  }

  public static Serde<PaneAggregate> pane() {
    return Serdes.serdeFrom(
        (topic, pane) -> pane == null ? null : pane.toBytes(),
        (topic, bytes) -> bytes == null ? null : PaneAggregate.fromBytes(bytes));
  }

  public static Serde<ScoredEvent> scoredEvent() {
    return Serdes.serdeFrom(
        (topic, e) -> e == null ? null : write(e),
        (topic, bytes) -> bytes == null ? null : read(bytes));
  }

  static byte[] write(ScoredEvent e) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(160);
      DataOutputStream out = new DataOutputStream(buf);
      out.writeByte(SCORED_EVENT_V1);
      out.writeUTF(e.traceId());
      out.writeLong(e.endTimeMs());
      out.writeLong(e.latencyMs());
      writeDouble(out, e.ttftMs());
      out.writeBoolean(e.error());
      out.writeShort(e.finishReasons().size());
      for (String r : e.finishReasons()) {
        out.writeUTF(r);
      }
      writeLong(out, e.inputTokens());
      writeLong(out, e.outputTokens());
      writeLong(out, e.cacheReadInputTokens());
      writeDouble(out, e.costUsd());
      out.writeUTF(e.providerName());
      out.writeUTF(e.requestModel());
      out.writeDouble(e.producerSampleRate());
      out.writeByte((e.pii() ? 1 : 0) | (e.injection() ? 2 : 0) | (e.toxic() ? 4 : 0) | (e.redactionFailure() ? 8 : 0));
      out.writeUTF(e.refusal());
      writeDouble(out, e.groundedness());
      writeDouble(out, e.relevance());
      out.flush();
      return buf.toByteArray();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static ScoredEvent read(byte[] bytes) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      byte version = in.readByte();
      if (version != SCORED_EVENT_V1) {
        throw new IllegalArgumentException("unknown scored-event format " + version);
      }
      String traceId = in.readUTF();
      long end = in.readLong();
      long latency = in.readLong();
      Double ttft = readDouble(in);
      boolean error = in.readBoolean();
      int n = in.readShort();
      List<String> reasons = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        reasons.add(in.readUTF());
      }
      Long inTok = readLong(in);
      Long outTok = readLong(in);
      Long cached = readLong(in);
      Double cost = readDouble(in);
      String provider = in.readUTF();
      String model = in.readUTF();
      double rate = in.readDouble();
      int flags = in.readByte();
      String refusal = in.readUTF();
      Double grounded = readDouble(in);
      Double relevance = readDouble(in);
      return new ScoredEvent(traceId, end, latency, ttft, error, reasons, inTok, outTok, cached, cost,
          provider, model, rate, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0,
          refusal, grounded, relevance);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static void writeDouble(DataOutputStream out, Double v) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) {
      out.writeDouble(v);
    }
  }

  private static Double readDouble(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readDouble() : null;
  }

  private static void writeLong(DataOutputStream out, Long v) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) {
      out.writeLong(v);
    }
  }

  private static Long readLong(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }
}
