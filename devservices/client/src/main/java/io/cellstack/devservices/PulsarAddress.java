package io.cellstack.devservices;

/**
 * Where the Pulsar standalone listens.
 *
 * @param serviceUrl the binary protocol URL for clients, {@code pulsar://127.0.0.1:P}
 * @param adminUrl the web service URL for admin clients, {@code http://127.0.0.1:Q}
 */
public record PulsarAddress(String serviceUrl, String adminUrl) {}
