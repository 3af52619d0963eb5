package dev.llmqm.scoring;

/** Kinds of personally identifiable information and secrets that the tier-1 PII check reports. */
public enum PiiType {
  /** An e-mail address. */
  EMAIL,
  /** A telephone number: national format for the configured home regions, {@code +CC} otherwise. */
  PHONE,
  /** A payment card number with a valid Luhn checksum and a known issuer prefix. */
  CREDIT_CARD,
  /** An IBAN with the right length for its country and a valid mod-97 checksum. */
  IBAN,
  /** A US social security number outside the never-issued ranges. */
  US_SSN,
  /** An IPv4 or IPv6 address (not loopback, unspecified or broadcast). */
  IP_ADDRESS,
  /** An API key, access token, private key or other high-entropy credential. */
  SECRET
}
