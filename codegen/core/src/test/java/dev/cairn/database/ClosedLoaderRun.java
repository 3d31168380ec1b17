package dev.cairn.database;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's child JVM that runs as Maven runs the engine: cairn loaded in a class loader of its own,
 * one Testcontainers run through the auto provider, the loader closed, then the JVM's exit (where
 * Testcontainers' own shutdown hook runs). {@code ClosedLoaderRun IMAGE}.
 */
public final class ClosedLoaderRun {

    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) urls.add(new File(e).toURI().toURL());
        try (URLClassLoader engine = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(engine);
            Class<?> provider = engine.loadClass("dev.cairn.database.DatabaseChoice");
            Class<?> kind = engine.loadClass("dev.cairn.database.DatabaseKind");
            Object auto = kind.getMethod("valueOf", String.class).invoke(null, "AUTO");
            Object choice = provider.getMethod("of", kind, String.class, String.class, String.class, String.class, java.util.Map.class)
                    .invoke(null, auto, args[0], null, null, null, System.getenv());
            java.util.function.Consumer<String> quiet = line -> { };
            Object databases = provider.getMethod("provider", java.util.function.Consumer.class).invoke(choice, quiet);
            Object db = engine.loadClass("dev.cairn.database.DatabaseProvider").getMethod("start").invoke(databases);
            System.out.println("started " + db.getClass().getMethod("description").invoke(db));
            ((AutoCloseable) db).close();
            Thread.currentThread().setContextClassLoader(ClassLoader.getSystemClassLoader());
        }
        System.out.println("loader closed");
    }
}
