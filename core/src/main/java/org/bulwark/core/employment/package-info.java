/**
 * Employment services' shared words: how a labourer works, the kinds of employer, work and skill, and how far a job
 * is from home through the region tree. The employment module and the matching engine speak these; their Chinese
 * words are in the employment words table (files) and messages.properties {@code enum.*} (pages).
 */
package org.bulwark.core.employment;
