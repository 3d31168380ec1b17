package dev.cairn.generate;

import dev.cairn.build.ErrorText;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Generator;
import org.jooq.util.jaxb.tools.XMLBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * jOOQ's own {@code <generator>} as a team wrote it: inline in the pom, or in a jOOQ codegen XML
 * file. {@link GeneratorMerge} combines it with ours; this class only reads it and says which of its
 * parts cairn will not use.
 *
 * @param generator what they wrote; never modified (the merge works on a copy)
 * @param source    where it came from, for messages ("pom <generator>", "jooq-codegen.xml")
 * @param ignored   one sentence per part that has no effect under cairn, e.g. their {@code <jdbc>}
 */
public record UserGenerator(Generator generator, String source, List<String> ignored) {

    public UserGenerator {
        ignored = List.copyOf(ignored);
    }

    /** A {@code <generator>} given inline (the Maven plugin's configuration). */
    public static UserGenerator inline(Generator generator, String source) {
        return new UserGenerator(generator, source, ignoredParts(generator, false, source));
    }

    /**
     * An inline {@code <generator>} that arrives as XML text (the Maven plugin passes its pom
     * configuration so, because its class realm holds no jOOQ): jOOQ reads it as it reads a file.
     */
    public static Generator parse(String generatorXml) {
        try {
            Configuration config = GenerationTool.load(new ByteArrayInputStream(
                    wrapInConfiguration(generatorXml.getBytes(StandardCharsets.UTF_8))));
            if (config.getGenerator() == null) throw new IllegalArgumentException("it has no content");
            return config.getGenerator();
        } catch (Exception e) {
            throw new IllegalArgumentException("<generator> is not jOOQ's codegen <generator>: " + ErrorText.of(e), e);
        }
    }

    /**
     * The inverse of {@link #parse}: a {@code <generator>} element. jOOQ's {@code toString()} gives
     * only the element's content (several roots, which no XML parser reads back).
     */
    public static String asXml(Generator generator) {
        return XMLBuilder.nonFormatting().append("generator", generator).toString();
    }

    /**
     * A jOOQ codegen XML file whose root is {@code <configuration>} (what {@code GenerationTool}
     * reads) or a bare {@code <generator>}. Namespaces are optional, as with jOOQ itself.
     */
    public static UserGenerator load(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("generatorConfig " + file + " does not exist: name a jOOQ codegen XML file"
                    + " (root <configuration> or <generator>).");
        }
        try {
            byte[] xml = Files.readAllBytes(file);
            String root = rootElement(xml).getLocalName();
            Configuration config = switch (root) {
                case "configuration" -> GenerationTool.load(new ByteArrayInputStream(xml));
                case "generator" -> GenerationTool.load(new ByteArrayInputStream(wrapInConfiguration(xml)));
                default -> throw new IllegalArgumentException("generatorConfig " + file + ": the root element is <" + root
                        + ">; jOOQ's codegen XML has <configuration> (or a bare <generator>).");
            };
            if (config.getGenerator() == null) {
                throw new IllegalArgumentException("generatorConfig " + file + " has no <generator> section.");
            }
            return new UserGenerator(config.getGenerator(), name, ignoredParts(config.getGenerator(), config.getJdbc() != null, name));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("generatorConfig " + file + " is not a readable jOOQ codegen XML file: "
                    + e.getMessage(), e);
        }
    }

    /** Their generator as jOOQ's XML: for the fingerprint and for messages. */
    public String xml() {
        return generator.toString();
    }

    private static List<String> ignoredParts(Generator g, boolean jdbc, String source) {
        List<String> notes = new ArrayList<>();
        if (jdbc) notes.add(source + ": <jdbc> ignored: the classes are generated from cairn's throwaway PostgreSQL.");
        if (g.getDatabase() != null && g.getDatabase().getName() != null
                && !g.getDatabase().getName().equals(GeneratorMerge.DATABASE)) {
            notes.add(source + ": <database><name>" + g.getDatabase().getName() + "</name> ignored: cairn reads the migrated"
                    + " PostgreSQL with " + GeneratorMerge.DATABASE + ".");
        }
        if (g.getTarget() != null && !GeneratorMerge.JOOQ_TARGET.getDirectory().equals(g.getTarget().getDirectory())) {
            notes.add(source + ": <target><directory> ignored: cairn writes to its outputDirectory setting.");
        }
        return notes;
    }

    private static Element rootElement(byte[] xml) throws Exception {
        return parser().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    /** {@code <generator>...</generator>} becomes {@code <configuration><generator>...</generator></configuration>}. */
    private static byte[] wrapInConfiguration(byte[] xml) throws Exception {
        Document doc = parser().parse(new ByteArrayInputStream(xml));
        Element generator = doc.getDocumentElement();
        Element configuration = doc.createElementNS(generator.getNamespaceURI(), "configuration");
        doc.replaceChild(configuration, generator);
        configuration.appendChild(generator);
        StringWriter out = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static javax.xml.parsers.DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // A build file, not a web request, but there is no reason to resolve external entities either.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f.newDocumentBuilder();
    }
}
