package dev.trackerdb.app.audit;

import dev.trackerdb.generated.tables.records.AuditLogsRecord;
import org.jooq.DSLContext;

import java.util.List;

import static dev.trackerdb.generated.Tables.AUDIT_LOGS;

/**
 * Audit log writes in the shape the table really has. (The original app wrote columns that do
 * not exist, api_key_hash and request_path, and swallowed the errors: here that cannot compile.)
 */
public final class AuditLog {

    private final DSLContext db;

    public AuditLog(DSLContext db) {
        this.db = db;
    }

    public long record(AuditEntry e) {
        return db.insertInto(AUDIT_LOGS)
                .set(AUDIT_LOGS.API_KEY_ID, e.apiKeyId())
                .set(AUDIT_LOGS.ACTION, e.action())
                .set(AUDIT_LOGS.RESOURCE_TYPE, e.resourceType())
                .set(AUDIT_LOGS.RESOURCE_ID, e.resourceId())
                .set(AUDIT_LOGS.DETAILS, e.detailsJson())
                .set(AUDIT_LOGS.IP_ADDRESS, e.ipAddress())
                .set(AUDIT_LOGS.USER_AGENT, e.userAgent())
                .set(AUDIT_LOGS.REQUEST_ID, e.requestId())
                .set(AUDIT_LOGS.SUCCESS, e.success())
                .set(AUDIT_LOGS.ERROR_MESSAGE, e.errorMessage())
                .returning(AUDIT_LOGS.ID)
                .fetchOne(AUDIT_LOGS.ID);
    }

    /** Newest entries for one action (idx_audit_logs_action). */
    public List<AuditLogsRecord> recent(String action, int limit) {
        return db.selectFrom(AUDIT_LOGS)
                .where(AUDIT_LOGS.ACTION.eq(action))
                .orderBy(AUDIT_LOGS.TIMESTAMP.desc(), AUDIT_LOGS.ID.desc())
                .limit(limit)
                .fetch();
    }
}
