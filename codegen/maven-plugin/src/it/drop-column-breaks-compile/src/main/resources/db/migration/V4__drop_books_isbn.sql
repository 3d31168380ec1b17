-- ISBNs moved to an external catalogue; the application still reads BOOKS.ISBN.
ALTER TABLE books DROP COLUMN isbn;
