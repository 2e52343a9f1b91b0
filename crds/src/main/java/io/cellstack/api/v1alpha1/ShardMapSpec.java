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
        List<Keyspace> keyspaces,
    @JsonPropertyDescription(
            "Where the keyspaces go in Vitess: entries of spec.keyspaces in a planetscale.com/v2"
                + " VitessCluster that a platform admin created (cells named like the Cellstack"
                + " cells, lockserver, images, backup). The operator adds and updates its own"
                + " entries there, leaves every other one alone and never removes a keyspace."
                + " Every field has a default.")
        Vitess vitess) {

  /** Slots, defaulted. */
  public int slotsOrDefault() {
    return slots == null ? SlotFunction.DEFAULT_SLOTS : slots;
  }

  /** The keyspaces, never null. */
  public List<Keyspace> keyspacesOrEmpty() {
    return keyspaces == null ? List.of() : keyspaces;
  }

  /** The Vitess settings, defaulted when absent. */
  public Vitess vitessOrDefault() {
    return vitess == null ? new Vitess(null, null, null) : vitess;
  }

  /** The slot ranges one cell owns. */
  public record Assignment(
      @JsonPropertyDescription("Name of an RZONE Cell.") @Required @Pattern(ApiGroup.NAME_PATTERN)
          String cell,
      // bounded so that the API server's cost estimate of the spec's CEL rule over every range
      // (assignments x ranges) stays within its per-rule budget
      @JsonPropertyDescription("Inclusive slot ranges the cell owns, 1-500.")
          @Required
          @Size(min = 1, max = 500)
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
      @JsonPropertyDescription(
              "Keyspace name, e.g. payment: a lowercase letter, then letters, digits or"
                  + " underscores, not ending with an underscore (Vitess's rule), at most 63.")
          @Required
          @Pattern("^[a-z]([a-z0-9_]{0,61}[a-z0-9])?$")
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

  /** The VitessCluster that holds the keyspaces, and how their shards' tablets are set up. */
  public record Vitess(
      @JsonPropertyDescription(
              "Name of the VitessCluster in the ShardMap's namespace. Defaults to the ShardMap's"
                  + " name.")
          @Pattern(ApiGroup.NAME_PATTERN)
          String cluster,
      @JsonPropertyDescription(
              "Secret key with the init_db.sql script Vitess runs on each new shard's empty"
                  + " database (every shard's databaseInitScriptSecret). Defaults to Secret"
                  + " <cluster>-cluster-config, key init_db.sql, as in the vitess-operator"
                  + " examples.")
          SecretKey databaseInitScriptSecret,
      @JsonPropertyDescription(
              "The replica tablets of every shard, in the cell that owns the shard's slots.")
          TabletPool tabletPool) {

    /** Secret key used when none is given: {@code init_db.sql}. */
    public static final String DEFAULT_INIT_SCRIPT_KEY = "init_db.sql";

    /** The VitessCluster's name: {@link #cluster}, else {@code shardMap}. */
    public String clusterOrDefault(String shardMap) {
      return cluster == null ? shardMap : cluster;
    }

    /** The init script's Secret and key, defaulted from the cluster's name. */
    public SecretKey databaseInitScriptSecretOrDefault(String clusterName) {
      String name =
          databaseInitScriptSecret == null || databaseInitScriptSecret.name() == null
              ? clusterName + "-cluster-config"
              : databaseInitScriptSecret.name();
      String key =
          databaseInitScriptSecret == null || databaseInitScriptSecret.key() == null
              ? DEFAULT_INIT_SCRIPT_KEY
              : databaseInitScriptSecret.key();
      return new SecretKey(name, key);
    }

    /** The tablet pool, defaulted when absent. */
    public TabletPool tabletPoolOrDefault() {
      return tabletPool == null ? new TabletPool(null, null, null, null, null) : tabletPool;
    }
  }

  /** A key of a Secret in the ShardMap's namespace. */
  public record SecretKey(
      @JsonPropertyDescription("Secret name.") @Pattern(ApiGroup.SUBDOMAIN_PATTERN) String name,
      @JsonPropertyDescription("Key inside the Secret.")
          @Pattern("^[-._a-zA-Z0-9]{1,253}$")
          @Default(Vitess.DEFAULT_INIT_SCRIPT_KEY)
          String key) {}

  /** The replica tablets of each shard. */
  public record TabletPool(
      @JsonPropertyDescription(
              "Replica tablets per shard, 1-16 (one is the primary, the others replicate it).")
          @Min(1)
          @Max(16)
          @Default("2")
          Integer replicas,
      @JsonPropertyDescription("Size of each tablet's MySQL data volume, e.g. 100Gi.")
          @Pattern(ApiGroup.QUANTITY_PATTERN)
          @Default("10Gi")
          String storage,
      @JsonPropertyDescription(
              "StorageClass of the data volumes; the cluster's default when empty. Use one with"
                  + " volumeBindingMode WaitForFirstConsumer when a cell spans zones.")
          @Pattern(ApiGroup.SUBDOMAIN_PATTERN)
          String storageClassName,
      @JsonPropertyDescription(
              "Requests of the vttablet container; defaults to 100m CPU and 256Mi memory. The"
                  + " memory request is also its limit.")
          Resources vttablet,
      @JsonPropertyDescription(
              "Requests of the mysqld container; defaults to 100m CPU and 512Mi memory (the"
                  + " vitess-operator examples' sizes: size it for production). The memory"
                  + " request is also its limit.")
          Resources mysqld) {

    /** Replicas, defaulted. */
    public int replicasOrDefault() {
      return replicas == null ? 2 : replicas;
    }

    /** Storage, defaulted. */
    public String storageOrDefault() {
      return storage == null ? "10Gi" : storage;
    }

    /** vttablet requests, defaulted field by field. */
    public Resources vttabletOrDefault() {
      return Resources.defaulted(vttablet, "100m", "256Mi");
    }

    /** mysqld requests, defaulted field by field. */
    public Resources mysqldOrDefault() {
      return Resources.defaulted(mysqld, "100m", "512Mi");
    }
  }

  /** Requests of a container, as Kubernetes quantities. */
  public record Resources(
      @JsonPropertyDescription("CPU request, e.g. 500m.") @Pattern(ApiGroup.QUANTITY_PATTERN)
          String cpu,
      @JsonPropertyDescription("Memory request, e.g. 1Gi.") @Pattern(ApiGroup.QUANTITY_PATTERN)
          String memory) {

    static Resources defaulted(Resources given, String cpu, String memory) {
      return new Resources(
          given == null || given.cpu() == null ? cpu : given.cpu(),
          given == null || given.memory() == null ? memory : given.memory());
    }
  }
}
