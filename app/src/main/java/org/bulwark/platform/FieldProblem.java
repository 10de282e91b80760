package org.bulwark.platform;

/**
 * What is wrong with one field (or one row): {@code field} names it as the form or JSON does ({@code members[1].idNumber}),
 * {@code code} is stable for machines, {@code message} is the reason for people.
 */
public record FieldProblem(String field, String code, String message) {}
