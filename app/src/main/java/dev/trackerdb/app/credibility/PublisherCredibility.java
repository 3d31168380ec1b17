package dev.trackerdb.app.credibility;

import java.math.BigDecimal;

/** A publisher's retraction record and the credibility derived from it. */
public record PublisherCredibility(String publisher, int totalArticles, int retracted, BigDecimal retractionRate,
                                   BigDecimal credibilityScore, String tier) {
}
