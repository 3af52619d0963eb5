package dev.llmqm.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Deterministic (seeded) generator of per-minute leaf panes for several services × models ×
 * prompt versions × variants × tenants × features. Every event is simulated: Poisson counts per
 * leaf, Bernoulli flags (binomial noise on rates), lognormal latency and TTFT per model, noisy
 * groundedness and relevance scores, lognormal token counts priced per model. Regressions are
 * step changes on the leaves matching a predicate between two minutes.
 */
final class ScenarioGenerator {
  static final long T0 = 1_700_000_000_000L - (1_700_000_000_000L % 60_000L);

  record Model(String name, double latencyMedianMs, double usdPer1kTokens) {}

  record Service(
      String name,
      double eventsPerMinute,
      List<Model> models,
      List<String> features,
      List<String> tenants,
      double[] tenantWeights,
      /** null: no rollout_variant; else share of traffic in the canary (prompt canaryPrompt). */
      Double canaryShare,
      String stablePrompt,
      String canaryPrompt) {}

  enum Effect {
    LATENCY_MULT,
    COST_MULT,
    UNSUPPORTED_SHARE,
    INJECTION_RATE,
    PII_RATE,
    ERROR_RATE
  }

  record Regression(Predicate<Map<String, String>> where, int fromMinute, int toMinute, Effect effect, double value) {
    boolean applies(Map<String, String> seg, int minute) {
      return minute >= fromMinute && minute < toMinute && where.test(seg);
    }
  }

  private record Leaf(Map<String, String> segment, double rate, Model model) {}

  // Baseline per-event probabilities.
  static final double P_ERROR = 0.02;
  static final double P_REFUSAL_FULL = 0.01;
  static final double P_REFUSAL_PARTIAL = 0.02;
  static final double P_INJECTION = 0.003;
  static final double P_TOXIC = 0.002;
  static final double P_PII = 0.0;
  static final double P_GROUNDED_SCORED = 0.8;

  private final long seed;
  private final List<Leaf> leaves = new ArrayList<>();
  private final List<Regression> regressions = new ArrayList<>();

  ScenarioGenerator(long seed, List<Service> services) {
    this.seed = seed;
    for (Service s : services) {
      double wsum = 0;
      for (double w : s.tenantWeights()) wsum += w;
      for (String f : s.features()) {
        for (Model m : s.models()) {
          for (int t = 0; t < s.tenants().size(); t++) {
            double base =
                s.eventsPerMinute() / s.features().size() / s.models().size() * s.tenantWeights()[t] / wsum;
            if (s.canaryShare() == null) {
              leaves.add(new Leaf(seg(s, f, m, s.tenants().get(t), null, s.stablePrompt()), base, m));
            } else {
              leaves.add(new Leaf(seg(s, f, m, s.tenants().get(t), "control", s.stablePrompt()), base * (1 - s.canaryShare()), m));
              leaves.add(new Leaf(seg(s, f, m, s.tenants().get(t), "canary", s.canaryPrompt()), base * s.canaryShare(), m));
            }
          }
        }
      }
    }
  }

  private static Map<String, String> seg(Service s, String f, Model m, String tenant, String variant, String prompt) {
    Map<String, String> seg = new TreeMap<>();
    seg.put("service_name", s.name());
    seg.put("feature", f);
    seg.put("request_model", m.name());
    seg.put("tenant_id", tenant);
    seg.put("prompt_template_version", prompt);
    if (variant != null) {
      seg.put("rollout_variant", variant);
    }
    return Map.copyOf(seg);
  }

  ScenarioGenerator with(Regression r) {
    regressions.add(r);
    return this;
  }

  int leafCount() {
    return leaves.size();
  }

  static long windowStart(int minute) {
    return T0 + minute * 60_000L;
  }

  /** The leaf panes of one minute (leaves without events are omitted). */
  List<WindowObservation> window(int minute) {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + minute);
    List<WindowObservation> out = new ArrayList<>();
    long ws = windowStart(minute);
    int leafNo = 0;
    for (Leaf leaf : leaves) {
      leafNo++;
      long n = poisson(rnd, leaf.rate());
      if (n == 0) {
        continue;
      }
      double latMult = 1, costMult = 1, unsupported = 0, pInj = P_INJECTION, pPii = P_PII, pErr = P_ERROR;
      for (Regression r : regressions) {
        if (r.applies(leaf.segment(), minute)) {
          switch (r.effect()) {
            case LATENCY_MULT -> latMult *= r.value();
            case COST_MULT -> costMult *= r.value();
            case UNSUPPORTED_SHARE -> unsupported = r.value();
            case INJECTION_RATE -> pInj = r.value();
            case PII_RATE -> pPii = r.value();
            case ERROR_RATE -> pErr = r.value();
          }
        }
      }
      long errors = 0, pii = 0, inj = 0, tox = 0, red = 0, rf = 0, rp = 0, gc = 0, gl = 0, rc = 0, in = 0, outTok = 0;
      double gs = 0, rs = 0, cost = 0;
      long[] lat = LatencyBins.empty();
      long[] ttft = LatencyBins.empty();
      Map<String, List<String>> ex = new TreeMap<>();
      for (long e = 0; e < n; e++) {
        String trace = "t" + Long.toHexString(seed) + "-" + minute + "-" + leafNo + "-" + e;
        if (rnd.nextDouble() < pErr) {
          errors++;
          exemplar(ex, "error_rate", trace);
        }
        if (rnd.nextDouble() < pPii) {
          pii++;
          exemplar(ex, "pii", trace);
        }
        if (rnd.nextDouble() < pInj) {
          inj++;
          exemplar(ex, "injection", trace);
        }
        if (rnd.nextDouble() < P_TOXIC) {
          tox++;
          exemplar(ex, "toxicity", trace);
        }
        double u = rnd.nextDouble();
        if (u < P_REFUSAL_FULL) rf++;
        else if (u < P_REFUSAL_FULL + P_REFUSAL_PARTIAL) rp++;
        if (rnd.nextDouble() < P_GROUNDED_SCORED) {
          double g = rnd.nextDouble() < unsupported ? 0.25 + 0.12 * rnd.nextGaussian() : 0.85 + 0.1 * rnd.nextGaussian();
          g = clamp(g);
          gc++;
          gs += g;
          if (g < 0.5) {
            gl++;
            exemplar(ex, "groundedness", trace);
          }
        }
        double r = clamp(0.75 + 0.12 * rnd.nextGaussian());
        rc++;
        rs += r;
        double l = leaf.model().latencyMedianMs() * latMult * Math.exp(0.5 * rnd.nextGaussian());
        lat[LatencyBins.binOf(l)]++;
        if (l > 2.5 * leaf.model().latencyMedianMs()) {
          exemplar(ex, "latency", trace);
        }
        double t = 0.2 * leaf.model().latencyMedianMs() * latMult * Math.exp(0.5 * rnd.nextGaussian());
        ttft[LatencyBins.binOf(t)]++;
        long ti = Math.round(600 * Math.exp(0.4 * rnd.nextGaussian()));
        long to = Math.round(250 * Math.exp(0.5 * rnd.nextGaussian()));
        in += ti;
        outTok += to;
        double c = (ti + to) / 1000.0 * leaf.model().usdPer1kTokens() * costMult;
        cost += c;
        if (costMult > 1.5) {
          exemplar(ex, "cost", trace);
        }
      }
      out.add(
          new WindowObservation(
              leaf.segment(), ws, ws + 60_000L, n, errors, pii, inj, tox, red, rf, rp, gc, gs, gl, rc, rs,
              lat, ttft, in, outTok, cost, ex));
    }
    return out;
  }

  private static void exemplar(Map<String, List<String>> ex, String signal, String trace) {
    List<String> l = ex.computeIfAbsent(signal, k -> new ArrayList<>());
    if (l.size() < WindowObservation.MAX_EXEMPLARS) {
      l.add(trace);
    }
  }

  private static double clamp(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }

  static long poisson(SplittableRandom rnd, double lambda) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda > 50) {
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rnd.nextGaussian()));
    }
    double l = Math.exp(-lambda);
    long k = 0;
    double p = 1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }

  // ------------------------------------------------------------------ standard fleets

  static final Model MINI = new Model("gpt-4o-mini", 700, 0.0006);
  static final Model HAIKU = new Model("claude-haiku", 900, 0.0012);
  static final Model LLAMA = new Model("llama-70b", 1600, 0.0009);
  static final Model MISTRAL = new Model("mistral-large", 1200, 0.004);
  static final Model SONNET = new Model("claude-sonnet", 2500, 0.009);
  static final Model GPT4O = new Model("gpt-4o", 2000, 0.0075);

  /** Four services with thin traffic: ~250 events per minute in all, 100+ leaves. */
  static List<Service> thinFleet(double scale) {
    return List.of(
        new Service("support-bot", 120 * scale, List.of(MINI, HAIKU, LLAMA), List.of("chat", "email-draft"),
            List.of("acme", "globex", "initech", "umbrella"), new double[] {4, 3, 2, 1}, 0.2, "v7", "v8"),
        new Service("search-summarizer", 60 * scale, List.of(MINI, MISTRAL), List.of("summarize"),
            List.of("acme", "globex", "hooli"), new double[] {2, 1, 1}, null, "v3", null),
        new Service("code-helper", 45 * scale, List.of(SONNET, GPT4O), List.of("complete", "explain"),
            List.of("initech", "hooli", "stark"), new double[] {1, 1, 1}, null, "v12", null),
        new Service("checkout-assistant", 30 * scale, List.of(MINI), List.of("faq"),
            List.of("acme", "globex"), new double[] {3, 1}, 0.1, "v2", "v3"));
  }

  /** A wide fleet of about 500 leaves for performance runs. */
  static List<Service> wideFleet() {
    List<Service> out = new ArrayList<>();
    List<String> tenants = new ArrayList<>();
    double[] w = new double[10];
    for (int i = 0; i < 10; i++) {
      tenants.add("tenant-" + i);
      w[i] = 10 - i;
    }
    for (int s = 0; s < 5; s++) {
      out.add(new Service("svc-" + s, 1500, List.of(MINI, HAIKU, LLAMA, GPT4O, SONNET), List.of("a"),
          tenants, w, 0.1, "v1", "v2"));
    }
    return out;
  }
}
