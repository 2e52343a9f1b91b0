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

/** A new version of a CellFunction reaching users in grey steps, with automatic rollback. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("GreyRollout")
@ShortNames("gr")
@AdditionalPrinterColumn(name = "Function", jsonPath = ".spec.function", type = Type.STRING)
@AdditionalPrinterColumn(name = "Version", jsonPath = ".spec.version", type = Type.STRING)
@AdditionalPrinterColumn(name = "Step", jsonPath = ".status.currentStep", type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = Conditions.READY_JSON_PATH, type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class GreyRollout extends CustomResource<GreyRolloutSpec, GreyRolloutStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("The new version, its grey steps, analysis and cell waves.")
  public GreyRolloutSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Where the rollout stands.")
  public GreyRolloutStatus getStatus() {
    return super.getStatus();
  }
}
