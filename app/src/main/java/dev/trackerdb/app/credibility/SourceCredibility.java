package dev.trackerdb.app.credibility;

import dev.trackerdb.generated.enums.EvidenceTier;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static dev.trackerdb.generated.Tables.EVENTS;
import static dev.trackerdb.generated.Tables.SOURCE_CREDIBILITY_SNAPSHOTS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.jooq.impl.DSL.inline;

/** Credibility per publisher, from its retraction record, and the daily snapshot of it. */
public final class SourceCredibility {

    private final DSLContext db;

    public SourceCredibility(DSLContext db) {
        this.db = db;
    }

    /** Current figures for every publisher with A/B/C-tier events, best first. */
    public List<PublisherCredibility> current() {
        Field<Integer> total = count(EVENTS.ID).as("total");
        Field<Integer> retracted = sum(when(EVENTS.RETRACTED, inline(1)).otherwise(inline(0))).cast(Integer.class).as("retracted");
        return db.select(EVENTS.PUBLISHER, total, retracted)
                .from(EVENTS)
                .where(EVENTS.EVIDENCE_TIER.in(EvidenceTier.A, EvidenceTier.B, EvidenceTier.C))
                .and(EVENTS.PUBLISHER.isNotNull())
                .groupBy(EVENTS.PUBLISHER)
                .orderBy(EVENTS.PUBLISHER)
                .fetch(r -> credibility(r.value1(), r.value2(), r.value3()))
                .stream()
                .sorted((a, b) -> b.credibilityScore().compareTo(a.credibilityScore()))
                .toList();
    }

    /** Writes today's figures, one row per publisher and day (uq_source_cred_publisher_date). */
    public int snapshot(LocalDate day) {
        int written = 0;
        for (PublisherCredibility p : current()) {
            written += db.insertInto(SOURCE_CREDIBILITY_SNAPSHOTS)
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.PUBLISHER, p.publisher())
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.SNAPSHOT_DATE, day)
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.TOTAL_ARTICLES, p.totalArticles())
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.RETRACTED_COUNT, p.retracted())
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.RETRACTION_RATE, p.retractionRate())
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.CREDIBILITY_SCORE, p.credibilityScore())
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.CREDIBILITY_TIER, p.tier())
                    .onConflict(SOURCE_CREDIBILITY_SNAPSHOTS.PUBLISHER, SOURCE_CREDIBILITY_SNAPSHOTS.SNAPSHOT_DATE)
                    .doUpdate()
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.TOTAL_ARTICLES, p.totalArticles())
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.RETRACTED_COUNT, p.retracted())
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.RETRACTION_RATE, p.retractionRate())
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.CREDIBILITY_SCORE, p.credibilityScore())
                    .set(SOURCE_CREDIBILITY_SNAPSHOTS.CREDIBILITY_TIER, p.tier())
                    .execute();
        }
        return written;
    }

    /** History of one publisher since a day, newest first. */
    public List<PublisherCredibility> history(String publisher, LocalDate since) {
        return db.selectFrom(SOURCE_CREDIBILITY_SNAPSHOTS)
                .where(SOURCE_CREDIBILITY_SNAPSHOTS.PUBLISHER.eq(publisher))
                .and(SOURCE_CREDIBILITY_SNAPSHOTS.SNAPSHOT_DATE.ge(since))
                .orderBy(SOURCE_CREDIBILITY_SNAPSHOTS.SNAPSHOT_DATE.desc())
                .fetch(r -> new PublisherCredibility(r.getPublisher(), r.getTotalArticles(), r.getRetractedCount(),
                        r.getRetractionRate(), r.getCredibilityScore(), r.getCredibilityTier()));
    }

    static PublisherCredibility credibility(String publisher, int total, int retracted) {
        double score = WilsonScore.lowerBound(total - retracted, total);
        BigDecimal rate = BigDecimal.valueOf(total == 0 ? 0.0 : (double) retracted / total).setScale(4, RoundingMode.HALF_UP);
        BigDecimal credibility = BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP);
        return new PublisherCredibility(publisher, total, retracted, rate, credibility, tier(score));
    }

    private static String tier(double score) {
        if (score >= 0.95) return "A";
        if (score >= 0.90) return "B";
        if (score >= 0.80) return "C";
        return "D";
    }
}
