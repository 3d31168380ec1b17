package com.example;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;

import static com.example.db.Tables.AUTHORS;
import static com.example.db.Tables.BOOKS;

/** Compiles only against classes generated from the migrations. */
public final class Catalog {

    private final DSLContext db;

    public Catalog(DSLContext db) {
        this.db = db;
    }

    public Result<Record2<String, String>> titlesWithIsbn() {
        return db.select(BOOKS.TITLE, BOOKS.ISBN)
                .from(BOOKS)
                .join(AUTHORS).on(AUTHORS.ID.eq(BOOKS.AUTHOR_ID))
                .where(BOOKS.ISBN.isNotNull())
                .fetch();
    }
}
