package dev.llmqm.scoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton over sequences of int symbols (token ids). Immutable after construction and safe for
 * concurrent use. Symbol {@code -1} (an unknown token) resets matching to the root.
 */
final class AhoCorasick {

  /** Receives each match: the pattern index and the position of its last symbol. */
  interface Hits {
    void hit(int pattern, int end);
  }

  // built with maps, then frozen into arrays so that a search neither boxes nor hashes
  /** Per node: its children's symbols in ascending order, and the children in the same order. */
  private final int[][] symbolsOf;
  private final int[][] childrenOf;
  private final int[] failOf;
  /** Patterns ending at each node, including those reachable via the dictionary-suffix links. */
  private final int[][] out;
  /**
   * The root's child per symbol (-1 for none): the root has a child for nearly every symbol, and text of known
   * tokens falls back to it at almost every step.
   */
  private final int[] rootChild;

  /** Builds the automaton for {@code patterns} (each a non-empty sequence of non-negative symbols). */
  AhoCorasick(List<int[]> patterns) {
    List<Map<Integer, Integer>> next = new ArrayList<>();
    List<Integer> fail = new ArrayList<>();
    List<List<Integer>> outputs = new ArrayList<>();
    newNode(next, fail, outputs);
    for (int p = 0; p < patterns.size(); p++) {
      int node = 0;
      for (int sym : patterns.get(p)) {
        Integer child = next.get(node).get(sym);
        if (child == null) {
          child = newNode(next, fail, outputs);
          next.get(node).put(sym, child);
        }
        node = child;
      }
      outputs.get(node).add(p);
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int child : next.get(0).values()) {
      fail.set(child, 0);
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (Map.Entry<Integer, Integer> e : next.get(node).entrySet()) {
        int sym = e.getKey();
        int child = e.getValue();
        int f = fail.get(node);
        while (f != 0 && !next.get(f).containsKey(sym)) {
          f = fail.get(f);
        }
        Integer target = next.get(f).get(sym);
        int link = target != null && target != child ? target : 0;
        fail.set(child, link);
        outputs.get(child).addAll(outputs.get(link));
        queue.add(child);
      }
    }
    int nodes = next.size();
    symbolsOf = new int[nodes][];
    childrenOf = new int[nodes][];
    failOf = new int[nodes];
    out = new int[nodes][];
    for (int node = 0; node < nodes; node++) {
      int[] syms = next.get(node).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      int[] kids = new int[syms.length];
      for (int k = 0; k < syms.length; k++) {
        kids[k] = next.get(node).get(syms[k]);
      }
      symbolsOf[node] = syms;
      childrenOf[node] = kids;
      failOf[node] = fail.get(node);
      out[node] = outputs.get(node).stream().mapToInt(Integer::intValue).toArray();
    }
    int maxSymbol = -1;
    for (int[] syms : symbolsOf) {
      maxSymbol = syms.length == 0 ? maxSymbol : Math.max(maxSymbol, syms[syms.length - 1]);
    }
    rootChild = new int[maxSymbol + 1];
    Arrays.fill(rootChild, -1);
    for (int k = 0; k < symbolsOf[0].length; k++) {
      rootChild[symbolsOf[0][k]] = childrenOf[0][k];
    }
  }

  /** The child of {@code node} on {@code sym}, or -1. */
  private int child(int node, int sym) {
    if (node == 0) {
      return sym < rootChild.length ? rootChild[sym] : -1;
    }
    int k = Arrays.binarySearch(symbolsOf[node], sym);
    return k >= 0 ? childrenOf[node][k] : -1;
  }

  private static int newNode(
      List<Map<Integer, Integer>> next, List<Integer> fail, List<List<Integer>> outputs) {
    next.add(new HashMap<>(4));
    fail.add(0);
    outputs.add(new ArrayList<>(1));
    return next.size() - 1;
  }

  /** Streams {@code symbols[0, length)} through the automaton, reporting every match. */
  void search(int[] symbols, int length, Hits hits) {
    int node = 0;
    for (int i = 0; i < length; i++) {
      int sym = symbols[i];
      if (sym < 0) {
        node = 0;
        continue;
      }
      int child = child(node, sym);
      while (child < 0 && node != 0) {
        node = failOf[node];
        child = child(node, sym);
      }
      node = child < 0 ? 0 : child;
      for (int p : out[node]) {
        hits.hit(p, i);
      }
    }
  }
}
