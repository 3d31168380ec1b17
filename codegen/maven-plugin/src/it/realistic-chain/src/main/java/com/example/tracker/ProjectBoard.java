package com.example.tracker;

import com.example.tracker.db.app.enums.TaskState;
import com.example.tracker.db.app.tables.records.ProjectOverviewRecord;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;

import java.time.LocalDate;
import java.util.UUID;

import static com.example.tracker.db.app.Tables.PROJECTS;
import static com.example.tracker.db.app.Tables.PROJECT_OVERVIEW;
import static com.example.tracker.db.app.Tables.TASKS;
import static com.example.tracker.db.app.Tables.TENANT_SETTINGS;
import static com.example.tracker.db.audit.Tables.PROJECT_CHANGES;

/** Compiles only against classes generated from both schemas of the chain. */
public final class ProjectBoard {

    private final DSLContext db;

    public ProjectBoard(DSLContext db) {
        this.db = db;
    }

    /** The repeatable migration's view, with the column added by the V2024.01.01.1200 migration. */
    public Result<ProjectOverviewRecord> dueBy(LocalDate day) {
        return db.selectFrom(PROJECT_OVERVIEW).where(PROJECT_OVERVIEW.DUE_DATE.le(day)).fetch();
    }

    /** An enum created in a DO block; open_tasks is kept by a trigger. */
    public int openTasks(UUID project) {
        return db.fetchCount(TASKS, TASKS.PROJECT_ID.eq(project).and(TASKS.STATE.ne(TaskState.done)));
    }

    /** The audit schema, written by a trigger on app.projects. */
    public Result<Record2<String, java.time.OffsetDateTime>> history(UUID project) {
        return db.select(PROJECT_CHANGES.OPERATION, PROJECT_CHANGES.CHANGED_AT)
                .from(PROJECT_CHANGES)
                .where(PROJECT_CHANGES.PROJECT_ID.eq(project))
                .orderBy(PROJECT_CHANGES.CHANGED_AT.desc())
                .fetch();
    }

    /** The db/tenant location's V1_20_4 column. */
    public String locale(String tenant) {
        return db.select(TENANT_SETTINGS.LOCALE).from(TENANT_SETTINGS).where(TENANT_SETTINGS.TENANT.eq(tenant)).fetchOne(TENANT_SETTINGS.LOCALE);
    }

    public boolean archived(UUID project) {
        return Boolean.TRUE.equals(db.select(PROJECTS.ARCHIVED).from(PROJECTS).where(PROJECTS.ID.eq(project)).fetchOne(PROJECTS.ARCHIVED));
    }
}
