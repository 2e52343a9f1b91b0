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

/** Desired state of a {@link BatchSchedule}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchScheduleSpec(
    @JsonPropertyDescription("Cron schedule, five fields, e.g. '0 2 * * *' for 02:00 daily.")
        @Required
        @Pattern(CRON_PATTERN)
        String schedule,
    @JsonPropertyDescription("IANA time zone the schedule and windows are read in, e.g. UTC.")
        @Default("UTC")
        @Pattern("^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$")
        String timeZone,
    @JsonPropertyDescription("The CellFunction called once per user task.") @Required
        Handler handler,
    @JsonPropertyDescription(
            "Concurrency ceilings by time of day, so batch work yields to daytime traffic.")
        List<Window> windows,
    @JsonPropertyDescription("Concurrency that adapts to the handler's latency and errors.")
        Adaptive adaptive,
    @JsonPropertyDescription("How layer 1 splits slots and layer 3 sizes its slices.")
        Slicing slicing,
    @JsonPropertyDescription("Run for a subset of users first.") Grey grey,
    @JsonPropertyDescription("Stop starting new runs; a running one finishes.") @Default("false")
        Boolean suspend) {

  /** Five cron fields of digits, ranges, lists, steps and stars. */
  public static final String CRON_PATTERN = "^(\\S+\\s+){4}\\S+$";

  /** What a task calls. */
  public record Handler(
      @JsonPropertyDescription("Name of the CellFunction.")
          @Required
          @Pattern(ApiGroup.NAME_PATTERN)
          String function,
      @JsonPropertyDescription("Spring Cloud Function definition to call, e.g. statement.")
          @Required
          @Pattern("^[A-Za-z][A-Za-z0-9]*$")
          String definition) {}

  /** A concurrency ceiling for part of the day. */
  @ValidationRule(value = "self.from != self.to", message = "from and to must differ")
  public record Window(
      @JsonPropertyDescription("Start, HH:MM; a window may wrap past midnight (22:00-06:00).")
          @Required
          @Pattern(ApiGroup.TIME_OF_DAY_PATTERN)
          String from,
      @JsonPropertyDescription("End, HH:MM, exclusive.")
          @Required
          @Pattern(ApiGroup.TIME_OF_DAY_PATTERN)
          String to,
      @JsonPropertyDescription("Most tasks in flight per cell inside the window, 0-10000.")
          @Required
          @Min(0)
          @Max(10000)
          Integer maxConcurrency) {}

  /** Adaptive concurrency limits. */
  @ValidationRule(
      value = "self.minConcurrency <= self.maxConcurrency",
      message = "minConcurrency must not exceed maxConcurrency")
  public record Adaptive(
      @JsonPropertyDescription("Floor of tasks in flight per cell.")
          @Min(1)
          @Max(10000)
          @Default("1")
          Integer minConcurrency,
      @JsonPropertyDescription("Ceiling of tasks in flight per cell.")
          @Min(1)
          @Max(10000)
          @Default("64")
          Integer maxConcurrency,
      @JsonPropertyDescription("p99 latency of the handler above which concurrency backs off.")
          @Min(1)
          @Default("200")
          Integer targetP99Millis) {}

  /** How work is split. */
  @ValidationRule(
      value = "self.minSliceSize <= self.initialSliceSize",
      message = "minSliceSize must not exceed initialSliceSize")
  public record Slicing(
      @JsonPropertyDescription("Layer 1: slot ranges each cell's slots are split into, 1-100.")
          @Min(1)
          @Max(100)
          @Default("4")
          Integer rangesPerCell,
      @JsonPropertyDescription("Layer 3: tasks claimed per slice at the start.")
          @Min(1)
          @Max(100000)
          @Default("500")
          Integer initialSliceSize,
      @JsonPropertyDescription(
              "Layer 3: smallest slice; slices shrink toward it as work runs out, so no worker"
                  + " holds a long tail.")
          @Min(1)
          @Max(100000)
          @Default("10")
          Integer minSliceSize) {}

  /** Users who get the run first. */
  public record Grey(
      @JsonPropertyDescription("Uids to run for.") @Size(max = 10000)
          List<@Pattern(ApiGroup.UID_PATTERN) String> whitelist,
      @JsonPropertyDescription("Sticky share of users, 0-100, by hash(uid) mod 100.")
          @Min(0)
          @Max(100)
          Integer percentage) {}
}
