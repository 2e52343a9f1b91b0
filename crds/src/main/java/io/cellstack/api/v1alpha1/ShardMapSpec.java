package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.cellstack.core.slot.SlotFunction;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Desired state of a {@link ShardMap}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.assignments.all(a, a.ranges.all(r, r.to < self.slots))",
    message = "every slot range must lie within [0, spec.slots)",
    fieldPath = ".assignments")
public record ShardMapSpec(
    @JsonPropertyDescription(
            "Number of slots users are hashed into, 1-10000. Numeric uids land on uid mod slots,"
                + " so with 100 slots a uid's last two digits are its slot.")
        @Min(1)
        @Max(SlotFunction.MAX_SLOTS)
        @Default("100")
        Integer slots,
    @JsonPropertyDescription(
            "Which RZONE cell owns which slots. Together the ranges must cover every slot exactly"
                + " once.")
        @Required
        @Size(min = 1, max = 1000)
        List<Assignment> assignments,
    @JsonPropertyDescription(
            "Vitess keyspaces sharded by slot; each cell's contiguous slot range becomes shard key"
                + " ranges of every keyspace.")
        @Size(max = 100)
        List<Keyspace> keyspaces) {

  /** Slots, defaulted. */
  public int slotsOrDefault() {
    return slots == null ? SlotFunction.DEFAULT_SLOTS : slots;
  }

  /** The slot ranges one cell owns. */
  public record Assignment(
      @JsonPropertyDescription("Name of an RZONE Cell.") @Required @Pattern(ApiGroup.NAME_PATTERN)
          String cell,
      @JsonPropertyDescription("Inclusive slot ranges the cell owns.") @Required @Size(min = 1)
          List<Range> ranges) {}

  /** An inclusive slot range. */
  @ValidationRule(value = "self.from <= self.to", message = "from must not be after to")
  public record Range(
      @JsonPropertyDescription("First slot of the range.")
          @Required
          @Min(0)
          @Max(SlotFunction.MAX_SLOTS - 1)
          Integer from,
      @JsonPropertyDescription("Last slot of the range (inclusive).")
          @Required
          @Min(0)
          @Max(SlotFunction.MAX_SLOTS - 1)
          Integer to) {}

  /** A Vitess keyspace sharded along the slot layout. */
  public record Keyspace(
      @JsonPropertyDescription("Keyspace name, e.g. payment.")
          @Required
          @Pattern("^[a-z][a-z0-9_]{0,62}$")
          String name,
      @JsonPropertyDescription(
              "Shards each cell's slot range is split into, 1-16; more shards spread a cell's"
                  + " writes over more MySQL primaries.")
          @Min(1)
          @Max(16)
          @Default("1")
          Integer shardsPerCell,
      @JsonPropertyDescription(
              "Tables of the keyspace; each is sharded by its slot column (the VSchema's primary"
                  + " vindex).")
          @Size(max = 500)
          List<@Pattern("^[a-z][a-z0-9_]{0,63}$") String> tables) {

    /** Shards per cell, defaulted. */
    public int shardsPerCellOrDefault() {
      return shardsPerCell == null ? 1 : shardsPerCell;
    }

    /** The tables, never null. */
    public List<String> tablesOrEmpty() {
      return tables == null ? List.of() : tables;
    }
  }
}
