package dev.llmqm.detect;

/** Mutable sum of panes, internal to the detector (add and subtract, no exemplars). */
final class Agg {
  static final int COUNT = 0, ERRORS = 1, PII = 2, INJ = 3, TOX = 4, RED = 5, REF_FULL = 6;
  static final int REF_PART = 7, G_COUNT = 8, G_LOW = 9, R_COUNT = 10, IN_TOK = 11, OUT_TOK = 12;
  static final int N_LONGS = 13;
  static final int G_SUM = 0, R_SUM = 1, COST = 2;
  static final int N_DOUBLES = 3;

  final long[] l = new long[N_LONGS];
  final double[] d = new double[N_DOUBLES];
  final long[] lat = new long[LatencyBins.COUNT];
  final long[] ttft = new long[LatencyBins.COUNT];

  static Agg of(WindowObservation o) {
    Agg a = new Agg();
    a.l[COUNT] = o.count();
    a.l[ERRORS] = o.errors();
    a.l[PII] = o.piiEvents();
    a.l[INJ] = o.injectionEvents();
    a.l[TOX] = o.toxicEvents();
    a.l[RED] = o.redactionFailures();
    a.l[REF_FULL] = o.refusalFull();
    a.l[REF_PART] = o.refusalPartial();
    a.l[G_COUNT] = o.groundednessCount();
    a.l[G_LOW] = o.groundednessLow();
    a.l[R_COUNT] = o.relevanceCount();
    a.l[IN_TOK] = o.inputTokens();
    a.l[OUT_TOK] = o.outputTokens();
    a.d[G_SUM] = o.groundednessSum();
    a.d[R_SUM] = o.relevanceSum();
    a.d[COST] = o.costUsd();
    System.arraycopy(o.latencyHistogram(), 0, a.lat, 0, LatencyBins.COUNT);
    System.arraycopy(o.ttftHistogram(), 0, a.ttft, 0, LatencyBins.COUNT);
    return a;
  }

  Agg add(Agg o) {
    return addScaled(o, 1);
  }

  Agg subtract(Agg o) {
    return addScaled(o, -1);
  }

  private Agg addScaled(Agg o, int sign) {
    for (int i = 0; i < N_LONGS; i++) l[i] += sign * o.l[i];
    for (int i = 0; i < N_DOUBLES; i++) d[i] += sign * o.d[i];
    for (int i = 0; i < LatencyBins.COUNT; i++) {
      lat[i] += sign * o.lat[i];
      ttft[i] += sign * o.ttft[i];
    }
    return this;
  }

  Agg copy() {
    return new Agg().add(this);
  }

  boolean isEmpty() {
    return l[COUNT] == 0 && l[G_COUNT] == 0 && l[R_COUNT] == 0 && Stats.sum(lat) == 0;
  }

  long count() {
    return l[COUNT];
  }

  long tokens() {
    return l[IN_TOK] + l[OUT_TOK];
  }
}
