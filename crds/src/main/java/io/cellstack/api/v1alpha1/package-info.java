/**
 * The {@code cellstack.io/v1alpha1} custom resources: what a platform team declares. Each kind is a
 * {@code CustomResource} with a Spec (desired state, validated by schema and CEL rules) and a
 * Status (observedGeneration and conditions, written only by the operator).
 */
package io.cellstack.api.v1alpha1;
