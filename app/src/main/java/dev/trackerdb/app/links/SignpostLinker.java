package dev.trackerdb.app.links;

import dev.trackerdb.generated.enums.LinkType;
import dev.trackerdb.generated.enums.OutletCred;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.sql.SQLException;
import java.time.OffsetDateTime;

import static dev.trackerdb.generated.Tables.EVENT_SIGNPOST_LINKS;

/**
 * Links an event to a signpost with a confidence score. The 0..1 rule lives in the database
 * (check_confidence_range); its violation becomes a domain error instead of a SQL error.
 */
public final class SignpostLinker {

    private static final String CHECK_VIOLATION = "23514";

    private final DSLContext db;

    public SignpostLinker(DSLContext db) {
        this.db = db;
    }

    /** Inserts or updates the link; a tier-A link is final at once, anything else provisional. */
    public void link(int eventId, int signpostId, double confidence, OutletCred tier, String rationale,
                     OffsetDateTime observedAt) {
        try {
            db.insertInto(EVENT_SIGNPOST_LINKS)
                    .set(EVENT_SIGNPOST_LINKS.EVENT_ID, eventId)
                    .set(EVENT_SIGNPOST_LINKS.SIGNPOST_ID, signpostId)
                    .set(EVENT_SIGNPOST_LINKS.CONFIDENCE, confidence)
                    .set(EVENT_SIGNPOST_LINKS.TIER, tier)
                    .set(EVENT_SIGNPOST_LINKS.PROVISIONAL, tier != OutletCred.A)
                    .set(EVENT_SIGNPOST_LINKS.LINK_TYPE, LinkType.supports)
                    .set(EVENT_SIGNPOST_LINKS.RATIONALE, rationale)
                    .set(EVENT_SIGNPOST_LINKS.OBSERVED_AT, observedAt)
                    .onConflict(EVENT_SIGNPOST_LINKS.EVENT_ID, EVENT_SIGNPOST_LINKS.SIGNPOST_ID)
                    .doUpdate()
                    .set(EVENT_SIGNPOST_LINKS.CONFIDENCE, confidence)
                    .set(EVENT_SIGNPOST_LINKS.RATIONALE, rationale)
                    .execute();
        } catch (IntegrityConstraintViolationException e) {
            if (e.getCause() instanceof SQLException sql && CHECK_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("check_confidence_range")) {
                throw new ConfidenceOutOfRangeException(confidence, e);
            }
            throw e;
        }
    }
}
