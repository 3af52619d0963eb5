package dev.llmqm.schemas.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A Schema Registry call failed. Extends Kafka's {@link SerializationException} so that a failure
 * inside a serializer or deserializer is handled by the client's serialization error handling.
 */
public class SchemaRegistryException extends SerializationException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, int httpStatus, int errorCode) {
    this(message, httpStatus, errorCode, null);
  }

  /** The HTTP status of the failed call, or -1 when no response was received. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's {@code error_code} from the response body, or -1 when absent. */
  public int errorCode() {
    return errorCode;
  }

  /** HTTP 409: the schema is incompatible with the subject's compatibility setting. */
  public static final class IncompatibleSchemaException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    public IncompatibleSchemaException(String message, int errorCode) {
      super(message, 409, errorCode);
    }
  }

  /** HTTP 404: unknown schema id, subject or version. */
  public static final class NotFoundException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message, int errorCode) {
      super(message, 404, errorCode);
    }
  }

  /** HTTP 401 or 403: credentials missing or refused. */
  public static final class AuthenticationException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message, int httpStatus) {
      super(message, httpStatus, -1);
    }
  }

  /** HTTP 422 and other 4xx: the request itself is invalid (e.g. an unparsable schema). */
  public static final class InvalidRequestException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message, int httpStatus, int errorCode) {
      super(message, httpStatus, errorCode);
    }
  }

  /** I/O errors and 5xx responses that persisted through every retry. */
  public static final class UnavailableException extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message, int httpStatus, Throwable cause) {
      super(message, httpStatus, -1, cause);
    }
  }
}
