package dev.llmqm.sampling;

/**
 * A fixed 64-bit hash of a trace id (FNV-1a over the UTF-16 code units, then the MurmurHash3
 * 64-bit finaliser) mapped to a uniform number in [0, 1). Fixed forever: changing it would change
 * which traces every deployed instance samples.
 */
public final class TraceHash {

  private TraceHash() {}

  public static long hash64(String traceId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0, n = traceId.length(); i < n; i++) {
      char c = traceId.charAt(i);
      h ^= c & 0xFF;
      h *= 0x100000001b3L;
      h ^= c >>> 8;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Uniform in [0, 1): the top 53 bits of {@link #hash64}. */
  public static double uniform(String traceId) {
    return (hash64(traceId) >>> 11) * 0x1.0p-53;
  }
}
