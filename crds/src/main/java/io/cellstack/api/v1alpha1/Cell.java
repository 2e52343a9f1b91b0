package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A logical data center: a region and zone, a type, a desired state and a failover peer. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("Cell")
@ShortNames("cl")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type", type = Type.STRING)
@AdditionalPrinterColumn(name = "Region", jsonPath = ".spec.region", type = Type.STRING)
@AdditionalPrinterColumn(name = "Zone", jsonPath = ".spec.zone", type = Type.STRING)
@AdditionalPrinterColumn(name = "State", jsonPath = ".spec.state", type = Type.STRING)
@AdditionalPrinterColumn(name = "Peer", jsonPath = ".spec.peer", type = Type.STRING)
@AdditionalPrinterColumn(name = "Serves", jsonPath = ".status.servedSlots", type = Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = Conditions.READY_JSON_PATH, type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
@ValidationRule(
    value = "!has(self.spec.peer) || self.spec.peer != self.metadata.name",
    message = "a cell cannot be its own peer",
    fieldPath = ".spec.peer")
public class Cell extends CustomResource<CellSpec, CellStatus> implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state of the cell.")
  public CellSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state of the cell, written by the operator.")
  public CellStatus getStatus() {
    return super.getStatus();
  }
}
