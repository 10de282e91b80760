package org.bulwark.core.generate;

import org.bulwark.core.identity.Sex;
import org.bulwark.core.registry.Relation;

/** The outline of a member before details are drawn: relation to the head, sex, age on the reference day, surname. */
record MemberSketch(Relation relation, Sex sex, int age, String surname) {}
