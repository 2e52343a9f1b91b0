package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Observed state of a {@link Cell}, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CellStatus extends CellstackStatus {

  @JsonPropertyDescription("Slots this cell owns in the ShardMap, as ranges, e.g. 0-24.")
  private String ownedSlots;

  @JsonPropertyDescription(
      "Slots this cell serves now (its own, plus a failed peer's), as ranges, e.g. 0-24, 50-74.")
  private String servedSlots;

  @JsonPropertyDescription("Knative Services of CellFunctions running in this cell.")
  private List<String> servingFunctions;

  @JsonPropertyDescription("Pulsar namespace of this cell, tenant/namespace.")
  private String pulsarNamespace;

  public String getOwnedSlots() {
    return ownedSlots;
  }

  public void setOwnedSlots(String ownedSlots) {
    this.ownedSlots = ownedSlots;
  }

  public String getServedSlots() {
    return servedSlots;
  }

  public void setServedSlots(String servedSlots) {
    this.servedSlots = servedSlots;
  }

  public List<String> getServingFunctions() {
    return servingFunctions;
  }

  public void setServingFunctions(List<String> servingFunctions) {
    this.servingFunctions = servingFunctions;
  }

  public String getPulsarNamespace() {
    return pulsarNamespace;
  }

  public void setPulsarNamespace(String pulsarNamespace) {
    this.pulsarNamespace = pulsarNamespace;
  }
}
