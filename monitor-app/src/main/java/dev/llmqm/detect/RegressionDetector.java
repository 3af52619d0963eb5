package dev.llmqm.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Online regression and drift detection over closed 1-minute leaf panes.
 *
 * <p>Per service, each window: the last {@code evaluationPanes} panes (the span) are compared with
 * references under three rules — {@code trailing_baseline} (accepted panes of the last ~45 minutes,
 * skipping the newest {@code baselineGapPanes}, and never panes of a service that was in alert),
 * {@code pinned_release} (a configured range of panes frozen per service) and {@code
 * canary_vs_control} (each non-control rollout_variant against the control arm in the same span).
 * Segments are the service, its single-dimension roll-ups and its leaves; segments that cover the
 * same leaves are tested once. All p-value tests of a window share one two-level false discovery
 * rate correction (Benjamini–Bogomolov over (service, signal, rule) families, see {@link
 * DetectionConfig#alpha()}); score means also run a CUSUM. A finding must pass its minimum sample size and
 * minimum effect and be confirmed in consecutive windows; then it is attributed to the narrowest
 * segment that explains it (segment X explains Y when Y's traffic outside X looks normal) and
 * deduplicated against related alerts of the same signal. A FIRING alert resolves after {@code
 * resolveAfter} consecutive windows that are clean at the laxer hold level.
 *
 * <p>Not thread-safe; deterministic for a given input sequence.
 */
public final class RegressionDetector {
  public static final String RULE_CANARY = "canary_vs_control";
  public static final String RULE_PINNED = "pinned_release";
  public static final String RULE_TRAILING = "trailing_baseline";
  private static final List<String> RULE_ORDER = List.of(RULE_CANARY, RULE_PINNED, RULE_TRAILING);
  static final String SERVICE = "service_name";
  static final String VARIANT = "rollout_variant";

  private final DetectionConfig cfg;
  private final Map<String, ServiceState> services = new TreeMap<>();
  private final Map<String, Active> active = new TreeMap<>();
  private final Map<String, Integer> streaks = new HashMap<>();
  private final Map<String, Double> cusums = new HashMap<>();

  public RegressionDetector(DetectionConfig config) {
    this.cfg = config;
  }

  /** Currently FIRING alerts (as emitted when they fired). */
  public Set<Alert> active() {
    Set<Alert> out = new LinkedHashSet<>();
    active.values().forEach(a -> out.add(a.firing));
    return out;
  }

  /**
   * Processes one closed window given all its leaf panes (any order, any services) and returns the
   * alert transitions: FIRING when an alert starts, RESOLVED when it ends.
   */
  public List<Alert> onWindow(long windowStart, long windowEnd, List<WindowObservation> leafPanes) {
    // 1. Group leaves by service; merge duplicate leaves.
    Map<String, Win> incoming = new TreeMap<>();
    for (WindowObservation o : leafPanes) {
      String svc = o.serviceName();
      Win w = incoming.computeIfAbsent(svc, k -> new Win(windowStart));
      String key = segKey(o.segment());
      Agg a = Agg.of(o);
      Agg prev = w.leaves.get(key);
      w.leaves.put(key, prev == null ? a : prev.add(a));
      w.dims.putIfAbsent(key, new TreeMap<>(o.segment()));
      if (!o.exemplars().isEmpty()) {
        Map<String, List<String>> ex = w.exemplars.computeIfAbsent(key, k -> new TreeMap<>());
        new TreeMap<>(o.exemplars())
            .forEach(
                (sig, ids) -> {
                  List<String> acc = ex.computeIfAbsent(sig, k -> new ArrayList<>());
                  for (String id : ids) {
                    if (acc.size() < WindowObservation.MAX_EXEMPLARS && !acc.contains(id)) {
                      acc.add(id);
                    }
                  }
                });
      }
    }
    for (String svc : incoming.keySet()) {
      services.computeIfAbsent(svc, ServiceState::new);
    }
    Map<String, Ctx> ctxs = new TreeMap<>();
    for (ServiceState st : services.values()) {
      Win w = incoming.getOrDefault(st.name, new Win(windowStart));
      st.push(w);
      ctxs.put(st.name, buildCtx(st, windowStart));
    }

    // 2. Test every segment × signal × rule.
    List<Outcome> outcomes = new ArrayList<>();
    for (Ctx c : ctxs.values()) {
      for (String rule : RULE_ORDER) {
        if (!c.ready(rule)) {
          continue;
        }
        List<Rep> reps = rule.equals(RULE_CANARY) ? c.treatments : c.reps;
        for (Rep r : reps) {
          for (Signal s : Signal.values()) {
            Outcome o = evaluateRep(c, rule, r, s);
            if (o != null) {
              outcomes.add(o);
            }
          }
        }
      }
    }
    // Multiple testing: Benjamini–Bogomolov. Families are (service, signal, rule); a family's
    // p-value is its Bonferroni-adjusted minimum; BH at alpha selects R of the F families; inside a
    // selected family of m tests a test is a discovery when p <= alpha * R / F / m.
    Map<String, double[]> fam = new TreeMap<>(); // key -> {min p, m}
    for (Outcome o : outcomes) {
      for (Part p : o.parts) {
        if (!p.seq) {
          double[] f = fam.computeIfAbsent(o.familyKey(), k -> new double[] {1.0, 0});
          f[0] = Math.min(f[0], p.p);
          f[1]++;
        }
      }
    }
    double[] famP = fam.values().stream().mapToDouble(f -> Math.min(1.0, f[0] * f[1])).toArray();
    double famCut = Stats.benjaminiHochbergCut(famP, cfg.alpha());
    long selected = java.util.Arrays.stream(famP).filter(x -> x <= famCut).count();
    double level = famP.length == 0 ? 0 : cfg.alpha() * selected / famP.length;
    for (Outcome o : outcomes) {
      double[] f = fam.get(o.familyKey());
      boolean familySelected = f != null && Math.min(1.0, f[0] * f[1]) <= famCut && selected > 0;
      double cut = f == null ? 0 : level / f[1];
      for (Part p : o.parts) {
        boolean sig = p.effectOk && (p.seq ? p.seqFired : familySelected && p.p <= cut);
        if (sig && o.decisive == null) {
          o.decisive = p;
          if (!p.seq) {
            p.threshold = cut;
          }
        }
      }
    }

    List<Alert> out = new ArrayList<>();
    // 3. Hysteresis on alerts already firing.
    for (var it = active.entrySet().iterator(); it.hasNext(); ) {
      Active a = it.next().getValue();
      Ctx c = ctxs.get(a.service);
      Outcome o = c == null ? null : evaluateSubset(c, a.rule, a.signal, c.leavesOf(a.dims), null);
      boolean bad = o != null && o.parts.stream().anyMatch(p -> holdBad(p));
      a.clean = bad ? 0 : a.clean + 1;
      if (a.clean >= cfg.resolveAfter()) {
        it.remove();
        cusums.remove(a.key);
        out.add(resolved(a, o, windowStart, windowEnd));
      }
    }

    // 4. Attribution within each (service, rule, signal), then dedup across rules and actives.
    Map<String, List<Outcome>> groups = new TreeMap<>();
    for (Outcome o : outcomes) {
      if (o.decisive != null) {
        groups
            .computeIfAbsent(o.service + "\u0000" + o.signal.ordinal() + "\u0000" + o.rule, k -> new ArrayList<>())
            .add(o);
      }
    }
    Map<String, List<Outcome>> survivorsBySvcSignal = new TreeMap<>();
    for (List<Outcome> g : groups.values()) {
      List<Outcome> surv = attribute(ctxs.get(g.get(0).service), g);
      Outcome f = g.get(0);
      survivorsBySvcSignal
          .computeIfAbsent(f.service + "\u0000" + f.signal.ordinal(), k -> new ArrayList<>())
          .addAll(surv);
    }
    Set<String> keptKeys = new TreeSet<>();
    Set<String> suspectServices = new TreeSet<>();
    for (List<Outcome> surv : survivorsBySvcSignal.values()) {
      surv.sort(
          Comparator.comparingInt((Outcome o) -> RULE_ORDER.indexOf(o.rule))
              .thenComparing(o -> o.rep, REP_PREFERENCE));
      List<Outcome> kept = new ArrayList<>();
      for (Outcome y : surv) {
        Ctx c = ctxs.get(y.service);
        boolean dup = false;
        for (Active a : active.values()) {
          if (a.service.equals(y.service)
              && a.signal == y.signal
              && related(c, a.dims, c.leavesOf(a.dims), y)) {
            dup = true;
            break;
          }
        }
        for (Outcome k : kept) {
          if (!dup && related(c, k.rep.dims, k.rep.leaves, y)) {
            dup = true;
          }
        }
        suspectServices.add(y.service);
        if (dup) {
          continue;
        }
        kept.add(y);
        String key = alertKey(y.rule, y.signal, y.rep.key);
        keptKeys.add(key);
        int n = streaks.merge(key, 1, Integer::sum);
        if (n >= cfg.confirmations() && !active.containsKey(key)) {
          Alert al = firing(c, y, windowStart, windowEnd);
          active.put(key, new Active(key, y.rule, y.signal, y.service, y.rep.dims, al));
          cusums.remove(key);
          out.add(al);
        }
      }
    }
    streaks.keySet().retainAll(keptKeys);

    // 5. Baseline maintenance: taint suspicious windows, accept aged clean ones.
    for (Active a : active.values()) {
      suspectServices.add(a.service);
    }
    for (ServiceState st : services.values()) {
      if (suspectServices.contains(st.name)) {
        st.pending.forEach(w -> w.tainted = true);
      }
      st.advance();
    }
    out.sort(
        Comparator.comparing(Alert::state)
            .thenComparing(Alert::rule)
            .thenComparing(Alert::signal)
            .thenComparing(a -> segKey(a.segment())));
    return out;
  }

  // ---------------------------------------------------------------- evaluation

  private Outcome evaluateRep(Ctx c, String rule, Rep r, Signal s) {
    String cusumKey =
        s.kind() == Signal.Kind.SCORE && !rule.equals(RULE_CANARY)
            ? alertKey(rule, s, r.key)
            : null;
    Outcome o = evaluateSubset(c, rule, s, r.leaves, cusumKey, r);
    if (o != null) {
      o.rep = r;
    }
    return o;
  }

  private Outcome evaluateSubset(Ctx c, String rule, Signal s, BitSet leaves, String cusumKey) {
    return evaluateSubset(c, rule, s, leaves, cusumKey, null);
  }

  /** Tests one leaf subset of a service under a rule; null when not testable. */
  private Outcome evaluateSubset(
      Ctx c, String rule, Signal s, BitSet leaves, String cusumKey, Rep rep) {
    if (leaves.isEmpty() || !c.ready(rule)) {
      return null;
    }
    Agg cur = rep != null ? rep.span : c.sum(c.span, leaves);
    Agg last = null;
    Agg ref;
    Moments mom;
    long minRef;
    switch (rule) {
      case RULE_TRAILING -> {
        ref = rep != null ? rep.base : c.sum(c.base, leaves);
        last = rep != null ? rep.last : c.sum(c.last, leaves);
        mom = c.moments(c.st.baseMom, rep, leaves);
        minRef = cfg.minBaselineEvents();
      }
      case RULE_PINNED -> {
        ref = rep != null ? rep.pin : c.sum(c.pin, leaves);
        last = rep != null ? rep.last : c.sum(c.last, leaves);
        mom = c.moments(c.st.pinMom, rep, leaves);
        minRef = cfg.minBaselineEvents();
      }
      default -> {
        BitSet ctl = (BitSet) c.control.clone();
        ctl.andNot(leaves);
        ref = c.sum(c.span, ctl);
        mom = c.moments(c.st.baseMom, null, c.all);
        minRef = cfg.minCurrentEvents();
      }
    }
    List<Part> parts = new ArrayList<>();
    long n = evaluate(s, cur, ref, last, mom, cusumKey, minRef, parts);
    if (parts.isEmpty()) {
      return null;
    }
    Outcome o = new Outcome(rule, s, c.st.name, parts, n);
    o.leaves = leaves;
    return o;
  }

  /** Fills parts with the tests of one signal; returns the current sample size. */
  private long evaluate(
      Signal s, Agg cur, Agg ref, Agg last, Moments mom, String cusumKey, long minRef, List<Part> parts) {
    DetectionConfig.SignalPolicy pol = cfg.policy(s);
    long minCur = cfg.minCurrentEvents();
    switch (s.kind()) {
      case RATE -> {
        long n1 = cur.count();
        long n0 = ref.count();
        if (n1 < minCur || n0 < minRef) {
          return n1;
        }
        parts.add(ratePart("two_proportion", rateNum(s, cur), n1, rateNum(s, ref), n0, pol));
        return n1;
      }
      case DISTRIBUTION -> {
        long[] h1 = s == Signal.LATENCY ? cur.lat : cur.ttft;
        long[] h0 = s == Signal.LATENCY ? ref.lat : ref.ttft;
        long n1 = Stats.sum(h1);
        long n0 = Stats.sum(h0);
        if (n1 < minCur || n0 < minRef) {
          return n1;
        }
        int b = Stats.quantileBin(h0, cfg.tailQuantile());
        if (b < 0 || b >= LatencyBins.COUNT - 1) {
          return n1;
        }
        long e1 = 0;
        long e0 = 0;
        for (int i = b + 1; i < LatencyBins.COUNT; i++) {
          e1 += h1[i];
          e0 += h0[i];
        }
        Stats.Test t = Stats.proportionGreater(e1, n1, e0, n0, cfg.exactTestMinExpected());
        double q1 = Stats.quantile(h1, cfg.tailQuantile());
        double q0 = Stats.quantile(h0, cfg.tailQuantile());
        double psi = Stats.psi(h1, h0);
        double f = cfg.holdEffectFraction();
        Part p = new Part("tail_exceedance", t.pValue(), q1, q0, t.statistic());
        p.effectOk = up(q1, q0, pol.minAbsDelta(), pol.minRatio()) && psi >= cfg.minPsi();
        p.holdEffectOk =
            up(q1, q0, pol.minAbsDelta() * f, 1 + (pol.minRatio() - 1) * f)
                && psi >= cfg.minPsi() * f;
        parts.add(p);
        return n1;
      }
      case PER_EVENT_MEAN -> {
        long n1 = cur.count();
        long n0 = ref.count();
        int q = s == Signal.COST ? Moments.COST : Moments.TOK;
        double sigma = mom == null ? Double.NaN : mom.sigma(q);
        if (n1 < Math.max(minCur, cfg.minMeanEvents()) || n0 < minRef || !(sigma > 0)) {
          return n1;
        }
        double m1 = s == Signal.COST ? cur.d[Agg.COST] / n1 : (double) cur.tokens() / n1;
        double m0 = s == Signal.COST ? ref.d[Agg.COST] / n0 : (double) ref.tokens() / n0;
        Stats.Test t = Stats.meanShift(m1, n1, m0, n0, sigma, true, mom.df(q));
        double f = cfg.holdEffectFraction();
        Part p = new Part("mean_t", t.pValue(), m1, m0, t.statistic());
        p.effectOk = up(m1, m0, pol.minAbsDelta(), pol.minRatio());
        p.holdEffectOk = up(m1, m0, pol.minAbsDelta() * f, 1 + (pol.minRatio() - 1) * f);
        parts.add(p);
        return n1;
      }
      default -> {
        boolean g = s == Signal.GROUNDEDNESS;
        long n1 = cur.l[g ? Agg.G_COUNT : Agg.R_COUNT];
        long n0 = ref.l[g ? Agg.G_COUNT : Agg.R_COUNT];
        if (n1 < minCur || n0 < minRef) {
          return n1;
        }
        if (g) {
          parts.add(ratePart("low_score_rate", cur.l[Agg.G_LOW], n1, ref.l[Agg.G_LOW], n0, pol));
        }
        double m1 = cur.d[g ? Agg.G_SUM : Agg.R_SUM] / n1;
        double m0 = ref.d[g ? Agg.G_SUM : Agg.R_SUM] / n0;
        int q = g ? Moments.G : Moments.R;
        double sigma = mom == null ? Double.NaN : mom.sigma(q);
        double df = Double.POSITIVE_INFINITY;
        double sigmaUpper;
        if (sigma > 0) {
          df = mom.df(q);
          // upper 95 % confidence bound of sigma, for the CUSUM (which has no t correction)
          sigmaUpper = sigma * (1 + 1.645 / Math.sqrt(2 * df));
        } else {
          sigma = Math.sqrt(Math.max(m0 * (1 - m0), 0.0)); // bound for a [0,1] score
          sigmaUpper = sigma;
        }
        sigma = Math.max(sigma, 0.01);
        sigmaUpper = Math.max(sigmaUpper, 0.01);
        double drop = m0 - m1;
        double f = cfg.holdEffectFraction();
        Stats.Test t = Stats.meanShift(m1, n1, m0, n0, sigma, false, df);
        Part mz = new Part("mean_t", t.pValue(), m1, m0, t.statistic());
        mz.effectOk = drop >= cfg.minScoreDrop();
        mz.holdEffectOk = drop >= cfg.minScoreDrop() * f;
        parts.add(mz);
        if (cusumKey != null && last != null) {
          double s0 = cusums.getOrDefault(cusumKey, 0.0);
          long nl = last.l[g ? Agg.G_COUNT : Agg.R_COUNT];
          if (nl >= cfg.cusumMinPaneEvents()) {
            double ml = last.d[g ? Agg.G_SUM : Agg.R_SUM] / nl;
            double z = (m0 - ml) / (sigmaUpper / Math.sqrt(nl));
            s0 = Stats.cusumStep(s0, z, cfg.cusumK(), cfg.cusumClip());
            cusums.put(cusumKey, s0);
          }
          Part cp = new Part("cusum", Double.NaN, m1, m0, s0);
          cp.seq = true;
          cp.seqFired = s0 > cfg.cusumH();
          cp.threshold = cfg.cusumH();
          cp.effectOk = mz.effectOk;
          cp.holdEffectOk = false; // hysteresis uses the span tests only
          parts.add(cp);
        }
        return n1;
      }
    }
  }

  private Part ratePart(
      String name, long x1, long n1, long x0, long n0, DetectionConfig.SignalPolicy pol) {
    Stats.Test t = Stats.proportionGreater(x1, n1, x0, n0, cfg.exactTestMinExpected());
    double p1 = (double) x1 / n1;
    double p0 = (double) x0 / n0;
    double f = cfg.holdEffectFraction();
    Part p = new Part(name, t.pValue(), p1, p0, t.statistic());
    p.effectOk = up(p1, p0, pol.minAbsDelta(), pol.minRatio());
    p.holdEffectOk = up(p1, p0, pol.minAbsDelta() * f, 1 + (pol.minRatio() - 1) * f);
    return p;
  }

  private static long rateNum(Signal s, Agg a) {
    return switch (s) {
      case ERROR_RATE -> a.l[Agg.ERRORS];
      case REFUSAL -> a.l[Agg.REF_FULL] + a.l[Agg.REF_PART];
      case PII -> a.l[Agg.PII];
      case INJECTION -> a.l[Agg.INJ];
      case TOXICITY -> a.l[Agg.TOX];
      case REDACTION_FAILURE -> a.l[Agg.RED];
      default -> throw new IllegalArgumentException(s.id());
    };
  }

  private static boolean up(double obs, double base, double minAbs, double minRatio) {
    if (!(obs > base) || obs - base < minAbs) {
      return false;
    }
    return base <= 0 || obs / base >= minRatio;
  }

  private boolean holdBad(Part p) {
    return !p.seq && p.holdEffectOk && p.p < cfg.holdAlpha();
  }

  private boolean restBad(Outcome rest) {
    return rest != null
        && rest.parts.stream()
            .anyMatch(p -> !p.seq && p.holdEffectOk && p.p < cfg.explainAlpha());
  }

  // ---------------------------------------------------------------- attribution

  private static final Comparator<Rep> REP_PREFERENCE =
      Comparator.comparingInt((Rep r) -> r.leaves.cardinality())
          .thenComparingInt(r -> r.dims.size())
          .thenComparing(r -> r.key);

  /** True when x's leaves explain y's finding: y's traffic outside x looks normal. */
  private boolean explains(Ctx c, BitSet x, Outcome y) {
    BitSet rest = (BitSet) y.leaves.clone();
    rest.andNot(x);
    if (rest.isEmpty()) {
      return true;
    }
    return !restBad(evaluateSubset(c, y.rule, y.signal, rest, null));
  }

  private List<Outcome> attribute(Ctx c, List<Outcome> cands) {
    int n = cands.size();
    if (n == 1) {
      return cands;
    }
    boolean[][] ex = new boolean[n][n]; // ex[i][j]: i explains j
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          ex[i][j] =
              cands.get(i).leaves.intersects(cands.get(j).leaves)
                  && explains(c, cands.get(i).leaves, cands.get(j));
        }
      }
    }
    List<Outcome> out = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      boolean suppressed = false;
      for (int i = 0; i < n && !suppressed; i++) {
        if (i != j && ex[i][j]) {
          suppressed =
              !ex[j][i] || REP_PREFERENCE.compare(cands.get(i).rep, cands.get(j).rep) < 0;
        }
      }
      if (!suppressed) {
        out.add(cands.get(j));
      }
    }
    if (out.isEmpty()) {
      out.add(cands.stream().min(Comparator.comparing(o -> o.rep, REP_PREFERENCE)).orElseThrow());
    }
    return out;
  }

  /** y duplicates an alert or finding on segment (dims, leaves) of the same signal. */
  private boolean related(Ctx c, Map<String, String> dims, BitSet leaves, Outcome y) {
    if (!leaves.intersects(y.leaves)) {
      return false;
    }
    if (nested(dims, y.rep.dims) || nested(y.rep.dims, dims)) {
      return true;
    }
    return explains(c, leaves, y);
  }

  private static boolean nested(Map<String, String> small, Map<String, String> big) {
    return big.entrySet().containsAll(small.entrySet());
  }

  // ---------------------------------------------------------------- alerts

  private Alert firing(Ctx c, Outcome y, long ws, long we) {
    Part p = y.decisive;
    String id = alertId(y.rule, y.signal, y.rep.key, ws);
    return new Alert(
        id, y.rule, y.signal.id(), severity(y.signal, p), Alert.FIRING, y.rep.dims, ws, we,
        p.observed, p.baseline, p.statistic, p.seq ? null : p.p, p.threshold, y.n,
        exemplars(c, y.rep.leaves, y.signal));
  }

  private Alert resolved(Active a, Outcome o, long ws, long we) {
    Alert f = a.firing;
    Part p = o == null ? null : o.parts.get(0);
    return new Alert(
        f.alertId(), f.rule(), f.signal(), f.severity(), Alert.RESOLVED, f.segment(), ws, we,
        p == null ? Double.NaN : p.observed, p == null ? null : p.baseline,
        p == null ? null : p.statistic, p == null ? null : p.p, cfg.holdAlpha(),
        o == null ? 0 : o.n, List.of());
  }

  private String severity(Signal s, Part p) {
    if (s.safety()) {
      return Alert.CRITICAL;
    }
    if (s == Signal.ERROR_RATE && p.observed - p.baseline >= cfg.criticalErrorRateDelta()) {
      return Alert.CRITICAL;
    }
    return Alert.WARNING;
  }

  private static List<String> exemplars(Ctx c, BitSet leaves, Signal s) {
    List<String> out = new ArrayList<>();
    var wins = c.st.recent.descendingIterator();
    while (wins.hasNext() && out.size() < WindowObservation.MAX_EXEMPLARS) {
      Win w = wins.next();
      for (int i = leaves.nextSetBit(0); i >= 0; i = leaves.nextSetBit(i + 1)) {
        Map<String, List<String>> ex = w.exemplars.get(c.leafKeys.get(i));
        if (ex == null) {
          continue;
        }
        for (String id : ex.getOrDefault(s.id(), List.of())) {
          if (out.size() < WindowObservation.MAX_EXEMPLARS && !out.contains(id)) {
            out.add(id);
          }
        }
      }
    }
    return out;
  }

  static String alertKey(String rule, Signal s, String segKey) {
    return rule + "|" + s.id() + "|" + segKey;
  }

  static String alertId(String rule, Signal s, String segKey, long windowStart) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] h =
          md.digest(
              (alertKey(rule, s, segKey) + "|" + windowStart).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Canonical key of a segment map: sorted {@code key=value} pairs joined by '|'. */
  static String segKey(Map<String, String> dims) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(dims).entrySet()) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- state

  private Ctx buildCtx(ServiceState st, long windowStart) {
    Ctx c = new Ctx(st);
    TreeSet<String> keys = new TreeSet<>(st.base.keySet());
    st.recent.forEach(w -> keys.addAll(w.leaves.keySet()));
    c.pinnedReady = st.pinned != null && windowStart >= st.pinned.toMs() && st.pinPanes > 0;
    if (c.pinnedReady) {
      keys.addAll(st.pin.keySet());
    }
    c.trailingReady = st.accepted.size() >= cfg.minBaselinePanes();
    int n = keys.size();
    c.leafKeys = new ArrayList<>(keys);
    c.span = new Agg[n];
    c.last = new Agg[n];
    c.base = new Agg[n];
    c.pin = new Agg[n];
    c.all = new BitSet();
    c.all.set(0, n);
    Win newest = st.recent.peekLast();
    Map<String, Seg> fam = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String k = c.leafKeys.get(i);
      Agg sp = null;
      for (Win w : st.recent) {
        Agg a = w.leaves.get(k);
        if (a != null) {
          sp = sp == null ? a.copy() : sp.add(a);
        }
      }
      c.span[i] = sp;
      c.last[i] = newest == null ? null : newest.leaves.get(k);
      c.base[i] = st.base.get(k);
      c.pin[i] = c.pinnedReady ? st.pin.get(k) : null;
      Map<String, String> dims = st.leafDims.get(k);
      for (Map.Entry<String, Map<String, String>> sd : st.familyOf(k).entrySet()) {
        fam.computeIfAbsent(sd.getKey(), x -> new Seg(sd.getValue())).leaves.set(i);
      }
      String v = dims.get(VARIANT);
      if (v == null || cfg.controlVariants().contains(v)) {
        c.control.set(i);
      }
    }
    Map<BitSet, List<Seg>> groups = new LinkedHashMap<>();
    for (Seg s : fam.values()) {
      groups.computeIfAbsent(s.leaves, x -> new ArrayList<>()).add(s);
    }
    Map<String, Rep> repOf = new HashMap<>();
    for (Map.Entry<BitSet, List<Seg>> g : groups.entrySet()) {
      List<Seg> segs = g.getValue();
      int minSize = segs.stream().mapToInt(s -> s.dims.size()).min().orElseThrow();
      TreeMap<String, String> dims = new TreeMap<>();
      for (Seg s : segs) {
        if (s.dims.size() == minSize) {
          dims.putAll(s.dims);
        }
      }
      Rep r = new Rep(dims, segKey(dims), g.getKey());
      for (Seg s : segs) {
        r.members.add(segKey(s.dims));
        repOf.put(segKey(s.dims), r);
      }
      r.span = c.sum(c.span, r.leaves);
      r.last = c.sum(c.last, r.leaves);
      r.base = c.sum(c.base, r.leaves);
      r.pin = c.sum(c.pin, r.leaves);
      c.reps.add(r);
    }
    if (!c.control.isEmpty()) {
      Set<Rep> seen = new LinkedHashSet<>();
      for (Map.Entry<String, Seg> e : fam.entrySet()) {
        Map<String, String> d = e.getValue().dims;
        if (d.size() == 2 && d.containsKey(VARIANT) && !cfg.controlVariants().contains(d.get(VARIANT))) {
          Rep r = repOf.get(e.getKey());
          if (!r.leaves.intersects(c.control) && seen.add(r)) {
            c.treatments.add(r);
          }
        }
      }
    }
    return c;
  }

  /** The family segments a leaf belongs to: its service, single-dimension roll-ups, itself. */
  private List<Map<String, String>> family(String service, Map<String, String> leafDims) {
    List<Map<String, String>> out = new ArrayList<>();
    TreeMap<String, String> svc = new TreeMap<>();
    svc.put(SERVICE, service);
    out.add(svc);
    for (String d : cfg.rollupDimensions()) {
      String v = leafDims.get(d);
      if (v != null) {
        TreeMap<String, String> m = new TreeMap<>(svc);
        m.put(d, v);
        out.add(m);
      }
    }
    TreeMap<String, String> leaf = new TreeMap<>(leafDims);
    leaf.put(SERVICE, service);
    out.add(leaf);
    return out;
  }

  private final class ServiceState {
    final String name;
    final Map<String, Map<String, String>> leafDims = new HashMap<>();
    private final Map<String, Map<String, Map<String, String>>> families = new HashMap<>();

    /** Family segments of a leaf, key → dims, cached. */
    Map<String, Map<String, String>> familyOf(String leafKey) {
      return families.computeIfAbsent(
          leafKey,
          k -> {
            Map<String, Map<String, String>> m = new LinkedHashMap<>();
            for (Map<String, String> sd : family(name, leafDims.get(k))) {
              m.put(segKey(sd), sd);
            }
            return m;
          });
    }
    final ArrayDeque<Win> recent = new ArrayDeque<>();
    final ArrayDeque<Win> pending = new ArrayDeque<>();
    final ArrayDeque<Win> accepted = new ArrayDeque<>();
    final Map<String, Agg> base = new HashMap<>();
    final Map<String, Moments> baseMom = new HashMap<>();
    final Map<String, Agg> pin = new HashMap<>();
    final Map<String, Moments> pinMom = new HashMap<>();
    final DetectionConfig.PinnedBaseline pinned;
    int pinPanes;

    ServiceState(String name) {
      this.name = name;
      this.pinned =
          cfg.pinnedBaselines().stream()
              .filter(p -> p.serviceName().equals(name))
              .findFirst()
              .orElse(null);
    }

    void push(Win w) {
      w.dims.forEach(leafDims::putIfAbsent);
      // per-window moments of the family segments
      Map<String, Agg> segAggs = new HashMap<>();
      w.leaves.forEach(
          (k, a) -> {
            for (String sk : familyOf(k).keySet()) {
              segAggs.computeIfAbsent(sk, x -> new Agg()).add(a);
            }
          });
      segAggs.forEach((k, a) -> w.moments.put(k, Moments.ofPane(a)));
      recent.addLast(w);
      while (recent.size() > cfg.evaluationPanes()) {
        recent.removeFirst();
      }
      pending.addLast(w);
      if (pinned != null && w.start >= pinned.fromMs() && w.start < pinned.toMs()) {
        addInto(pin, pinMom, w, 1);
        pinPanes++;
      }
    }

    void advance() {
      while (pending.size() > cfg.baselineGapPanes()) {
        Win w = pending.removeFirst();
        if (w.tainted) {
          continue;
        }
        accepted.addLast(w);
        addInto(base, baseMom, w, 1);
        while (accepted.size() > cfg.baselinePanes()) {
          addInto(base, baseMom, accepted.removeFirst(), -1);
        }
      }
    }

    private void addInto(Map<String, Agg> aggs, Map<String, Moments> moms, Win w, int sign) {
      w.leaves.forEach(
          (k, a) -> {
            Agg t = aggs.computeIfAbsent(k, x -> new Agg());
            if (sign > 0) {
              t.add(a);
            } else {
              t.subtract(a);
              if (t.isEmpty()) {
                aggs.remove(k);
              }
            }
          });
      w.moments.forEach(
          (k, m) -> {
            Moments t = moms.computeIfAbsent(k, x -> new Moments());
            t.add(m, sign);
            if (t.empty()) {
              moms.remove(k);
            }
          });
    }
  }

  private static final class Win {
    final long start;
    final TreeMap<String, Agg> leaves = new TreeMap<>();
    final Map<String, Map<String, String>> dims = new TreeMap<>();
    final Map<String, Map<String, List<String>>> exemplars = new TreeMap<>();
    final Map<String, Moments> moments = new HashMap<>();
    boolean tainted;

    Win(long start) {
      this.start = start;
    }
  }

  /** Pane-level moments of per-event quantities, for dispersion-based standard deviations. */
  static final class Moments {
    static final int G = 0, R = 1, COST = 2, TOK = 3;
    final double[] panes = new double[4];
    final double[] n = new double[4];
    final double[] sum = new double[4];
    final double[] sumSqOverN = new double[4];

    static Moments ofPane(Agg a) {
      Moments m = new Moments();
      m.put(G, a.l[Agg.G_COUNT], a.d[Agg.G_SUM]);
      m.put(R, a.l[Agg.R_COUNT], a.d[Agg.R_SUM]);
      m.put(COST, a.count(), a.d[Agg.COST]);
      m.put(TOK, a.count(), a.tokens());
      return m;
    }

    private void put(int q, long count, double s) {
      if (count > 0) {
        panes[q] = 1;
        n[q] = count;
        sum[q] = s;
        sumSqOverN[q] = s * s / count;
      }
    }

    void add(Moments o, int sign) {
      for (int q = 0; q < 4; q++) {
        panes[q] += sign * o.panes[q];
        n[q] += sign * o.n[q];
        sum[q] += sign * o.sum[q];
        sumSqOverN[q] += sign * o.sumSqOverN[q];
      }
    }

    boolean empty() {
      return panes[0] < 0.5 && panes[1] < 0.5 && panes[2] < 0.5;
    }

    double df(int q) {
      return panes[q] - 1;
    }

    double sigma(int q) {
      return Stats.sigmaFromPanes(panes[q], n[q], sum[q], sumSqOverN[q]);
    }
  }

  private final class Ctx {
    final ServiceState st;
    List<String> leafKeys;
    Agg[] span;
    Agg[] last;
    Agg[] base;
    Agg[] pin;
    BitSet all;
    final BitSet control = new BitSet();
    final List<Rep> reps = new ArrayList<>();
    final List<Rep> treatments = new ArrayList<>();
    boolean trailingReady;
    boolean pinnedReady;

    Ctx(ServiceState st) {
      this.st = st;
    }

    boolean ready(String rule) {
      return switch (rule) {
        case RULE_TRAILING -> trailingReady;
        case RULE_PINNED -> pinnedReady;
        default -> !treatments.isEmpty();
      };
    }

    Agg sum(Agg[] arr, BitSet bs) {
      Agg s = new Agg();
      for (int i = bs.nextSetBit(0); i >= 0; i = bs.nextSetBit(i + 1)) {
        if (arr[i] != null) {
          s.add(arr[i]);
        }
      }
      return s;
    }

    BitSet leavesOf(Map<String, String> dims) {
      BitSet bs = new BitSet();
      for (int i = 0; i < leafKeys.size(); i++) {
        Map<String, String> ld = new TreeMap<>(st.leafDims.get(leafKeys.get(i)));
        ld.put(SERVICE, st.name);
        if (nested(dims, ld)) {
          bs.set(i);
        }
      }
      return bs;
    }

    /** Moments of the rep (any member), else of the service. */
    Moments moments(Map<String, Moments> moms, Rep rep, BitSet leaves) {
      if (rep != null) {
        for (String k : rep.members) {
          Moments m = moms.get(k);
          if (m != null) {
            return m;
          }
        }
      }
      return moms.get(segKey(Map.of(SERVICE, st.name)));
    }
  }

  private static final class Seg {
    final Map<String, String> dims;
    final BitSet leaves = new BitSet();

    Seg(Map<String, String> dims) {
      this.dims = dims;
    }
  }

  private static final class Rep {
    final Map<String, String> dims;
    final String key;
    final BitSet leaves;
    final List<String> members = new ArrayList<>();
    Agg span;
    Agg last;
    Agg base;
    Agg pin;

    Rep(Map<String, String> dims, String key, BitSet leaves) {
      this.dims = Map.copyOf(dims);
      this.key = key;
      this.leaves = leaves;
    }
  }

  private static final class Part {
    final String test;
    final double p;
    final double observed;
    final double baseline;
    final double statistic;
    boolean seq;
    boolean seqFired;
    boolean effectOk;
    boolean holdEffectOk;
    double threshold = Double.NaN;

    Part(String test, double p, double observed, double baseline, double statistic) {
      this.test = test;
      this.p = p;
      this.observed = observed;
      this.baseline = baseline;
      this.statistic = statistic;
    }
  }

  private static final class Outcome {
    final String rule;
    final Signal signal;
    final String service;
    final List<Part> parts;
    final long n;
    BitSet leaves;
    Rep rep;
    Part decisive;

    String familyKey() {
      return service + "|" + signal.id() + "|" + rule;
    }

    Outcome(String rule, Signal signal, String service, List<Part> parts, long n) {
      this.rule = rule;
      this.signal = signal;
      this.service = service;
      this.parts = parts;
      this.n = n;
    }
  }

  private static final class Active {
    final String key;
    final String rule;
    final Signal signal;
    final String service;
    final Map<String, String> dims;
    final Alert firing;
    int clean;

    Active(String key, String rule, Signal signal, String service, Map<String, String> dims, Alert firing) {
      this.key = key;
      this.rule = rule;
      this.signal = signal;
      this.service = service;
      this.dims = dims;
      this.firing = firing;
    }
  }
}
