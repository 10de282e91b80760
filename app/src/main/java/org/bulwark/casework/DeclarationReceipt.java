package org.bulwark.casework;

import java.time.LocalDate;

/**
 * What anyone holding a receipt number may learn: the status and its dates, and the village's name — nothing about
 * the person.
 */
public record DeclarationReceipt(
        String receiptNumber,
        DeclarationStatus status,
        LocalDate receivedOn,
        LocalDate handledOn,
        String villageName) {}
