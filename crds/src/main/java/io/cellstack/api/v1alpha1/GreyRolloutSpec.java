package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Desired state of a {@link GreyRollout}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GreyRolloutSpec(
    @JsonPropertyDescription("Name of the CellFunction being released.")
        @Required
        @Pattern(ApiGroup.NAME_PATTERN)
        String function,
    @JsonPropertyDescription("Version label of the new release, e.g. v2 or 2026-11-21.1.")
        @Required
        @Pattern("^[a-z0-9]([-a-z0-9.]{0,38}[a-z0-9])?$")
        String version,
    @JsonPropertyDescription("Container image of the new version.") @Required @Pattern("^[^\\s]+$")
        String image,
    @JsonPropertyDescription(
            "Grey steps in order; a request (or a mobile client's update check) matches a step"
                + " when it matches every rule the step sets.")
        @Required
        @Size(min = 1, max = 20)
        List<Step> steps,
    @JsonPropertyDescription("Thresholds that roll the release back automatically.")
        Analysis analysis,
    @JsonPropertyDescription(
            "Cell waves: the release reaches the cells of one wave before the next; empty means"
                + " all RZONE cells at once.")
        List<Wave> waves) {

  /** One grey step. */
  @ValidationRule(
      value =
          "has(self.whitelist) || has(self.percentage) || has(self.regions) || has(self.devices)"
              + " || has(self.networks) || has(self.appVersions)",
      message =
          "a step needs at least one rule: whitelist, percentage, regions, devices,"
              + " networks or appVersions")
  public record Step(
      @JsonPropertyDescription("Step name, e.g. staff or ten-percent.")
          @Required
          @Pattern(ApiGroup.NAME_PATTERN)
          String name,
      @JsonPropertyDescription("Uids that get the new version in this step.") @Size(max = 10000)
          List<@Pattern(ApiGroup.UID_PATTERN) String> whitelist,
      @JsonPropertyDescription(
              "Sticky share of users, 0-100: a user is in when hash(uid) mod 100 is below it, so"
                  + " a user who got the new version keeps it as the share grows.")
          @Min(0)
          @Max(100)
          Integer percentage,
      @JsonPropertyDescription("Regions whose requests match, e.g. east.")
          List<@Pattern(ApiGroup.NAME_PATTERN) String> regions,
      @JsonPropertyDescription("Device models that match (mobile clients), e.g. Pixel 9.")
          List<String> devices,
      @JsonPropertyDescription("Networks that match.") List<Network> networks,
      @JsonPropertyDescription(
              "App version constraint for mobile clients, e.g. >=10.2.0 or <11.0.0.")
          @Pattern("^(>=|<=|>|<|=)?[0-9]+(\\.[0-9]+){0,2}$")
          String appVersions,
      @JsonPropertyDescription(
              "How long to hold this step while analysis runs before the next, e.g. 10m.")
          @Pattern(ApiGroup.DURATION_PATTERN)
          String pause,
      @JsonPropertyDescription("Wait for a person to approve before the next step.")
          @Default("false")
          Boolean manualApproval) {}

  /** The network a mobile client reports. */
  public enum Network {
    wifi,
    cellular,
    ethernet
  }

  /** Rollback thresholds measured on the new version's traffic. */
  public record Analysis(
      @JsonPropertyDescription("Largest error rate tolerated, in basis points (100 = 1%), 0-10000.")
          @Min(0)
          @Max(10000)
          @Default("100")
          Integer maxErrorRateBasisPoints,
      @JsonPropertyDescription("Largest p99 latency tolerated, in milliseconds.")
          @Min(1)
          @Default("500")
          Integer maxP99LatencyMillis,
      @JsonPropertyDescription("How often to measure, e.g. 1m.")
          @Pattern(ApiGroup.DURATION_PATTERN)
          @Default("1m")
          String interval,
      @JsonPropertyDescription("Failed measurements in a row that trigger rollback, 1-10.")
          @Min(1)
          @Max(10)
          @Default("2")
          Integer failureLimit) {}

  /** A set of cells released together. */
  public record Wave(
      @JsonPropertyDescription("Wave name, e.g. canary-cell.")
          @Required
          @Pattern(ApiGroup.NAME_PATTERN)
          String name,
      @JsonPropertyDescription("RZONE cells in this wave.") @Required @Size(min = 1)
          List<@Pattern(ApiGroup.NAME_PATTERN) String> cells) {}
}
