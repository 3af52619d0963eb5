package dev.llmqm.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one command; unknown or incomplete options are usage errors. */
public final class Args {
  private final Map<String, String> values = new HashMap<>();

  public Args(List<String> args, Set<String> known) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        throw new UsageException("unexpected argument '" + a + "'");
      }
      String name = a.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else {
        if (i + 1 >= args.size()) {
          throw new UsageException("--" + name + " needs a value");
        }
        value = args.get(++i);
      }
      if (!known.contains(name)) {
        throw new UsageException("unknown option --" + name + " (known: " + String.join(", ", known.stream().sorted().map(k -> "--" + k).toList()) + ")");
      }
      values.put(name, value);
    }
  }

  public String get(String name) {
    return values.get(name);
  }

  public String require(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new UsageException("--" + name + " is required");
    }
    return v;
  }

  public double number(String name, double defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number, was '" + v + "'");
    }
  }

  /** A command-line mistake; exits with status 2. */
  public static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }
}
