package dev.cairn.maven;

import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * The pom's {@code <generator>} element written back as XML. jooq-codegen-maven lets Maven build
 * jOOQ's {@code Generator} bean from it; that needs jOOQ in the plugin's realm, which this plugin
 * keeps empty, so the engine reads the same XML with jOOQ's own codegen XML reader instead. The
 * element names are the same in both forms.
 */
final class GeneratorXml {

    private GeneratorXml() {
    }

    static String of(PlexusConfiguration generator) {
        StringBuilder xml = new StringBuilder();
        write(generator, xml);
        return xml.toString();
    }

    private static void write(PlexusConfiguration element, StringBuilder xml) {
        xml.append('<').append(element.getName());
        for (String attribute : element.getAttributeNames()) {
            xml.append(' ').append(attribute).append("=\"").append(escape(element.getAttribute(attribute))).append('"');
        }
        xml.append('>');
        if (element.getChildCount() > 0) {
            for (PlexusConfiguration child : element.getChildren()) write(child, xml);
        } else if (element.getValue(null) != null) {
            xml.append(escape(element.getValue(null)));
        }
        xml.append("</").append(element.getName()).append('>');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
