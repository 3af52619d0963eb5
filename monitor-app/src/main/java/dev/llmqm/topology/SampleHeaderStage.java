package dev.llmqm.topology;

import dev.llmqm.schemas.LlmTraceEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Marks sampled events with their inclusion probability and reason. */
public final class SampleHeaderStage implements FixedKeyProcessor<String, Scored, LlmTraceEvent> {
  private FixedKeyProcessorContext<String, LlmTraceEvent> context;

  public static FixedKeyProcessorSupplier<String, Scored, LlmTraceEvent> supplier() {
    return SampleHeaderStage::new;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, LlmTraceEvent> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, Scored> record) {
    Scored s = record.value();
    double p = s.sampling().inclusionProbability() * s.event().getProducerSampleRate();
    SamplingHeaders.put(record.headers(), p, s.sampling().reason());
    context.forward(record.withValue(s.event()));
  }
}
