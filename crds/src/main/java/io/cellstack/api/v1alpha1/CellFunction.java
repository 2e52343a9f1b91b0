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

/** A Spring Cloud Function app deployed into every RZONE cell, with its triggers and scaling. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("CellFunction")
@ShortNames("cfn")
@AdditionalPrinterColumn(name = "Function", jsonPath = ".spec.definition", type = Type.STRING)
@AdditionalPrinterColumn(name = "Image", jsonPath = ".spec.image", type = Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Cells", jsonPath = ".status.readyCells", type = Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = Conditions.READY_JSON_PATH, type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class CellFunction extends CustomResource<CellFunctionSpec, CellFunctionStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("The function, its triggers, outputs and scaling.")
  public CellFunctionSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Per-cell services and their readiness.")
  public CellFunctionStatus getStatus() {
    return super.getStatus();
  }
}
