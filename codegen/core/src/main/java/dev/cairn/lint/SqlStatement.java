package dev.cairn.lint;

import dev.cairn.lint.SqlLexer.Comment;
import dev.cairn.lint.SqlLexer.Token;

import java.util.List;

/**
 * One statement of a script: its text without the closing semicolon, the line of its first token,
 * its tokens, and the comment lines directly above it (no blank line between), where
 * {@code -- lint:ignore} comments live.
 */
record SqlStatement(String text, int line, List<Token> tokens, List<Comment> leadingComments) {

    SqlStatement {
        tokens = List.copyOf(tokens);
        leadingComments = List.copyOf(leadingComments);
    }

    Token first() {
        return tokens.getFirst();
    }
}
