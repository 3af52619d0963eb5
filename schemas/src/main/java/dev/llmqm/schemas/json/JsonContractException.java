package dev.llmqm.schemas.json;

/** A JSON document does not match the Avro contract; the message names the offending path. */
public final class JsonContractException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public JsonContractException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** JSON path of the offending value, e.g. {@code $.retrieved_context[0].doc_id}. */
  public String path() {
    return path;
  }
}
