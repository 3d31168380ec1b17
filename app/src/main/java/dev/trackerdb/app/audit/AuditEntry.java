package dev.trackerdb.app.audit;

import org.jooq.JSONB;

/** One audited request. {@code details} is JSON text; the columns are the audit_logs table's. */
public record AuditEntry(Integer apiKeyId, String action, String resourceType, Integer resourceId, String details,
                         String ipAddress, String userAgent, String requestId, boolean success, String errorMessage) {

    JSONB detailsJson() {
        return details == null ? null : JSONB.valueOf(details);
    }
}
