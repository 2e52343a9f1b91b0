package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** Observed state of a {@link ShardMap}: what routing table is published. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShardMapStatus extends CellstackStatus {

  @JsonPropertyDescription(
      "Epoch of the published routing table; grows by one each time the table really changes.")
  private Long epoch;

  @JsonPropertyDescription("Number of slots each cell serves in the published table.")
  private Map<String, Integer> slotsPerCell;

  @JsonPropertyDescription("ConfigMap holding the published routing table.")
  private String routingConfigMap;

  public Long getEpoch() {
    return epoch;
  }

  public void setEpoch(Long epoch) {
    this.epoch = epoch;
  }

  public Map<String, Integer> getSlotsPerCell() {
    return slotsPerCell;
  }

  public void setSlotsPerCell(Map<String, Integer> slotsPerCell) {
    this.slotsPerCell = slotsPerCell;
  }

  public String getRoutingConfigMap() {
    return routingConfigMap;
  }

  public void setRoutingConfigMap(String routingConfigMap) {
    this.routingConfigMap = routingConfigMap;
  }
}
