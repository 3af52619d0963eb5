package dev.llmqm.scoring;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains {@link InjectionModel} from two labelled line files (attacks, benign text; one text per line, '#'
 * comments, "CONTEXT: " before text retrieved as context) by stochastic gradient descent on the log loss with a
 * little L2, in a fixed order drawn from a fixed seed: the same files give the same weights on every JVM.
 *
 * <pre>
 * java -cp monitor-app/target/monitor-app.jar dev.llmqm.scoring.InjectionModelTrainer \
 *   monitor-app/src/main/resources/scoring/injection-model.tsv \
 *   monitor-app/src/test/resources/scoring/injection-attacks.txt \
 *   monitor-app/src/test/resources/scoring/injection-benign.txt \
 *   monitor-app/src/test/resources/scoring/injection-ordinary.txt
 * </pre>
 */
public final class InjectionModelTrainer {

  static final int EPOCHS = 30;
  static final double LEARNING_RATE = 0.5;
  static final double L2 = 1e-4;
  static final long SEED = 1;

  private InjectionModelTrainer() {}

  /** Arguments: the model file to write, the attacks file, then one or more files of benign text. */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: InjectionModelTrainer OUT.tsv ATTACKS.txt BENIGN.txt [MORE_BENIGN.txt ...]");
      System.exit(2);
    }
    List<String> attacks = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    List<String> benign = new ArrayList<>();
    StringBuilder names = new StringBuilder();
    for (int i = 2; i < args.length; i++) {
      benign.addAll(Files.readAllLines(Path.of(args[i]), StandardCharsets.UTF_8));
      names.append(i == 2 ? "" : ", ").append(Path.of(args[i]).getFileName());
    }
    String model = write(train(attacks, benign), "trained from " + Path.of(args[1]).getFileName()
        + " (attacks) and " + names + " (benign)");
    Files.writeString(Path.of(args[0]), model, StandardCharsets.UTF_8);
    System.out.println("wrote " + args[0]);
  }

  /** The weights (index {@link InjectionModel#DIM} is the bias) trained on the two sets of lines. */
  static double[] train(List<String> attackLines, List<String> benignLines) {
    List<int[]> features = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    add(attackLines, 1, features, labels);
    add(benignLines, 0, features, labels);
    double[] w = new double[InjectionModel.DIM + 1];
    int n = features.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(SEED);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int e : order) {
        int[] f = features.get(e);
        double z = w[InjectionModel.DIM];
        for (int i : f) {
          z += w[i];
        }
        double g = InjectionModel.sigmoid(z) - labels.get(e);
        double step = g / Math.sqrt(f.length);
        for (int i : f) {
          w[i] -= LEARNING_RATE * (step + L2 * w[i]);
        }
        w[InjectionModel.DIM] -= LEARNING_RATE * g * 0.1;
      }
    }
    return w;
  }

  private static void add(List<String> lines, int label, List<int[]> features, List<Integer> labels) {
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      boolean retrieved = l.startsWith("CONTEXT: ");
      features.add(InjectionModel.features(retrieved ? l.substring(9) : l, retrieved));
      labels.add(label);
    }
  }

  /** The model file for weights {@code w}: weights below 1e-6 in size are left out. */
  static String write(double[] w, String provenance) {
    StringWriter out = new StringWriter();
    PrintWriter p = new PrintWriter(out);
    p.println("# Prompt-injection model of LLM Quality Monitor: logistic regression over hashed word unigrams and");
    p.println("# bigrams (dev.llmqm.scoring.InjectionModel),");
    p.println("# " + provenance);
    p.println("# by dev.llmqm.scoring.InjectionModelTrainer. Generated: do not edit; retrain instead.");
    p.println("bias\t" + format(w[InjectionModel.DIM]));
    p.println("dim_bits\t" + InjectionModel.DIM_BITS);
    for (int i = 0; i < InjectionModel.DIM; i++) {
      if (Math.abs(w[i]) >= 1e-6) {
        p.println(i + "\t" + format(w[i]));
      }
    }
    p.flush();
    return out.toString();
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
