package org.bulwark.onboarding;

import org.bulwark.core.exchange.TableTemplate;
import org.bulwark.core.registry.RegistryTemplates;

/** The two files of a registry import, each with its published template. */
public enum RegistryFileKind {
    /** 户籍成员: one row per person, the household's fields repeated. */
    MEMBERS(RegistryTemplates.MEMBERS),
    /** 家庭收入: one row per household and year. */
    INCOMES(RegistryTemplates.INCOMES);

    private final TableTemplate template;

    RegistryFileKind(TableTemplate template) {
        this.template = template;
    }

    /** The template the file follows. */
    public TableTemplate template() {
        return template;
    }

    /** The Chinese name of the file kind (the template's). */
    public String label() {
        return template.label();
    }
}
