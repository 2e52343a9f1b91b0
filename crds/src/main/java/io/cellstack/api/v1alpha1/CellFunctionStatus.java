package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Observed state of a {@link CellFunction}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CellFunctionStatus extends CellstackStatus {

  @JsonPropertyDescription("Ready per-cell services out of all, e.g. 3/4.")
  private String readyCells;

  @JsonPropertyDescription("The Knative Services this function runs as, one per RZONE cell.")
  private List<String> services;

  @JsonPropertyDescription("Scale floor in force now, raised inside a capacity window.")
  private Integer effectiveMinScale;

  @JsonPropertyDescription("Capacity window in force now, if any.")
  private String activeCapacityWindow;

  public String getReadyCells() {
    return readyCells;
  }

  public void setReadyCells(String readyCells) {
    this.readyCells = readyCells;
  }

  public List<String> getServices() {
    return services;
  }

  public void setServices(List<String> services) {
    this.services = services;
  }

  public Integer getEffectiveMinScale() {
    return effectiveMinScale;
  }

  public void setEffectiveMinScale(Integer effectiveMinScale) {
    this.effectiveMinScale = effectiveMinScale;
  }

  public String getActiveCapacityWindow() {
    return activeCapacityWindow;
  }

  public void setActiveCapacityWindow(String activeCapacityWindow) {
    this.activeCapacityWindow = activeCapacityWindow;
  }
}
