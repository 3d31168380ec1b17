package dev.cairn.generate;

import org.jooq.codegen.DefaultGeneratorStrategy;
import org.jooq.meta.Definition;
import org.jooq.meta.TableDefinition;

/** A team's own naming strategy, as jOOQ loads it by name: table classes get a "T" prefix. */
public class PrefixingStrategy extends DefaultGeneratorStrategy {

    @Override
    public String getJavaClassName(Definition definition, Mode mode) {
        String name = super.getJavaClassName(definition, mode);
        return definition instanceof TableDefinition && mode == Mode.DEFAULT ? "T" + name : name;
    }
}
