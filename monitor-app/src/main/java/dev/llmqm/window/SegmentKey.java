package dev.llmqm.window;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dimensions of a segment, by event field name. Null means "all values" (a roll-up); {@code
 * other} means folded by a cardinality budget.
 */
public record SegmentKey(
    String serviceName, String feature, String requestModel,
    String promptTemplateVersion, String rolloutVariant, String tenantId) {

  public static final String[] FIELDS = {
    "service_name", "feature", "request_model", "prompt_template_version", "rollout_variant", "tenant_id"
  };

  /** Field name to value, in contract order, absent values omitted. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    String[] v = values();
    for (int i = 0; i < FIELDS.length; i++) {
      if (v[i] != null) {
        m.put(FIELDS[i], v[i]);
      }
    }
    return m;
  }

  String[] values() {
    return new String[] {serviceName, feature, requestModel, promptTemplateVersion, rolloutVariant, tenantId};
  }

  static SegmentKey of(String[] v) {
    return new SegmentKey(v[0], v[1], v[2], v[3], v[4], v[5]);
  }

  /** Compact and deterministic: a presence bit mask, then the present values. */
  public byte[] toBytes() {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
      DataOutputStream out = new DataOutputStream(buf);
      String[] v = values();
      int mask = 0;
      for (int i = 0; i < v.length; i++) {
        if (v[i] != null) {
          mask |= 1 << i;
        }
      }
      out.writeByte(mask);
      for (String s : v) {
        if (s != null) {
          out.writeUTF(s);
        }
      }
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SegmentKey fromBytes(byte[] bytes) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      int mask = in.readUnsignedByte();
      String[] v = new String[FIELDS.length];
      for (int i = 0; i < v.length; i++) {
        if ((mask & (1 << i)) != 0) {
          v[i] = in.readUTF();
        }
      }
      return of(v);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a segment key", e);
    }
  }
}
