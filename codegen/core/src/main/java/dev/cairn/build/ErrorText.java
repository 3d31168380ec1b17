package dev.cairn.build;

/** The message a person sees for a failure: the most specific text in the cause chain. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) t = t.getCause();
        // NIO's messages are a bare path: say what is wrong with it.
        if (t instanceof java.nio.file.NoSuchFileException n) return "no such file or folder: " + n.getFile();
        if (t instanceof java.nio.file.AccessDeniedException a) return "permission denied: " + a.getFile();
        String m = t.getMessage();
        return m != null ? m : t.getClass().getSimpleName();
    }
}
