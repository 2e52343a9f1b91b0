package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed state of a {@link GreyRollout}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GreyRolloutStatus extends CellstackStatus {

  @JsonPropertyDescription("Phase: Progressing, Paused, Succeeded or RolledBack.")
  private String phase;

  @JsonPropertyDescription("Name of the step in force.")
  private String currentStep;

  @JsonPropertyDescription("Name of the cell wave in force.")
  private String currentWave;

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public String getCurrentStep() {
    return currentStep;
  }

  public void setCurrentStep(String currentStep) {
    this.currentStep = currentStep;
  }

  public String getCurrentWave() {
    return currentWave;
  }

  public void setCurrentWave(String currentWave) {
    this.currentWave = currentWave;
  }
}
