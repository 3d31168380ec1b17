package dev.cairn.build;

/** The message a person sees for a failure: the most specific text in the cause chain. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) t = t.getCause();
        String m = t.getMessage();
        return m != null ? m : t.getClass().getSimpleName();
    }
}
