package org.bulwark.region;

/** A region to choose on a form: its code and its name, indented by its depth under the chooser's region. */
public record RegionChoice(String code, String label) {}
