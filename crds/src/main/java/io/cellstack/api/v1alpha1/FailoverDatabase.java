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

/** A cell's primary database and the failover database a peer cell hosts for it. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("FailoverDatabase")
@ShortNames("fdb")
@AdditionalPrinterColumn(name = "Cell", jsonPath = ".spec.cell", type = Type.STRING)
@AdditionalPrinterColumn(name = "Failover", jsonPath = ".spec.failover.cell", type = Type.STRING)
@AdditionalPrinterColumn(name = "Mode", jsonPath = ".spec.mode", type = Type.STRING)
@AdditionalPrinterColumn(name = "Trigger", jsonPath = ".spec.trigger", type = Type.STRING)
@AdditionalPrinterColumn(name = "Writes", jsonPath = ".status.writeTarget", type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = Conditions.READY_JSON_PATH, type = Type.STRING)
public class FailoverDatabase extends CustomResource<FailoverDatabaseSpec, FailoverDatabaseStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("The databases, the business mode and who triggers failover.")
  public FailoverDatabaseSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Where writes go now and the failover state machine's phase.")
  public FailoverDatabaseStatus getStatus() {
    return super.getStatus();
  }
}
