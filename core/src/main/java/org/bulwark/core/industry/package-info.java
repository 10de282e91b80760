/**
 * Industries' shared words and rules (issue 16; docs/industry.md): the kinds of business entity, the industries,
 * where a project's money comes from, its state, how a household benefits from it and the sources of a village
 * collective's income; and the industry-failure check ({@link org.bulwark.core.industry.IndustryFailureCheck}). The
 * policy is written down in docs/industry.md; the words' Chinese is in {@link org.bulwark.core.industry.IndustryWords}
 * (files, forms) and messages.properties {@code enum.*} (pages).
 */
package org.bulwark.core.industry;
