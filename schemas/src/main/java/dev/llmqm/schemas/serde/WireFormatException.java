package dev.llmqm.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The bytes are not a valid Confluent wire-format Avro record (bad magic byte, truncated, …). */
public final class WireFormatException extends SerializationException {
  private static final long serialVersionUID = 1L;

  public WireFormatException(String message) {
    super(message);
  }

  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
