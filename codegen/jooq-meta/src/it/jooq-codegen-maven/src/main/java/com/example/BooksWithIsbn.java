package com.example;

import static com.example.db.Tables.AUTHORS;
import static com.example.db.Tables.BOOKS;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Compiles only against classes generated from all three migrations (V3 adds isbn). */
public final class BooksWithIsbn {

    public static String sql() {
        return DSL.using(SQLDialect.POSTGRES)
                .select(BOOKS.TITLE, BOOKS.ISBN, AUTHORS.NAME)
                .from(BOOKS).join(AUTHORS).on(BOOKS.AUTHOR_ID.eq(AUTHORS.ID))
                .where(BOOKS.ISBN.isNotNull())
                .getSQL();
    }
}
