package dev.llmqm.topology;

import dev.llmqm.window.PaneAggregate;
import dev.llmqm.window.SegmentKey;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** A closed pane of one segment, on its way to the detectors. */
public record ClosedPane(SegmentKey segment, long windowStart, long windowEnd, PaneAggregate pane) {

  public static Serde<ClosedPane> serde() {
    return Serdes.serdeFrom((topic, p) -> p == null ? null : p.toBytes(), (topic, b) -> b == null ? null : fromBytes(b));
  }

  byte[] toBytes() {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
      DataOutputStream out = new DataOutputStream(buf);
      byte[] key = segment.toBytes();
      byte[] agg = pane.toBytes();
      out.writeInt(key.length);
      out.write(key);
      out.writeLong(windowStart);
      out.writeLong(windowEnd);
      out.writeInt(agg.length);
      out.write(agg);
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ClosedPane fromBytes(byte[] bytes) {
    try {
      DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
      byte[] key = new byte[in.readInt()];
      in.readFully(key);
      long start = in.readLong();
      long end = in.readLong();
      byte[] agg = new byte[in.readInt()];
      in.readFully(agg);
      return new ClosedPane(SegmentKey.fromBytes(key), start, end, PaneAggregate.fromBytes(agg));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
