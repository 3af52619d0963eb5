package dev.llmqm.scoring;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds PII and secrets in one text field. Each type has a cheap literal prefilter, then an RE2J pattern
 * (linear-time on hostile input), then a validator that rejects near misses:
 *
 * <ul>
 *   <li>{@code EMAIL}: only when '@' occurs, or "at" in brackets ("jane [at] example [dot] com"); image-density
 *       suffixes such as {@code icon@2x.png} are rejected.
 *   <li>{@code PHONE}: national formats only for the configured home regions ({@code US}/{@code CA}: NANP with
 *       valid area code and exchange, separators required; {@code GB}: trunk-0 numbers), {@code +CC} numbers
 *       with an assigned country code and 8–15 digits otherwise. Digits glued to other digits, dots or dashes
 *       (dates, versions, order numbers, prices) are rejected, as are numbers labelled "order/invoice/… no".
 *   <li>{@code CREDIT_CARD}: 13–19 digits with optional single space/dash separators, a known issuer prefix
 *       and a valid Luhn checksum; bad checksums, ISBNs (978/979), tracking numbers, numbers labelled "order/serial/…
 *       no" and a part of a longer dashed number are not cards.
 *   <li>{@code IBAN}: country code, length from the registry table and mod-97 = 1.
 *   <li>{@code US_SSN}: {@code ddd-dd-dddd} (dash or space), rejecting area 000/666/900–999, group 00, serial
 *       0000 and the well-known fakes 123-45-6789 and 078-05-1120.
 *   <li>{@code IP_ADDRESS}: IPv4 with octets 0–255 and no leading zeros, not preceded by a version-like word
 *       ("v", "version", "release", "build", "section", …) and not part of a longer dotted number; loopback,
 *       0.x, multicast/broadcast (≥ 224) and networks in CIDR notation ("10.0.0.0/8") are not reported. IPv6 in
 *       full or {@code ::}-compressed form.
 *   <li>{@code SECRET}: provider key prefixes (OpenAI, Anthropic, AWS, GitHub, GitLab, Hugging Face, Slack,
 *       Google, Stripe), Slack webhook URLs, PEM private keys, JWTs, HTTP basic credentials, credentials assigned
 *       in config ({@code password=…}) or stated in prose ("the password is …"), the password of a URL's user
 *       ({@code postgres://user:…@host}, which is then no e-mail address), and high-entropy tokens of 32–128
 *       chars that mix lower case, upper case and digits with Shannon entropy ≥ 4.0 bits/char. Plain hex (hashes,
 *       UUIDs, commit ids) is deliberately not a secret: it is ubiquitous and mostly benign in LLM output.
 * </ul>
 *
 * Regular expressions run only in small windows around candidates, at most {@link #MAX_WINDOWS} per type and
 * at most {@link #REGEX_CHARS} chars of windows per family of checks, so text made of near misses costs a bounded
 * amount. Thread-safe: patterns are compiled once; matchers are per call.
 */
public final class PiiScorer {

  /** Anchored: run from the first char of the local part, found by scanning back from the '@'. */
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,62}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,62}[A-Za-z0-9])?){0,8}\\.[A-Za-z]{2,24}");
  private static final Set<String> FILE_TLDS =
      Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "tif", "tiff", "css", "js", "ts");
  private static final Pattern GB = Pattern.compile("\\(?0\\d{2,4}\\)?[ \\-]?\\d{3,4}[ \\-]?\\d{3,4}");
  private static final Pattern INTL =
      Pattern.compile("\\+\\d{1,3}(?:[ .\\-]?\\(?\\d{1,10}\\)?){1,6}");
  private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,34}");
  private static final Pattern SECRET_ASSIGNMENT =
      Pattern.compile(
          "(?i)(?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|api[_-]?token"
              + "|refresh[_-]?token|session[_-]?token|bot[_-]?token|client[_-]?secret"
              + "|secret[_-]?access[_-]?key|private[_-]?key|bearer)[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?"
              + "([^\\s\"'<>,;]{8,128})");
  /** {@link #SECRET_ASSIGNMENT} anchored: run at a key hint, it fails within a few chars when none follows. */
  private static final Pattern SECRET_ASSIGNMENT_AT_START = Pattern.compile("^(?:" + SECRET_ASSIGNMENT.pattern() + ")");
  /** Chars from a key's start to its ':' or '=': "secret_access_key", a quote and three spaces. */
  private static final int ASSIGNMENT_REACH = "secret_access_key".length() + 1 + 3 + 1;
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}");
  private static final Pattern SECRET =
      Pattern.compile(
          "sk-(?:proj-|ant-(?:[a-z]{3}\\d{2}-)?|svcacct-|admin-)?[A-Za-z0-9_\\-]{20,}"
              + "|(?:AKIA|ASIA)[0-9A-Z]{16}"
              + "|gh[pousr]_[A-Za-z0-9]{30,}"
              + "|github_pat_[A-Za-z0-9_]{22,}"
              + "|glpat-[A-Za-z0-9_\\-]{20,}"
              + "|hf_[A-Za-z0-9]{30,}"
              + "|xox[baprs]-[A-Za-z0-9\\-]{10,}"
              + "|AIza[0-9A-Za-z_\\-]{30,}"
              + "|(?:sk|rk)_live_[0-9A-Za-z]{16,}"
              + "|-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----"
              + "|eyJ[A-Za-z0-9_\\-]{5,}\\.eyJ[A-Za-z0-9_\\-]{5,}\\.[A-Za-z0-9_\\-]*");
  /** {@link #SECRET} anchored: it runs once at each hint and stops as soon as no key format can match. */
  private static final Pattern SECRET_AT_START = Pattern.compile("^(?:" + SECRET.pattern() + ")");
  /** Chars after an "eyJ" hint that a JWT's header and payload may span. */
  private static final int JWT_WINDOW = 1024;
  /** Chars after any other key hint that a key may span: provider keys are shorter. */
  private static final int SECRET_WINDOW = 256;
  private static final String[] SECRET_HINTS = {
    "sk-", "AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "hf_", "xox", "AIza",
    "_live_", "-----BEGIN", "eyJ", "hooks.slack.com/"
  };
  /** Lower-case keys looked for, in any case, before {@link #SECRET_ASSIGNMENT}. */
  private static final String[] ASSIGNMENT_HINTS = {
    "password", "passwd", "pwd", "secret", "api_key", "api-key", "apikey", "access_token", "access-token",
    "auth_token", "auth-token", "api_token", "api-token", "apitoken", "refresh_token", "refresh-token",
    "session_token", "session-token", "bot_token", "bot-token", "private_key", "bearer"
  };

  private static final String[] LABEL_WORDS = {
    "order", "invoice", "tracking", "ref", "reference", "serial", "isbn", "sku", "part", "ticket",
    "confirmation", "case", "account", "acct", "id", "po", "model", "item", "transaction", "booking"
  };
  private static final String[] VERSION_WORDS = {
    "v", "ver", "version", "release", "build", "firmware", "rev", "revision", "tag", "patch", "update",
    "section", "chapter", "step", "clause", "rule", "figure", "fig", "table", "§", "oid", "sdk",
    // software named right before its version ("app 4.2.1.0", "Android 4.4.2.1", "upgraded to 2.0.1.3")
    "app", "os", "ios", "android", "windows", "macos", "python", "java", "node", "chrome", "firefox", "kernel",
    "driver", "package", "plugin", "library", "edition", "upgrade", "upgraded", "updated", "bumped", "downgrade",
    "downgraded", "migrate", "migrated"
  };
  private static final Map<String, Integer> IBAN_LENGTHS = ibanLengths();
  /** At most this many candidate windows per type and field: bounds the work on hostile text. */
  private static final int MAX_WINDOWS = 16;
  /**
   * Chars the regular expressions of one family of checks may read in one field (see {@link Budget}). RE2J
   * costs 50 to 150 ns a char on these patterns, and text made of near misses ("1234 1234 …", "sk-sk-…")
   * would otherwise fill every window of a family with its longest match attempt; a family that has spent its
   * chars looks no further, and what it found stands. Ordinary text spends far less than this.
   */
  static final int REGEX_CHARS = 1024;
  /** The secrets' {@link #REGEX_CHARS}: room for two JWT windows or eight key windows. */
  static final int SECRET_REGEX_CHARS = 2 * JWT_WINDOW;
  private static final int MAX_CLUSTER = 96;
  private static final String CLUSTER_SEPARATORS = " -.()+:/";
  /**
   * What the walk has to look at, by (previous char, char), each as its ASCII code or 0 for any other char.
   * Runs of chars of one kind have no entry, so the walk over them is a single table load per char.
   */
  private static final byte[] PAIRS = new byte[128 * 128];
  /**
   * A digit next to another token char ([A-Za-z_+=-]): a run of token chars (the chars of a high-entropy secret)
   * that holds digits and other chars has such a pair, and only such a run can be a secret (it needs letters and
   * two digits), so words and numbers in prose cost no event.
   */
  private static final int MIXED = 1;
  /** Any other char after a token char: the end of the run being watched. */
  private static final int RUN_END = 2;
  /**
   * A digit followed by a digit or a separator: a cluster that starts at that digit holds more than one char,
   * and an IBAN ("AA99") ends with such a pair. A lone digit can be passed over: the cluster it starts ends
   * right after it, with too few digits to take a window.
   */
  private static final int DIGITS = 4;
  /**
   * A capital letter followed by a digit, where an IBAN's check digits start: watched instead of {@link #DIGITS}
   * once the clusters have used up their windows, so that text dense with digits ("1234 1234 …") is not stopped
   * at nearly every char for the IBANs alone.
   */
  private static final int IBAN_START = 32;
  /** The first two chars of one of {@link #SECRET_HINTS}. */
  private static final int SECRET_START = 8;
  /** The first two chars, in either case, of one of {@link #ASSIGNMENT_HINTS}. */
  private static final int KEY_START = 16;
  /** An opening bracket and "a": where a spelled-out address's "[at]" may start. */
  private static final int SPELLED_AT = 64;
  /** Flags of the value {@link #cluster} returns, above the end offset. */
  private static final int COUNTED = 1;
  private static final int DIGITS_ONLY = 2;
  private static final boolean[] SEPARATOR = new boolean[128];
  private static final int[] NONE = new int[0];
  /** Indexes of the {@link #SECRET_HINTS} that start with each (char, char) pair of {@link #PAIRS}. */
  private static final int[][] SECRET_BY_PAIR = new int[128 * 128][];
  /** Indexes of the {@link #ASSIGNMENT_HINTS} that start, in either case, with each pair. */
  private static final int[][] KEYS_BY_PAIR = new int[128 * 128][];

  static {
    for (char ch = 0; ch < 128; ch++) {
      SEPARATOR[ch] = CLUSTER_SEPARATORS.indexOf(ch) >= 0;
    }
    for (char p = 0; p < 128; p++) {
      for (char ch = 0; ch < 128; ch++) {
        int f = 0;
        if (tokenChar(ch) && tokenChar(p) && isDigit(ch) != isDigit(p)) {
          f |= MIXED;
        }
        if (!tokenChar(ch) && tokenChar(p)) {
          f |= RUN_END;
        }
        if (isDigit(p) && (isDigit(ch) || SEPARATOR[ch])) {
          f |= DIGITS;
        }
        if (isUpper(p) && isDigit(ch)) {
          f |= IBAN_START;
        }
        SECRET_BY_PAIR[p << 7 | ch] = startingWith(SECRET_HINTS, p, ch);
        KEYS_BY_PAIR[p << 7 | ch] = startingWith(ASSIGNMENT_HINTS, Text.ASCII_LOWER[p], Text.ASCII_LOWER[ch]);
        if (SECRET_BY_PAIR[p << 7 | ch].length > 0) {
          f |= SECRET_START;
        }
        if (KEYS_BY_PAIR[p << 7 | ch].length > 0) {
          f |= KEY_START;
        }
        if ("[({<".indexOf(p) >= 0 && (ch == 'a' || ch == 'A')) {
          f |= SPELLED_AT;
        }
        PAIRS[p << 7 | ch] = (byte) f;
      }
    }
  }

  private static int[] startingWith(String[] hints, char first, char second) {
    int[] idx = java.util.stream.IntStream.range(0, hints.length)
        .filter(h -> hints[h].charAt(0) == first && hints[h].charAt(1) == second)
        .toArray();
    return idx.length == 0 ? NONE : idx;
  }

  private static boolean tokenChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == '-' || c == '+'
        || c == '=';
  }

  private final int maxFieldChars;
  private final boolean nanpHome;
  private final boolean gbHome;

  /** Creates a scanner for {@code config}'s field cap and phone home regions. */
  public PiiScorer(ScoringConfig config) {
    this.maxFieldChars = config.maxFieldChars();
    this.nanpHome =
        config.phoneHomeRegions().contains("US") || config.phoneHomeRegions().contains("CA");
    this.gbHome = config.phoneHomeRegions().contains("GB") || config.phoneHomeRegions().contains("UK");
  }

  /** Creates a scanner with {@link ScoringConfig#defaults()}. */
  public PiiScorer() {
    this(ScoringConfig.defaults());
  }

  /** The PII types found in {@code text} (null-safe; an empty set when none). */
  public Set<PiiType> scan(String text) {
    EnumSet<PiiType> found = EnumSet.noneOf(PiiType.class);
    if (text == null || text.isEmpty()) {
      return found;
    }
    String s = Text.cap(text, maxFieldChars);
    int n = s.length();
    int windows = 0;
    // emails keep only their window cap: 16 windows of any text cost at most a few tens of microseconds
    Budget emails = new Budget(Integer.MAX_VALUE);
    for (int at = s.indexOf('@'); at >= 0 && windows < MAX_WINDOWS; at = s.indexOf('@', at + 1)) {
      windows++;
      int local = at;
      while (local > 0 && at - local < 64 && localChar(s.charAt(local - 1))) {
        local--;
      }
      if (urlPassword(s, local)) {
        // "postgres://admin:S3cret@db.internal": a URL's user and password, not an e-mail address
        if (plausibleSecretValue(s.substring(local, at))) {
          found.add(PiiType.SECRET);
        }
        continue;
      }
      if (local < at && email(emails, s, local, Math.min(n, at + 256))) {
        found.add(PiiType.EMAIL);
        break;
      }
    }
    Hits hits = walk(s, found, new Budget(REGEX_CHARS), new Budget(REGEX_CHARS));
    if (!found.contains(PiiType.EMAIL) && spelledOutEmail(s, hits.spelledAt)) {
      found.add(PiiType.EMAIL);
    }
    if (!found.contains(PiiType.IP_ADDRESS)) {
      windows = 0;
      Budget ipv6s = new Budget(REGEX_CHARS);
      for (int c = s.indexOf(':'); c >= 0 && windows < MAX_WINDOWS; c = s.indexOf(':', c + 1)) {
        boolean dbl = c + 1 < n && s.charAt(c + 1) == ':';
        boolean hexAround = c > 0 && hex(s.charAt(c - 1)) && c + 1 < n && hex(s.charAt(c + 1));
        if (!dbl && !hexAround) {
          continue;
        }
        int a = Math.max(0, c - 40);
        int b = Math.min(n, c + 42);
        if (!ipv6Shaped(s, c, a, b)) {
          continue; // "12:30", "10:15:00", "ff:ee:dd": no address holds this colon
        }
        windows++;
        if (ipv6(ipv6s, s, a, b)) {
          found.add(PiiType.IP_ADDRESS);
          break;
        }
        c = Math.min(n - 1, c + 40);
      }
    }
    Budget secrets = new Budget(SECRET_REGEX_CHARS);
    if (!found.contains(PiiType.SECRET)
        && (secretHint(secrets, s, hits.secrets) || assignedSecret(secrets, s, hits.keys) || statedPassword(s)
        || basicCredentials(s))) {
      found.add(PiiType.SECRET);
    }
    return found;
  }

  /**
   * The one pass over every char of the field; everything else only looks at small windows. It finds the
   * clusters of digits and separators around which the digit-based types (phone, card, SSN, IPv4) are checked,
   * IBAN candidates ("AA99" not glued to a preceding letter or digit), the runs of token chars checked for high
   * entropy (only those mixing digits with other chars: a word or a number costs nothing), and the offsets of the
   * secret and assignment hints. It replaces a loop per type plus one {@code indexOf} pass per hint, which cost
   * several microseconds each on a 16K-char field: here each char costs one lookup of {@link #PAIRS}, and only
   * the rare chars that start something do more. Each search keeps the window budget and the candidate order of
   * its own former loop, so what is found is unchanged.
   */
  private Hits walk(String s, EnumSet<PiiType> found, Budget clusters, Budget ibans) {
    int n = s.length();
    boolean assignment = s.indexOf('=') >= 0 || s.indexOf(':') >= 0;
    // assignment keys are matched case-insensitively char by char, so offsets are the text's own (a lower-cased
    // copy would shift them: U+0130 lower-cases to two chars)
    int events = MIXED | DIGITS | SECRET_START | SPELLED_AT | (assignment ? KEY_START : 0);
    // this walk's copy of PAIRS once a pair's hints all have their offsets ("sk-sk-sk-…"): the pair then stops it
    byte[] pairs = PAIRS;
    Hits hits = new Hits();
    int clusterEnd = 0;
    int clusterWindows = 0;
    int ibanWindows = 0;
    boolean ibanOpen = true;
    boolean entropy = false;
    int run = -1;
    int prev = 0;
    int pair = 0;
    for (int i = 0; i < n; i++) {
      int f = 0;
      for (; i < n; i++) {
        int ch = s.charAt(i);
        if (ch >= 128) {
          ch = 0;
        }
        pair = prev << 7 | ch;
        f = pairs[pair] & events;
        prev = ch;
        if (f != 0) {
          break;
        }
      }
      if (f == 0) {
        break;
      }
      if ((f & MIXED) != 0) {
        // watch this run to its end; its start is found once, reading back
        run = i - 1;
        while (run > 0 && tokenChar(s.charAt(run - 1))) {
          run--;
        }
        events = events & ~MIXED | RUN_END;
      } else if ((f & RUN_END) != 0) {
        entropy = entropy || highEntropyRun(s, run, i);
        run = -1;
        events = events & ~RUN_END | MIXED;
      }
      if ((f & SECRET_START) != 0) {
        boolean full = true;
        for (int h : SECRET_BY_PAIR[pair]) {
          if (!hits.secrets.full(h) && s.startsWith(SECRET_HINTS[h], i - 1)) {
            hits.secrets.addApart(h, i - 1, SECRET_HINTS[h].length());
          }
          full &= hits.secrets.full(h);
        }
        if (full) {
          pairs = pairs == PAIRS ? PAIRS.clone() : pairs;
          pairs[pair] &= ~SECRET_START;
        }
      }
      if ((f & SPELLED_AT) != 0 && i + 2 < n && (s.charAt(i + 1) | 0x20) == 't'
          && "])}>".indexOf(s.charAt(i + 2)) >= 0 && hits.spelledAt.count[0] < MAX_WINDOWS) {
        hits.spelledAt.add(0, i);
      }
      if ((f & KEY_START) != 0) {
        for (int h : KEYS_BY_PAIR[pair]) {
          // a key word with no ':' or '=' within reach ("password" in prose) takes no window
          if (!hits.keys.full(h) && startsWithLowerCase(s, i - 1, ASSIGNMENT_HINTS[h])
              && assignmentNear(s, i - 1)) {
            hits.keys.add(h, i - 1);
          }
        }
      }
      // an IBAN's check digits at d: seen from the pair before them, or from the first digit's pair
      int d = (f & IBAN_START) != 0 ? i : (f & DIGITS) != 0 && ibanOpen ? i - 1 : -1;
      if (d >= 0 && ibanCandidate(s, d)) {
        ibanWindows++;
        if (iban(ibans, s, d - 2, Math.min(n, d + 46))) {
          found.add(PiiType.IBAN);
          ibanOpen = false;
        } else if (ibanWindows >= MAX_WINDOWS) {
          ibanOpen = false;
        }
        if (!ibanOpen) {
          events &= ~IBAN_START;
        }
      }
      if ((f & DIGITS) != 0) {
        // a cluster cut at MAX_CLUSTER inside a digit run is followed at once by the next one
        for (int st = i - 1; clusterWindows < MAX_WINDOWS && st >= clusterEnd && st < n && isDigit(s.charAt(st));
            st = clusterEnd) {
          int r = cluster(s, st, found, clusters);
          clusterEnd = r >>> 2;
          if ((r & COUNTED) != 0) {
            clusterWindows++;
          }
          if ((r & DIGITS_ONLY) == 0) {
            break;
          }
          i = clusterEnd - 1; // digits after digits hold nothing else for the walk
          prev = s.charAt(i);
        }
        if (clusterWindows >= MAX_WINDOWS) {
          // the IBANs' starts alone are watched from here: a capital letter, then a digit
          events = events & ~DIGITS | (ibanOpen ? IBAN_START : 0);
        }
      }
    }
    if (run >= 0) {
      entropy = entropy || highEntropyRun(s, run, n);
    }
    if (entropy) {
      found.add(PiiType.SECRET);
    }
    return hits;
  }

  /**
   * Whether an IBAN may start two chars before {@code d}: two capital letters not glued to a preceding letter or
   * digit ("AA99"), then the digits at {@code d} and {@code d + 1}.
   */
  private static boolean ibanCandidate(String s, int d) {
    return d >= 2 && d + 1 < s.length() && isDigit(s.charAt(d)) && isDigit(s.charAt(d + 1))
        && isUpper(s.charAt(d - 1)) && isUpper(s.charAt(d - 2))
        && (d == 2 || !Character.isLetterOrDigit(s.charAt(d - 3)));
  }

  /**
   * Reads the cluster of digits and separators starting with the digit at {@code st}, at most
   * {@link #MAX_CLUSTER} chars, and checks the digit-based types around it. Returns where the cluster ends,
   * shifted left by two, with {@link #COUNTED} set when it took a window and {@link #DIGITS_ONLY} when it holds
   * no separator.
   */
  private int cluster(String s, int st, EnumSet<PiiType> found, Budget budget) {
    int n = s.length();
    int digits = 0;
    int run = 0;
    int longestRun = 0;
    boolean dot = false;
    int i = st;
    int lim = Math.min(n, st + MAX_CLUSTER);
    while (i < lim) {
      char x = s.charAt(i);
      if (isDigit(x)) {
        digits++;
        run++;
        longestRun = Math.max(longestRun, run);
      } else if (x < 128 && SEPARATOR[x]) {
        run = 0;
        dot |= x == '.';
      } else {
        break;
      }
      i++;
    }
    int r = i << 2 | (digits == i - st ? DIGITS_ONLY : 0);
    if (digits < 4 || longestRun > 19 && digits == longestRun) {
      return r; // too few digits, or one long digit run that no validator accepts
    }
    int a = Math.max(0, st - 2);
    // a type already found is not looked for again; a cluster that is a card is not also a phone number
    // ("3056 930902 5904" holds a NANP-shaped "930902 5904")
    boolean card = digits >= 13 && !found.contains(PiiType.CREDIT_CARD) && card(budget, s, a, i);
    if (card) {
      found.add(PiiType.CREDIT_CARD);
    }
    if (digits >= 7 && !card && !found.contains(PiiType.PHONE) && phone(budget, s, a, i)) {
      found.add(PiiType.PHONE);
    }
    if (digits >= 9 && !found.contains(PiiType.US_SSN) && ssn(budget, s, a, i)) {
      found.add(PiiType.US_SSN);
    }
    if (dot && !found.contains(PiiType.IP_ADDRESS) && ipv4(budget, s, a, i)) {
      found.add(PiiType.IP_ADDRESS);
    }
    return r | COUNTED;
  }

  /**
   * True when {@code s} holds {@code hint} (lower-case ASCII) at {@code i}, comparing char by char in lower
   * case; offsets stay those of {@code s}.
   */
  private static boolean startsWithLowerCase(String s, int i, String hint) {
    if (i + hint.length() > s.length()) {
      return false;
    }
    for (int j = 0; j < hint.length(); j++) {
      char ch = s.charAt(i + j);
      if ((ch < 128 ? Text.ASCII_LOWER[ch] : Character.toLowerCase(ch)) != hint.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** Offsets of hint occurrences found by the walk: at most {@link #MAX_WINDOWS} per hint, in text order. */
  private static final class Positions {
    final int[][] at;
    final int[] count;
    private final int[] next;

    Positions(int hints) {
      at = new int[hints][];
      count = new int[hints];
      next = new int[hints];
    }

    /** Whether hint {@code h} has all the offsets kept: adding more changes nothing. */
    boolean full(int h) {
      return count[h] >= MAX_WINDOWS;
    }

    void add(int h, int idx) {
      if (count[h] < MAX_WINDOWS) {
        if (at[h] == null) {
          at[h] = new int[MAX_WINDOWS];
        }
        at[h][count[h]++] = idx;
      }
    }

    /** Like {@code indexOf(hint, previous + length)}: occurrences overlapping the previous one are skipped. */
    void addApart(int h, int idx, int length) {
      if (idx >= next[h]) {
        add(h, idx);
        next[h] = idx + length;
      }
    }
  }

  /** Hint offsets of one field. */
  private static final class Hits {
    final Positions secrets = new Positions(SECRET_HINTS.length);
    final Positions keys = new Positions(ASSIGNMENT_HINTS.length);
    /** Offsets of the "at" of "[at]", "(at)" and the like. */
    final Positions spelledAt = new Positions(1);
  }

  // ---------------------------------------------------------------- email

  /** An address written to dodge scrapers: "jane.doe [at] example [dot] com", "jane(at)example(dot)org". */
  private static final Pattern SPELLED_EMAIL = Pattern.compile(
      "(?i)[a-z0-9._%+\\-]{1,64} ?[\\[({<]at[\\])}>] ?[a-z0-9\\-]{1,63}(?: ?(?:[\\[({<]dot[\\])}>]|\\.) ?"
          + "[a-z0-9\\-]{1,63}){0,4} ?(?:[\\[({<]dot[\\])}>]|\\.) ?[a-z]{2,24}\\b");

  /** Chars before and after a bracketed "at" that a spelled-out address may span. */
  private static final int SPELLED_REACH = 96;

  /** Whether an e-mail address with "at" in brackets is written around one of the {@code ats} the walk found. */
  private static boolean spelledOutEmail(String s, Positions ats) {
    for (int j = 0; j < ats.count[0]; j++) {
      int i = ats.at[0][j];
      int a = Math.max(0, i - 1 - SPELLED_REACH);
      int b = Math.min(s.length(), i + 3 + SPELLED_REACH);
      if (SPELLED_EMAIL.matcher(s.substring(a, b)).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean email(Budget budget, String s, int a, int b) {
    Win m = new Win(budget, EMAIL, s, a, b);
    while (m.find()) {
      String e = m.group();
      int at = e.indexOf('@');
      String local = e.substring(0, at);
      if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
        continue;
      }
      String tld = e.substring(e.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
      if (FILE_TLDS.contains(tld) && densitySuffix(e, at + 1)) {
        continue; // icon@2x.png
      }
      return true;
    }
    return false;
  }

  /**
   * Whether the chars before {@code local} are a URL's scheme and user followed by ':' ({@code "scheme://user:"},
   * the user possibly empty), so that {@code local} starts the password of the URL's user information.
   */
  private static boolean urlPassword(String s, int local) {
    int colon = local - 1;
    if (colon < 2 || s.charAt(colon) != ':') {
      return false;
    }
    int user = colon;
    while (user > 0 && colon - user < 64 && localChar(s.charAt(user - 1))) {
      user--;
    }
    int slashes = user - 2;
    if (slashes < 2 || s.charAt(slashes) != '/' || s.charAt(slashes + 1) != '/' || s.charAt(slashes - 1) != ':') {
      return false;
    }
    char scheme = s.charAt(slashes - 2); // the last char of "postgres", "mongodb+srv", "s3"
    return scheme >= 'a' && scheme <= 'z' || scheme >= 'A' && scheme <= 'Z' || isDigit(scheme) || scheme == '+';
  }

  private static boolean localChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '.' || c == '_' || c == '%'
        || c == '+' || c == '-';
  }

  /** True for "2x.", "3x." style image-density domains. */
  private static boolean densitySuffix(String e, int from) {
    int i = from;
    while (i < e.length() && isDigit(e.charAt(i))) {
      i++;
    }
    return i > from && i + 1 < e.length() && e.charAt(i) == 'x' && e.charAt(i + 1) == '.';
  }

  // ---------------------------------------------------------------- phone

  private boolean phone(Budget budget, String s, int a, int b) {
    int plus = s.indexOf('+', a);
    if (plus >= 0 && plus < b) {
      Win m = new Win(budget, INTL, s, a, b);
      while (m.find()) {
        String g = m.group();
        int end = m.end();
        if (g.endsWith(")") && g.indexOf('(') < 0) {
          g = g.substring(0, g.length() - 1); // "(+49 151 23456789)": the bracket closes the text's, not the number's
          end--;
        }
        if (isolated(s, m.start(), end) && validInternational(g)) {
          return true;
        }
      }
    }
    if (nanpHome) {
      Win m = new Win(budget, DigitPatterns::nanp, s, a, b);
      while (m.find()) {
        if (isolated(s, m.start(), m.end()) && !labelled(s, m.start()) && validNanpMatch(m.group())) {
          return true;
        }
      }
    }
    if (gbHome) {
      Win m = new Win(budget, GB, s, a, b);
      while (m.find()) {
        String g = m.group();
        String d = digitsOf(g);
        if (isolated(s, m.start(), m.end()) && !labelled(s, m.start())
            && (d.length() == 10 || d.length() == 11) && "12378".indexOf(d.charAt(1)) >= 0
            && (g.indexOf('(') < 0) == (g.indexOf(')') < 0)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean validNanpMatch(String g) {
    boolean open = g.indexOf('(') >= 0;
    if (open != (g.indexOf(')') >= 0)) {
      return false;
    }
    String d = digitsOf(g);
    if (d.length() == 11) {
      if (d.charAt(0) != '1') {
        return false;
      }
      d = d.substring(1);
    }
    if (d.length() != 10) {
      return false;
    }
    // a bare ten-digit run with no separator at all is more often an id than a phone number
    if (!open && g.indexOf(' ') < 0 && g.indexOf('-') < 0 && g.indexOf('.') < 0) {
      return false;
    }
    return validNanp(d);
  }

  /**
   * NANP: NXX-XXX-XXXX, area code not N11 and not N9X, exchange not N11. Exchanges that no carrier holds (0XX,
   * 1XX) and the 555-01XX numbers kept for fiction still count: they are what a model invents when it makes up a
   * contact number, and a number in that shape is what a reader takes for one.
   */
  static boolean validNanp(String d) {
    if (d.length() != 10) {
      return false;
    }
    char a0 = d.charAt(0);
    char a1 = d.charAt(1);
    char a2 = d.charAt(2);
    if (a0 < '2') {
      return false;
    }
    if (a1 == '1' && a2 == '1' || a1 == '9') {
      return false;
    }
    if (d.charAt(4) == '1' && d.charAt(5) == '1') {
      return false;
    }
    return !allSame(d);
  }

  private static final Set<String> CC2 =
      Set.of("20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
          "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
          "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

  private boolean validInternational(String g) {
    String d = digitsOf(g);
    if (d.length() < 8 || d.length() > 15 || d.charAt(0) == '0') {
      return false;
    }
    if ((g.indexOf('(') < 0) != (g.indexOf(')') < 0)) {
      return false;
    }
    if (d.charAt(0) == '1') {
      return d.length() == 11 && validNanp(d.substring(1));
    }
    if (d.charAt(0) == '7') {
      return d.length() == 11;
    }
    boolean known = CC2.contains(d.substring(0, 2)) || "2356789".indexOf(d.charAt(0)) >= 0;
    return known && d.length() >= 9 && !allSame(d.substring(2));
  }

  // ---------------------------------------------------------------- cards

  private static boolean card(Budget budget, String s, int a, int b) {
    Win m = new Win(budget, DigitPatterns::card, s, a, b);
    while (m.find()) {
      if (!isolated(s, m.start(), m.end())) {
        continue;
      }
      // "Order no. 4532 0151 1283 0366" is an order number, whatever its checksum
      boolean label = labelled(s, m.start());
      String g = m.group();
      // split into digit groups; separators must be of one kind
      char sep = 0;
      boolean mixed = false;
      java.util.List<String> groups = new java.util.ArrayList<>();
      int from = 0;
      for (int i = 0; i < g.length(); i++) {
        char c = g.charAt(i);
        if (c == ' ' || c == '-') {
          if (sep != 0 && sep != c) {
            mixed = true;
          }
          sep = c;
          groups.add(g.substring(from, i));
          from = i + 1;
        }
      }
      groups.add(g.substring(from));
      if (mixed) {
        continue;
      }
      // try every run of whole groups (an id glued in front of a card with a space is still found); groups joined
      // by dashes are one number, read whole ("4111-1111-1111-1111-000" is a serial, not a card and three digits)
      boolean whole = sep == '-';
      for (int x = label ? 1 : 0; x < (whole ? 1 : groups.size()); x++) {
        StringBuilder d = new StringBuilder(24);
        for (int y = x; y < groups.size(); y++) {
          d.append(groups.get(y));
          if (d.length() > 19) {
            break;
          }
          if (d.length() >= 13 && (y == x || groupsLookLikeCard(groups, x, y))
              && (!whole || y == groups.size() - 1) && validCard(d.toString())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean groupsLookLikeCard(java.util.List<String> groups, int a, int b) {
    for (int i = a; i <= b; i++) {
      int len = groups.get(i).length();
      if (len < 3 || len > 6) {
        return false;
      }
    }
    return true;
  }

  static boolean validCard(String d) {
    int n = d.length();
    if (n < 13 || n > 19 || allSame(d)) {
      return false;
    }
    return knownIin(d) && luhn(d);
  }

  private static boolean knownIin(String d) {
    int n = d.length();
    int p2 = Integer.parseInt(d.substring(0, 2));
    int p3 = Integer.parseInt(d.substring(0, 3));
    int p4 = Integer.parseInt(d.substring(0, 4));
    int p6 = Integer.parseInt(d.substring(0, 6));
    if (d.charAt(0) == '4') {
      return n == 13 || n == 16 || n == 19; // Visa
    }
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
      return n == 16; // Mastercard
    }
    if (p2 == 34 || p2 == 37) {
      return n == 15; // Amex
    }
    if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) {
      return n >= 16; // Discover
    }
    if (p2 == 62) {
      return n >= 16; // UnionPay
    }
    if (p4 >= 3528 && p4 <= 3589) {
      return n >= 16; // JCB
    }
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
      return n >= 14; // Diners Club
    }
    if (p2 == 50 || (p2 >= 56 && p2 <= 69)) {
      return true; // Maestro
    }
    return false;
  }

  static boolean luhn(String d) {
    int sum = 0;
    boolean dbl = false;
    for (int i = d.length() - 1; i >= 0; i--) {
      int v = d.charAt(i) - '0';
      if (dbl) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  // ---------------------------------------------------------------- IBAN

  private static boolean iban(Budget budget, String s, int a, int b) {
    Win m = new Win(budget, IBAN, s, a, b);
    while (m.find()) {
      if (m.start() > 0 && Character.isLetterOrDigit(s.charAt(m.start() - 1))) {
        continue;
      }
      String compact = m.group().replace(" ", "");
      Integer len = IBAN_LENGTHS.get(compact.substring(0, 2));
      if (len == null || compact.length() < len) {
        continue;
      }
      String iban = compact.substring(0, len);
      // what follows the IBAN must not continue it
      if (compact.length() > len && m.group().replace(" ", "").length() > len) {
        int consumed = 0;
        int end = m.start();
        while (consumed < len) {
          if (s.charAt(end) != ' ') {
            consumed++;
          }
          end++;
        }
        if (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
          continue;
        }
      }
      if (mod97(iban) == 1) {
        return true;
      }
    }
    return false;
  }

  static int mod97(String iban) {
    String r = iban.substring(4) + iban.substring(0, 4);
    int mod = 0;
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (isDigit(c)) {
        mod = (mod * 10 + (c - '0')) % 97;
      } else if (isUpper(c)) {
        int v = c - 'A' + 10;
        mod = (mod * 100 + v) % 97;
      } else {
        return -1;
      }
    }
    return mod;
  }

  // ---------------------------------------------------------------- SSN

  private static boolean ssn(Budget budget, String s, int a, int b) {
    Win m = new Win(budget, DigitPatterns::ssn, s, a, b);
    while (m.find()) {
      String g = m.group();
      if (g.charAt(3) != g.charAt(6) || !isolated(s, m.start(), m.end()) || labelled(s, m.start())) {
        continue;
      }
      if (validSsn(g.substring(0, 3), g.substring(4, 6), g.substring(7))) {
        return true;
      }
    }
    // nine bare digits count only when labelled as an SSN ("SSN: 457555462", "social security number 4575...")
    Win bare = new Win(budget, DigitPatterns::nineDigits, s, a, b);
    while (bare.find()) {
      String g = bare.group();
      if (isolated(s, bare.start(), bare.end()) && ssnLabel(s, bare.start())
          && validSsn(g.substring(0, 3), g.substring(3, 5), g.substring(5))) {
        return true;
      }
    }
    return false;
  }

  private static boolean ssnLabel(String s, int st) {
    String before = s.substring(Math.max(0, st - 32), st).toLowerCase(java.util.Locale.ROOT);
    return before.contains("ssn") || before.contains("social security") || before.contains("social-security")
        || before.contains("taxpayer id") || before.contains("tin:");
  }

  static boolean validSsn(String area, String group, String serial) {
    int a = Integer.parseInt(area);
    if (a == 0 || a == 666 || a >= 900) {
      return false;
    }
    if (group.equals("00") || serial.equals("0000")) {
      return false;
    }
    String all = area + group + serial;
    return !all.equals("123456789") && !all.equals("078051120") && !allSame(all);
  }

  // ---------------------------------------------------------------- IP

  private static boolean ipv4(Budget budget, String s, int a, int b) {
    Win m = new Win(budget, DigitPatterns::ipv4, s, a, b);
    while (m.find()) {
      int st = m.start();
      int en = m.end();
      if (st > 0) {
        char p = s.charAt(st - 1);
        if (Character.isLetterOrDigit(p) || p == '.' || p == '-' || p == '_') {
          continue;
        }
      }
      if (en < s.length()) {
        char f = s.charAt(en);
        if (Character.isLetterOrDigit(f) || f == '-' || f == '_'
            || (f == '.' && en + 1 < s.length() && isDigit(s.charAt(en + 1)))) {
          continue;
        }
        if (f == '/' && en + 1 < s.length() && isDigit(s.charAt(en + 1))) {
          continue; // a network in CIDR notation ("172.16.0.0/12"), not a host's address
        }
      }
      if (precededByWord(s, st, VERSION_WORDS)) {
        continue;
      }
      String[] parts = splitOn(m.group(), '.');
      boolean ok = true;
      for (String part : parts) {
        if (part.length() > 1 && part.charAt(0) == '0' || Integer.parseInt(part) > 255) {
          ok = false;
        }
      }
      int first = Integer.parseInt(parts[0]);
      if (ok && first != 0 && first != 127 && first < 224) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the run of hex digits and colons around the colon at {@code c}, within {@code [a, b)}, holds a
   * "::" or seven colons, as every address {@link #ipv6} accepts does. Each accepted address has such a colon
   * of its own, so a window is only spent where one may start.
   */
  private static boolean ipv6Shaped(String s, int c, int a, int b) {
    int st = c;
    while (st > a && (hex(s.charAt(st - 1)) || s.charAt(st - 1) == ':')) {
      st--;
    }
    int colons = 0;
    boolean dbl = false;
    for (int i = st; i < b; i++) {
      char ch = s.charAt(i);
      if (ch == ':') {
        colons++;
        dbl |= i > st && s.charAt(i - 1) == ':';
      } else if (!hex(ch)) {
        break;
      }
    }
    return dbl || colons >= 7;
  }

  private static boolean ipv6(Budget budget, String s, int a, int b) {
    Win m = new Win(budget, IPV6, s, a, b);
    while (m.find()) {
      int st = m.start();
      int en = m.end();
      if (st > 0 && (Character.isLetterOrDigit(s.charAt(st - 1)) || s.charAt(st - 1) == ':')) {
        continue;
      }
      if (en < s.length() && (Character.isLetterOrDigit(s.charAt(en)) || s.charAt(en) == ':')) {
        continue;
      }
      String g = m.group();
      int dc = g.indexOf("::");
      if (dc >= 0 && g.indexOf("::", dc + 1) >= 0) {
        continue;
      }
      String[] groups = splitOn(g, ':');
      int nonEmpty = 0;
      boolean hasDigit = false;
      for (String x : groups) {
        if (!x.isEmpty()) {
          nonEmpty++;
        }
        for (int i = 0; i < x.length(); i++) {
          hasDigit |= isDigit(x.charAt(i));
        }
      }
      boolean ok = dc >= 0 ? nonEmpty >= 3 && nonEmpty <= 7 : groups.length == 8 && nonEmpty == 8;
      if (ok && hasDigit && !g.equals("::1")) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- secrets

  /** Provider key prefixes and the like, checked in hint order over at most {@link #MAX_WINDOWS} windows. */
  private static boolean secretHint(Budget budget, String s, Positions hints) {
    int windows = 0;
    for (int h = 0; h < SECRET_HINTS.length; h++) {
      for (int j = 0; j < hints.count[h] && windows < MAX_WINDOWS; j++) {
        windows++;
        // every key format starts at its hint, except "sk_live_"/"rk_live_", whose hint is "_live_"
        int st = hints.at[h][j] - (SECRET_HINTS[h].equals("_live_") ? 2 : 0);
        if (st < 0 || SECRET_HINTS[h].equals("eyJ") && !jwtShaped(s, st)) {
          continue;
        }
        if (st > 0 && Character.isLetterOrDigit(s.charAt(st - 1))) {
          continue; // glued to a word ("task-", "desk-"): not a key's start
        }
        if (SECRET_HINTS[h].equals("hooks.slack.com/")) {
          if (slackWebhook(s, st + SECRET_HINTS[h].length())) {
            return true;
          }
          continue;
        }
        if (SECRET_HINTS[h].equals("sk-")) {
          // "sk-" starts no other key format, and its pattern's match is the run of key chars after it: checked
          // by hand, so runs of "sk-sk-…" or long words after "sk-" cost no regex run
          int end = Math.min(s.length(), st + SECRET_WINDOW);
          int e = st + 3;
          while (e < end && keyChar(s.charAt(e))) {
            e++;
          }
          if (e - st - 3 >= 20 && mixedClasses(s.substring(st, e), 2, 3)) {
            return true;
          }
          continue;
        }
        int reach = SECRET_HINTS[h].equals("eyJ") ? JWT_WINDOW : SECRET_WINDOW;
        Win m = new Win(budget, SECRET_AT_START, s, st, Math.min(s.length(), st + reach));
        if (m.find()) {
          String g = m.group();
          boolean word = g.startsWith("sk-") && !mixedClasses(g, 2, 3);
          // a provider's documented example ("AKIAIOSFODNN7EXAMPLE" in AWS's guides) is quoted, not leaked
          boolean example = !g.startsWith("eyJ") && g.toUpperCase(java.util.Locale.ROOT).contains("EXAMPLE");
          if (!word && !example) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static final String[] SLACK_HOOK_KINDS = {"services/", "workflows/", "triggers/"};

  /**
   * The path of a Slack incoming-webhook URL from {@code at} (after "hooks.slack.com/"): "services/",
   * "workflows/" or "triggers/", then ids and a secret of 20 or more chars with at least two of lower case,
   * upper case and digits, so the documentation's {@code T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX} is not one.
   */
  private static boolean slackWebhook(String s, int at) {
    int st = -1;
    for (String kind : SLACK_HOOK_KINDS) {
      if (s.startsWith(kind, at)) {
        st = at + kind.length();
      }
    }
    if (st < 0) {
      return false;
    }
    int end = Math.min(s.length(), st + SECRET_WINDOW);
    int segment = st;
    int e = st;
    while (e < end && (keyChar(s.charAt(e)) || s.charAt(e) == '/')) {
      if (s.charAt(e++) == '/') {
        segment = e;
      }
    }
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    for (int i = segment; i < e; i++) {
      char c = s.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
      digit |= isDigit(c);
    }
    return segment > st && e - segment >= 20 && (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) >= 2;
  }

  /**
   * A JWT is three base64url segments joined by dots, the first two starting "eyJ": checked by hand first, so a
   * long run that merely starts "eyJ" costs a char scan, not a regex run.
   */
  private static boolean jwtShaped(String s, int st) {
    int dot = skipBase64Url(s, st);
    return dot - st >= 8 && dot < s.length() && s.charAt(dot) == '.' && s.startsWith("eyJ", dot + 1)
        && dot + 1 - st <= JWT_WINDOW / 2;
  }

  private static int skipBase64Url(String s, int i) {
    int end = Math.min(s.length(), i + JWT_WINDOW);
    while (i < end) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == '-')) {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * {@code password=...}, {@code api_key: "..."}, {@code client_secret=...}: a credential assigned in config or
   * code. Placeholders ("<your-key>", "xxxx", "****", "changeme", "${VAR}") are not secrets; the value needs a
   * digit or 12+ chars.
   */
  private static boolean assignedSecret(Budget budget, String s, Positions keys) {
    int windows = 0;
    for (int h = 0; h < ASSIGNMENT_HINTS.length; h++) {
      for (int j = 0; j < keys.count[h] && windows < MAX_WINDOWS; j++) {
        windows++;
        int idx = keys.at[h][j];
        Win m = new Win(budget, SECRET_ASSIGNMENT_AT_START, s, idx, Math.min(s.length(), idx + 200));
        if (m.find() && plausibleSecretValue(m.m.group(1))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * HTTP basic credentials ("Authorization: Basic dXNlcjpTM2NyZXQ="): base64 after "Basic " that decodes to printable
   * "user:password" with a password that is no placeholder. At most {@link #MAX_WINDOWS} are looked at.
   */
  private static boolean basicCredentials(String s) {
    int windows = 0;
    for (int i = s.indexOf("Basic "); i >= 0 && windows < MAX_WINDOWS; i = s.indexOf("Basic ", i + 6)) {
      windows++;
      int st = i + 6;
      int end = st;
      while (end < s.length() && end - st < 256 && (Character.isLetterOrDigit(s.charAt(end)) && s.charAt(end) < 128
          || s.charAt(end) == '+' || s.charAt(end) == '/' || s.charAt(end) == '=')) {
        end++;
      }
      if (end - st < 8 || (end - st) % 4 != 0) {
        continue;
      }
      byte[] bytes;
      try {
        bytes = java.util.Base64.getDecoder().decode(s.substring(st, end));
      } catch (IllegalArgumentException e) {
        continue;
      }
      String decoded = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
      int colon = decoded.indexOf(':');
      if (colon > 0 && colon < decoded.length() - 1 && decoded.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
          && plausibleSecretValue(decoded.substring(colon + 1))) {
        return true;
      }
    }
    return false;
  }

  /** "password" after its first letter, in the two cases it is written in. */
  private static final String[] PASSWORD_TAILS = {"assword", "ASSWORD"};

  /** Words allowed between "password" and its "is" ("the password for the staging database is ..."). */
  private static final int STATED_REACH_WORDS = 5;

  /**
   * "The DB password is Tr0ub4dor&3xyz!", "the password for staging was hunter2024": a password stated in prose,
   * which has no ':' or '=' for {@link #assignedSecret}. The word after "is" or "was" counts when it has 6 to 128
   * chars, letters and digits, and is no placeholder; "the password is 12 characters long", "is case-sensitive"
   * and "is 2FA-protected" (a hyphenated adjective) are not passwords. At most {@link #MAX_WINDOWS} mentions per
   * spelling are looked at.
   */
  private static boolean statedPassword(String s) {
    for (String key : PASSWORD_TAILS) {
      int windows = 0;
      for (int i = s.indexOf(key); i >= 1 && windows < MAX_WINDOWS; i = s.indexOf(key, i + key.length())) {
        windows++;
        char p = s.charAt(i - 1);
        if ((p == 'p' || p == 'P') && (i < 2 || !Character.isLetterOrDigit(s.charAt(i - 2)))
            && statedAfter(s, i + key.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the words from {@code i} (right after "password") say "[for …] is|was VALUE" with a password value. */
  private static boolean statedAfter(String s, int i) {
    int n = s.length();
    if (i < n && (s.charAt(i) == 's' || s.charAt(i) == 'S')) {
      i++; // "passwords"
    }
    for (int word = 0; word <= STATED_REACH_WORDS; word++) {
      if (i >= n || s.charAt(i) != ' ') {
        return false; // the clause ends: "password." or "password, ..."
      }
      i++;
      int end = i;
      while (end < n && end - i < 130 && !Character.isWhitespace(s.charAt(end))) {
        end++;
      }
      String w = s.substring(i, end);
      if (w.equalsIgnoreCase("is") || w.equalsIgnoreCase("was")) {
        return statedValue(s, end);
      }
      if (word == 0 && !(w.equalsIgnoreCase("for") || w.equalsIgnoreCase("of") || w.equalsIgnoreCase("to")
          || w.equalsIgnoreCase("on"))) {
        return false; // "the password manager is ...": another noun, not the password
      }
      if (w.isEmpty() || !Character.isLetterOrDigit(w.charAt(w.length() - 1))) {
        return false; // "the password for staging, which is ..."
      }
      i = end;
    }
    return false;
  }

  private static boolean statedValue(String s, int i) {
    int n = s.length();
    while (i < n && s.charAt(i) == ' ') {
      i++;
    }
    if (i < n && "\"'\u201c\u2018`".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    int end = i;
    while (end < n && end - i < 130 && !Character.isWhitespace(s.charAt(end))
        && "\"'<>,;\u201d\u2019`".indexOf(s.charAt(end)) < 0) {
      end++;
    }
    if (end > i && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ')')) {
      end--; // the sentence's period, not the password's
    }
    String v = s.substring(i, end);
    if (v.length() < 6 || v.length() > 128 || !plausibleSecretValue(v)) {
      return false;
    }
    boolean letter = false;
    boolean digit = false;
    for (int k = 0; k < v.length(); k++) {
      char c = v.charAt(k);
      letter |= c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
      digit |= isDigit(c);
    }
    int dash = v.lastIndexOf('-');
    boolean adjective = dash > 0 && v.length() - dash - 1 >= 4
        && v.substring(dash + 1).chars().allMatch(c -> c >= 'a' && c <= 'z');
    return letter && digit && !adjective;
  }

  /**
   * True when a ':' or '=' follows the key hint at {@code idx} within {@link #ASSIGNMENT_REACH} chars: the
   * longest key of {@link #SECRET_ASSIGNMENT}, a quote and three spaces. Without one the pattern cannot match.
   */
  private static boolean assignmentNear(String s, int idx) {
    int end = Math.min(s.length(), idx + ASSIGNMENT_REACH);
    for (int i = idx; i < end; i++) {
      char c = s.charAt(i);
      if (c == ':' || c == '=') {
        return true;
      }
    }
    return false;
  }

  private static boolean plausibleSecretValue(String v) {
    String l = v.toLowerCase(java.util.Locale.ROOT);
    if (l.contains("your") || l.contains("xxx") || l.contains("***") || l.contains("...") || l.contains("${")
        || l.contains("{{") || l.contains("example") || l.contains("placeholder") || l.contains("changeme")
        || l.contains("redacted") || l.contains("<") || l.startsWith("$") || l.startsWith("%")
        || l.equals("password") || l.equals("secret") || l.equals("true") || l.equals("false")
        || l.equals("null") || l.equals("none") || l.startsWith("os.environ") || l.startsWith("process.env")
        || l.startsWith("env") || l.startsWith("getenv") || l.startsWith("system.getenv")) {
      return false;
    }
    boolean digit = false;
    for (int i = 0; i < v.length(); i++) {
      digit |= isDigit(v.charAt(i));
    }
    return digit || v.length() >= 12;
  }

  /**
   * True when the run {@code [st, end)} of [A-Za-z0-9_+=-] is a 32–128 char, mixed-class, high-entropy token.
   * Fewer than 16 distinct chars cannot reach 4.0 bits/char (log2 15 ≈ 3.91), so such runs skip the entropy.
   */
  private static boolean highEntropyRun(String s, int st, int end) {
    int len = end - st;
    if (len < 32 || len > 128) {
      return false;
    }
    if (st >= 1 && (s.charAt(st - 1) == '/' || s.charAt(st - 1) == '.') && len > 60) {
      return false; // part of a URL path or a data blob
    }
    boolean lower = false;
    boolean upper = false;
    int digits = 0;
    long seenLow = 0;
    long seenHigh = 0;
    for (int i = st; i < end; i++) {
      char ch = s.charAt(i); // token chars are ASCII
      lower |= ch >= 'a' && ch <= 'z';
      upper |= ch >= 'A' && ch <= 'Z';
      if (isDigit(ch)) {
        digits++;
      }
      if (ch < 64) {
        seenLow |= 1L << ch;
      } else {
        seenHigh |= 1L << (ch - 64);
      }
    }
    boolean mixed = lower && upper && digits >= 2; // mixedClasses(token, 3, 0)
    if (!mixed || Long.bitCount(seenLow) + Long.bitCount(seenHigh) < 16) {
      return false;
    }
    return Text.entropy(s, st, end) >= 4.0 && !base64OfText(s.substring(st, end));
  }

  /** True when the token is base64 of printable text (an encoded message, not a random key). */
  private static boolean base64OfText(String token) {
    String b = token.replace('-', '+').replace('_', '/');
    int eq = b.indexOf('=');
    String body = eq >= 0 ? b.substring(0, eq) : b;
    if (eq >= 0 && !b.substring(eq).chars().allMatch(c -> c == '=')) {
      return false;
    }
    body = body.substring(0, body.length() - body.length() % 4);
    try {
      byte[] bytes = java.util.Base64.getDecoder().decode(body);
      int printable = 0;
      for (byte x : bytes) {
        if (x >= 32 && x < 127 || x == '\n' || x == '\t') {
          printable++;
        }
      }
      return bytes.length > 0 && printable >= bytes.length * 0.95;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A char of {@code [A-Za-z0-9_-]}, the chars of the "sk-" key format. */
  private static boolean keyChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == '-';
  }

  private static boolean mixedClasses(String g, int need, int skip) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    int digits = 0;
    for (int i = Math.min(skip, g.length()); i < g.length(); i++) {
      char c = g.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
      if (isDigit(c)) {
        digit = true;
        digits++;
      }
    }
    int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0);
    return classes >= need && digits >= 2;
  }

  // ---------------------------------------------------------------- helpers

  /** True when the match is not glued to surrounding digits, letters, or dotted/dashed number runs. */
  private static boolean isolated(String s, int st, int en) {
    if (st > 0) {
      char p = s.charAt(st - 1);
      if (Character.isLetterOrDigit(p) || p == '_' || p == '$' || p == '€' || p == '£' || p == '#'
          || p == '/' || p == '\\' || p == '=') {
        return false;
      }
      if ((p == '.' || p == '-' || p == ',' || p == ':')
          && st > 1 && isDigit(s.charAt(st - 2))) {
        return false;
      }
    }
    if (en < s.length()) {
      char f = s.charAt(en);
      if (Character.isLetterOrDigit(f) || f == '_' || f == '%' || f == '/') {
        return false;
      }
      if ((f == '.' || f == '-' || f == ',' || f == ':') && en + 1 < s.length() && isDigit(s.charAt(en + 1))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the number at {@code st} is labelled as an identifier ("Order #", "invoice no.", "ID:", "the part
   * number is").
   */
  private static boolean labelled(String s, int st) {
    int start = wordBefore(s, st, " #:.-\t", 16);
    String w = lowerWord(s, start, st, " #:.-\t");
    if (w.equals("is") || w.equals("was")) {
      // "the part number is 219-09-9998": the label before the verb
      int verb = start;
      start = wordBefore(s, verb, " \t", 6);
      w = lowerWord(s, start, verb, " \t");
    }
    if (w.equals("no") || w.equals("number") || w.equals("num") || w.equals("nr")) {
      int no = start;
      start = wordBefore(s, no, " #:.-\t", 6);
      w = lowerWord(s, start, no, " #:.-\t");
    }
    for (String l : LABEL_WORDS) {
      if (w.equals(l)) {
        return true;
      }
    }
    return st > 0 && s.charAt(st - 1) == '#';
  }

  /**
   * The start of the word (up to 14 letters) before {@code at}, past at most {@code reach - 1} of the chars {@code
   * skipped}; {@code at} less what was skipped when no letter comes before.
   */
  private static int wordBefore(String s, int at, String skipped, int reach) {
    int j = at - 1;
    while (j >= 0 && at - j < reach && skipped.indexOf(s.charAt(j)) >= 0) {
      j--;
    }
    int end = j + 1;
    int start = end;
    while (start > 0 && Character.isLetter(s.charAt(start - 1)) && end - start < 14) {
      start--;
    }
    return start;
  }

  /** The lower-case letters from {@code start} up to the chars {@code skipped} before {@code at}. */
  private static String lowerWord(String s, int start, int at, String skipped) {
    int end = start;
    while (end < at && Character.isLetter(s.charAt(end))) {
      end++;
    }
    return s.substring(start, end).toLowerCase(java.util.Locale.ROOT);
  }

  /** True when the word right before {@code st} (skipping spaces, ':' and '=') is one of {@code words}. */
  private static boolean precededByWord(String s, int st, String[] words) {
    return precededByWord(s, st, words, 3);
  }

  /**
   * {@code hops}: how many more times a "to" or "from" right before {@code st}, or a dotted number before that
   * ("migrated from 4.2.1.0 to 4.3.0.1"), may be passed over to reach the word.
   */
  private static boolean precededByWord(String s, int st, String[] words, int hops) {
    int j = st - 1;
    while (j >= 0 && st - j < 6 && " :=\t".indexOf(s.charAt(j)) >= 0) {
      j--;
    }
    if (j >= 0 && s.charAt(j) == '.') {
      j--; // "ver. 1.2.3.4"
    }
    int end = j + 1;
    int start = end;
    while (start > 0 && (Character.isLetter(s.charAt(start - 1)) || s.charAt(start - 1) == '§')
        && end - start < 12) {
      start--;
    }
    String w = s.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    if (hops > 0 && (w.equals("to") || w.equals("from")) && start > 0) {
      // "upgraded to 2.0.1.3", "upgrade from 10.2.13.9", and a range of versions
      return precededByWord(s, start, words, hops - 1) || hops > 1 && afterVersion(s, start, words, hops - 1);
    }
    for (String v : words) {
      if (w.equals(v)) {
        return true;
      }
    }
    return false;
  }

  /** True when a dotted number ends right before {@code st} (past spaces) and a version word precedes it. */
  private static boolean afterVersion(String s, int st, String[] words, int hops) {
    int j = st - 1;
    while (j >= 0 && st - j < 4 && s.charAt(j) == ' ') {
      j--;
    }
    int end = j + 1;
    boolean dot = false;
    while (j >= 0 && end - j < 40 && (isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
      dot |= s.charAt(j) == '.';
      j--;
    }
    return dot && end > j + 1 && isDigit(s.charAt(j + 1)) && precededByWord(s, j + 1, words, hops - 1);
  }

  /** Literal split keeping empty parts (no regex on event text). */
  static String[] splitOn(String g, char sep) {
    java.util.List<String> parts = new java.util.ArrayList<>(8);
    int from = 0;
    for (int i = 0; i <= g.length(); i++) {
      if (i == g.length() || g.charAt(i) == sep) {
        parts.add(g.substring(from, i));
        from = i + 1;
      }
    }
    return parts.toArray(new String[0]);
  }

  private static String digitsOf(String g) {
    StringBuilder b = new StringBuilder(g.length());
    for (int i = 0; i < g.length(); i++) {
      if (isDigit(g.charAt(i))) {
        b.append(g.charAt(i));
      }
    }
    return b.toString();
  }

  private static boolean allSame(String d) {
    for (int i = 1; i < d.length(); i++) {
      if (d.charAt(i) != d.charAt(0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hex(char c) {
    return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /**
   * A match of a pattern inside the window {@code [a, b)} of {@code s}, with offsets into {@code s}: an RE2J
   * pattern, or one of the {@link DigitPatterns} matched by hand, which pays the budget alike.
   */
  private static final class Win {
    private final Matcher m;
    private final DigitPatterns.Finder finder;
    private final String s;
    private final int base;
    private final int to;
    private int from;
    private int start;
    private int end;

    /** A window on {@code s[a, b)}, paid from {@code budget}; one the budget cannot pay finds nothing. */
    Win(Budget budget, Pattern p, String s, int a, int b) {
      this.m = budget.take(b - a) ? p.matcher(s.substring(a, b)) : null;
      this.finder = null;
      this.s = s;
      this.base = a;
      this.to = b;
    }

    /** The same for a pattern matched by hand. */
    Win(Budget budget, DigitPatterns.Finder finder, String s, int a, int b) {
      this.m = null;
      this.finder = budget.take(b - a) ? finder : null;
      this.s = s;
      this.base = a;
      this.to = b;
      this.from = a;
    }

    boolean find() {
      if (finder != null) {
        long r = from < to ? finder.find(s, from, to) : -1;
        if (r < 0) {
          from = to;
          return false;
        }
        start = (int) (r >>> 32);
        end = (int) r;
        from = end;
        return true;
      }
      if (m == null || !m.find()) {
        return false;
      }
      start = base + m.start();
      end = base + m.end();
      return true;
    }

    int start() {
      return start;
    }

    int end() {
      return end;
    }

    String group() {
      return s.substring(start, end);
    }
  }

  /**
   * What one family of checks (phone, card, SSN and IPv4 around digit clusters; IBANs; IPv6; secrets) may
   * still read with regular expressions in one field.
   */
  private static final class Budget {
    private int left;

    Budget(int chars) {
      this.left = chars;
    }

    /** Takes {@code chars}, or takes none and returns false when fewer are left. */
    boolean take(int chars) {
      if (chars > left) {
        left = 0;
        return false;
      }
      left -= chars;
      return true;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static Map<String, Integer> ibanLengths() {
    String t =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18"
            + " DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23"
            + " IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20"
            + " MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18"
            + " SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    java.util.HashMap<String, Integer> m = new java.util.HashMap<>();
    for (String e : t.split(" ")) {
      m.put(e.substring(0, 2), Integer.parseInt(e.substring(2)));
    }
    return Map.copyOf(m);
  }
}
