package dev.llmqm.scoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
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

  private final List<Map<Integer, Integer>> next = new ArrayList<>();
  private final List<Integer> fail = new ArrayList<>();
  /** Patterns ending at each node, including those reachable via the dictionary-suffix links. */
  private final List<int[]> out = new ArrayList<>();

  /** Builds the automaton for {@code patterns} (each a non-empty sequence of non-negative symbols). */
  AhoCorasick(List<int[]> patterns) {
    List<List<Integer>> outputs = new ArrayList<>();
    newNode(outputs);
    for (int p = 0; p < patterns.size(); p++) {
      int node = 0;
      for (int sym : patterns.get(p)) {
        Integer child = next.get(node).get(sym);
        if (child == null) {
          child = newNode(outputs);
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
    for (List<Integer> o : outputs) {
      out.add(o.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  private int newNode(List<List<Integer>> outputs) {
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
      while (node != 0 && !next.get(node).containsKey(sym)) {
        node = fail.get(node);
      }
      Integer child = next.get(node).get(sym);
      node = child == null ? 0 : child;
      for (int p : out.get(node)) {
        hits.hit(p, i);
      }
    }
  }
}
