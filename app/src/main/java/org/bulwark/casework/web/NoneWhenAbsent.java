package org.bulwark.casework.web;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** Writes an absent value as the string {@code "NONE"}, as the casework API has always answered it. */
class NoneWhenAbsent extends ValueSerializer<Object> {

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
        generator.writeString("NONE");
    }
}
