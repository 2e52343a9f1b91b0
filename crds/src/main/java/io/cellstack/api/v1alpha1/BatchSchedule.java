package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Nightly per-user work (statements, reminders, auto-debit) through the three-layer scheduler. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("BatchSchedule")
@ShortNames("bs")
@AdditionalPrinterColumn(name = "Schedule", jsonPath = ".spec.schedule", type = Type.STRING)
@AdditionalPrinterColumn(name = "Handler", jsonPath = ".spec.handler.function", type = Type.STRING)
@AdditionalPrinterColumn(name = "Last-Run", jsonPath = ".status.lastRun.phase", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Progress",
    jsonPath = ".status.lastRun.progress",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = Conditions.READY_JSON_PATH, type = Type.STRING)
public class BatchSchedule extends CustomResource<BatchScheduleSpec, BatchScheduleStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("When to run, what to call, and how fast.")
  public BatchScheduleSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("The last run and its progress.")
  public BatchScheduleStatus getStatus() {
    return super.getStatus();
  }
}
