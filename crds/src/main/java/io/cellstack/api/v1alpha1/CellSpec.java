package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.cellstack.core.routing.CellState;
import io.cellstack.core.routing.CellType;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired state of a {@link Cell}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.type == 'RZONE' || !has(self.peer)",
    message = "only RZONE cells have a failover peer",
    fieldPath = ".peer")
public record CellSpec(
    @JsonPropertyDescription(
            "Region the cell runs in, e.g. east. Peers must be in different regions.")
        @Required
        @Pattern(ApiGroup.NAME_PATTERN)
        String region,
    @JsonPropertyDescription("Availability zone inside the region, e.g. east-a.")
        @Required
        @Pattern(ApiGroup.NAME_PATTERN)
        String zone,
    @JsonPropertyDescription(
            "RZONE owns slots and their users' data; GZONE holds global single-writer data;"
                + " CZONE is a city-local read copy of GZONE data.")
        @Required
        CellType type,
    @JsonPropertyDescription("Relative capacity weight, 1-1000, used to size and balance cells.")
        @Min(1)
        @Max(1000)
        @Default("100")
        Integer weight,
    @JsonPropertyDescription(
            "Active serves its slots; Draining still serves but should hand its slots over;"
                + " Offline serves nothing.")
        @Default("Active")
        CellState state,
    @JsonPropertyDescription(
            "RZONE cell in another region that hosts this cell's failover database and takes its"
                + " traffic on failover.")
        @Pattern(ApiGroup.NAME_PATTERN)
        @Size(max = 63)
        String peer) {

  /** The weight a cell gets when it names none. */
  public static final int DEFAULT_WEIGHT = 100;

  /** The weight, defaulted. */
  public int weightOrDefault() {
    return weight == null ? DEFAULT_WEIGHT : weight;
  }

  /** The state, defaulted to Active. */
  public CellState stateOrDefault() {
    return state == null ? CellState.Active : state;
  }
}
