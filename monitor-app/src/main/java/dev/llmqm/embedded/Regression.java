package dev.llmqm.embedded;

/**
 * A step change injected into generated traffic from {@code startMs} (event time) on, for the
 * events that match every non-null selector.
 *
 * @param kind what changes
 * @param magnitude multiplier for {@code LATENCY}, {@code COST}; share of affected events in
 *     [0,1] for the others
 */
public record Regression(
    Kind kind, long startMs, double magnitude,
    String service, String model, String promptVersion, String variant, String tenant) {

  public enum Kind {
    /** Latency and TTFT multiplied by magnitude. */
    LATENCY,
    /** Cost and output tokens multiplied by magnitude. */
    COST,
    /** This share of answers is not supported by the retrieved context. */
    UNGROUNDED,
    /** This share of prompts carries an injection attempt. */
    INJECTION,
    /** This share of responses leaks PII. */
    PII,
    /** This share of requests fails. */
    ERRORS
  }

  boolean matches(long t, String svc, String mdl, String version, String var, String ten) {
    return t >= startMs
        && (service == null || service.equals(svc))
        && (model == null || model.equals(mdl))
        && (promptVersion == null || promptVersion.equals(version))
        && (variant == null || variant.equals(var))
        && (tenant == null || tenant.equals(ten));
  }
}
