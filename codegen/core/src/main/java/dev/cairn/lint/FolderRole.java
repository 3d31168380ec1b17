package dev.cairn.lint;

/** What a migration folder is for: where a script lives decides what it may do. */
enum FolderRole {
    /** db/migration (any folder not named data or undo): schema changes only. */
    SCHEMA,
    /** db/data: data changes are its purpose. */
    DATA,
    /** db/undo: reverses the version of the same number. */
    UNDO
}
