package io.cellstack.operator.functions;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.operator.OperatorConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one pass over a CellFunction works from: the namespace's cells, the published routing table,
 * the time (for capacity windows) and the operator configuration. Computed once per pass by the
 * reconciler.
 */
public record FunctionPlan(
    List<Cell> cells, Optional<RoutingTable> routing, Instant now, OperatorConfig config) {}
