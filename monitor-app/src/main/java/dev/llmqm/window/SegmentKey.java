package dev.llmqm.window;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The segment an aggregate belongs to, by event field name. A null dimension is rolled up ("all");
 * the value {@link #OTHER} stands for values folded by the cardinality budget. Build keys from raw
 * event values with {@link #normalized}; the canonical constructor keeps values as given.
 */
public record SegmentKey(
    String serviceName,
    String feature,
    String requestModel,
    String promptTemplateVersion,
    String rolloutVariant,
    String tenantId)
    implements Comparable<SegmentKey> {

  /** Label value for a rolled-up dimension (never stored: rolled up is null). */
  public static final String ALL = "all";

  /** Value of a dimension folded by the cardinality budget. */
  public static final String OTHER = "other";

  public static final String SERVICE_NAME = "service_name";
  public static final String FEATURE = "feature";
  public static final String REQUEST_MODEL = "request_model";
  public static final String PROMPT_TEMPLATE_VERSION = "prompt_template_version";
  public static final String ROLLOUT_VARIANT = "rollout_variant";
  public static final String TENANT_ID = "tenant_id";

  /** Dimension names in key order. */
  public static final List<String> DIMENSIONS =
      List.of(
          SERVICE_NAME, FEATURE, REQUEST_MODEL, PROMPT_TEMPLATE_VERSION, ROLLOUT_VARIANT, TENANT_ID);

  /** Every dimension rolled up. */
  public static final SegmentKey ALL_SEGMENTS = new SegmentKey(null, null, null, null, null, null);

  private static final byte FORMAT_VERSION = 1;

  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());

  private static final Comparator<SegmentKey> ORDER =
      Comparator.comparing(SegmentKey::serviceName, NULLS_FIRST)
          .thenComparing(SegmentKey::feature, NULLS_FIRST)
          .thenComparing(SegmentKey::requestModel, NULLS_FIRST)
          .thenComparing(SegmentKey::promptTemplateVersion, NULLS_FIRST)
          .thenComparing(SegmentKey::rolloutVariant, NULLS_FIRST)
          .thenComparing(SegmentKey::tenantId, NULLS_FIRST);

  /** A key from raw event values, each passed through {@link SegmentValues#normalize}. */
  public static SegmentKey normalized(
      String serviceName,
      String feature,
      String requestModel,
      String promptTemplateVersion,
      String rolloutVariant,
      String tenantId) {
    return new SegmentKey(
        SegmentValues.normalize(serviceName),
        SegmentValues.normalize(feature),
        SegmentValues.normalize(requestModel),
        SegmentValues.normalize(promptTemplateVersion),
        SegmentValues.normalize(rolloutVariant),
        SegmentValues.normalize(tenantId));
  }

  /** The value of a dimension by its event field name (see {@link #DIMENSIONS}). */
  public String get(String dimension) {
    return get(indexOf(dimension));
  }

  /** A copy with one dimension replaced (null rolls it up). */
  public SegmentKey with(String dimension, String value) {
    return with(indexOf(dimension), value);
  }

  public SegmentKey withServiceName(String v) {
    return with(0, v);
  }

  public SegmentKey withFeature(String v) {
    return with(1, v);
  }

  public SegmentKey withRequestModel(String v) {
    return with(2, v);
  }

  public SegmentKey withPromptTemplateVersion(String v) {
    return with(3, v);
  }

  public SegmentKey withRolloutVariant(String v) {
    return with(4, v);
  }

  public SegmentKey withTenant(String v) {
    return with(5, v);
  }

  /** Keeps the named dimensions and rolls up all others. */
  public SegmentKey keepOnly(String... dimensions) {
    String[] v = new String[6];
    for (String d : dimensions) {
      int i = indexOf(d);
      v[i] = get(i);
    }
    return new SegmentKey(v[0], v[1], v[2], v[3], v[4], v[5]);
  }

  /**
   * The key as labels: keys are the event field names in {@link #DIMENSIONS} order, rolled-up
   * (null) dimensions omitted.
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>(8);
    for (int i = 0; i < 6; i++) {
      String v = get(i);
      if (v != null) {
        m.put(DIMENSIONS.get(i), v);
      }
    }
    return m;
  }

  /**
   * Compact, deterministic encoding: format version byte, a presence bit mask, then each present
   * value as an unsigned varint UTF-8 length and its bytes.
   */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    out.write(FORMAT_VERSION);
    int mask = 0;
    for (int i = 0; i < 6; i++) {
      if (get(i) != null) {
        mask |= 1 << i;
      }
    }
    out.write(mask);
    for (int i = 0; i < 6; i++) {
      String v = get(i);
      if (v != null) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        while ((n & ~0x7F) != 0) {
          out.write((n & 0x7F) | 0x80);
          n >>>= 7;
        }
        out.write(n);
        out.write(b, 0, b.length);
      }
    }
    return out.toByteArray();
  }

  /** Decodes {@link #toBytes()}; throws {@link IllegalArgumentException} on malformed input. */
  public static SegmentKey fromBytes(byte[] b) {
    Objects.requireNonNull(b, "bytes");
    if (b.length < 2) {
      throw new IllegalArgumentException("segment key: truncated (" + b.length + " bytes)");
    }
    if (b[0] != FORMAT_VERSION) {
      throw new IllegalArgumentException("segment key: unknown format version " + b[0]);
    }
    int mask = b[1] & 0xFF;
    if ((mask & ~0x3F) != 0) {
      throw new IllegalArgumentException("segment key: bad presence mask " + mask);
    }
    String[] v = new String[6];
    int pos = 2;
    for (int i = 0; i < 6; i++) {
      if ((mask & (1 << i)) == 0) {
        continue;
      }
      int n = 0;
      int shift = 0;
      while (true) {
        if (pos >= b.length || shift > 28) {
          throw new IllegalArgumentException("segment key: truncated length");
        }
        int x = b[pos++] & 0xFF;
        n |= (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          break;
        }
        shift += 7;
      }
      if (n < 0 || pos + n > b.length) {
        throw new IllegalArgumentException("segment key: truncated value");
      }
      v[i] = new String(b, pos, n, StandardCharsets.UTF_8);
      pos += n;
    }
    if (pos != b.length) {
      throw new IllegalArgumentException("segment key: " + (b.length - pos) + " trailing bytes");
    }
    return new SegmentKey(v[0], v[1], v[2], v[3], v[4], v[5]);
  }

  @Override
  public int compareTo(SegmentKey o) {
    return ORDER.compare(this, o);
  }

  String get(int i) {
    switch (i) {
      case 0:
        return serviceName;
      case 1:
        return feature;
      case 2:
        return requestModel;
      case 3:
        return promptTemplateVersion;
      case 4:
        return rolloutVariant;
      case 5:
        return tenantId;
      default:
        throw new IndexOutOfBoundsException(i);
    }
  }

  SegmentKey with(int i, String value) {
    if (Objects.equals(get(i), value)) {
      return this;
    }
    return new SegmentKey(
        i == 0 ? value : serviceName,
        i == 1 ? value : feature,
        i == 2 ? value : requestModel,
        i == 3 ? value : promptTemplateVersion,
        i == 4 ? value : rolloutVariant,
        i == 5 ? value : tenantId);
  }

  static int indexOf(String dimension) {
    int i = DIMENSIONS.indexOf(dimension);
    if (i < 0) {
      throw new IllegalArgumentException(
          "unknown segment dimension '" + dimension + "', expected one of " + DIMENSIONS);
    }
    return i;
  }
}
