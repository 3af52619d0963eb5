package dev.llmqm.scoring;

/**
 * One word or number of a text, as produced by {@link Tokenizer}.
 *
 * @param lower the lower-cased surface form (numbers without thousands separators)
 * @param stem a light stem of {@code lower} (numbers are their own stem)
 * @param number true for a number
 * @param capitalised true when the surface form starts with an upper-case letter
 * @param sentenceStart true when the token starts a sentence
 * @param stopword true for a function word (or a question word)
 * @param negation true for a negation or contrast marker ({@link Tokenizer#NEGATIONS})
 * @param instruction true for a generic instruction word ({@link Tokenizer#INSTRUCTION_WORDS}), by its lower-case
 *     form or its stem
 * @param prefixKey {@code "~"} plus the first six chars for words of seven or more chars, else {@code null}
 * @param value the number the token stands for, in plain digits, when that is not {@code lower} itself: a number
 *     with leading zeros or trailing decimal zeros ("05" is "5", "6.50" is "6.5") or a number word ("fourteen" is
 *     "14"); else {@code null}
 */
record Token(
    String lower,
    String stem,
    boolean number,
    boolean capitalised,
    boolean sentenceStart,
    boolean stopword,
    boolean negation,
    boolean instruction,
    String prefixKey,
    String value) {

  /** A content token: not a stopword, and either a number or at least two letters long. */
  boolean content() {
    return !stopword && (number || lower.length() > 1);
  }
}
