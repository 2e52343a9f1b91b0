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

/** Which cell owns which slots, and how slots land on Vitess keyspaces and shards. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("ShardMap")
@ShortNames("sm")
@AdditionalPrinterColumn(name = "Slots", jsonPath = ".spec.slots", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "Epoch", jsonPath = ".status.epoch", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "Ready", jsonPath = Conditions.READY_JSON_PATH, type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class ShardMap extends CustomResource<ShardMapSpec, ShardMapStatus> implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired slot layout.")
  public ShardMapSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("The published routing table's epoch and slots per cell.")
  public ShardMapStatus getStatus() {
    return super.getStatus();
  }
}
