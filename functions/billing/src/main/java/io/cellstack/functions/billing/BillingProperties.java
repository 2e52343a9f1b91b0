package io.cellstack.functions.billing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The billing function's settings ({@code cellstack.billing.*}).
 *
 * @param changesTopic the Pulsar topic of change events; by default the cell's {@code
 *     billing.changes} ({@code persistent://cellstack/<cell>/billing.changes})
 * @param defaultCreditLimit the credit limit of a new account, minor units (payment's credit check
 *     assumes the same for payers billing has not seen)
 * @param merchantPosting BUFFERED (hot accounts: append, merge later) or DIRECT (update the balance
 *     row in each posting)
 * @param mergeInterval how often the merger folds the buffers in
 * @param mergeBatch postings folded in per merge transaction at most
 * @param paymentKeyspace the payment function's keyspace, read by reconciliation
 */
@ConfigurationProperties("cellstack.billing")
public record BillingProperties(
    String changesTopic,
    @DefaultValue("5000000") long defaultCreditLimit,
    @DefaultValue("BUFFERED") HotAccounts.Mode merchantPosting,
    @DefaultValue("200ms") Duration mergeInterval,
    @DefaultValue("2000") int mergeBatch,
    @DefaultValue("payment") String paymentKeyspace) {}
