package io.cellstack.starter.outbox;

/**
 * An event to publish with a business write.
 *
 * @param slot the slot of the uid (the row's vindex)
 * @param topic the fully qualified Pulsar topic
 * @param uid the user; the message key, so one user's events stay in order
 * @param eventType the CloudEvent type, e.g. io.cellstack.payment.created
 * @param payload the body
 * @param traceparent the W3C trace context of the write, or null for the current span's
 */
public record OutboxEvent(
    int slot, String topic, String uid, String eventType, byte[] payload, String traceparent) {}
